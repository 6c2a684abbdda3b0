"""Latency of the catalogue pages through Django's test client (median and p95).

Usage: DATABASE_URL=postgres://… .venv/bin/python bench/catalogue.py [--requests 60]
Scenarios: the listing unfiltered, with one facet, with three facets, and a product page;
each measured with an empty cache before every request (cold) and with cached facet counts (warm).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from products.models import BrandPage, Product  # noqa: E402


def measure(
    client: Client, urls: list[str], requests: int, cold: bool
) -> tuple[float, float, int]:
    """Median and p95 in milliseconds over ``requests`` GETs cycling through ``urls``; plus queries
    of one.

    ``cold`` empties the cache before every request, so cached facet counts are recomputed each
    time.
    """
    for url in urls[:3]:
        assert client.get(url).status_code == 200, url  # warm image renditions
    timings = []
    for index in range(requests):
        url = urls[index % len(urls)]
        if cold:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(urls[0])
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    brand = BrandPage.objects.live().first()
    slugs = list(Product.objects.live().order_by("?").values_list("slug", flat=True)[:50])
    scenarios = {
        "listing, unfiltered": ["/products/", "/products/?page=2", "/products/?sort=price_asc"],
        "listing, one facet": [
            f"/products/?brand={brand.slug}",
            "/products/?gen-colour=red",
            "/products/?price_max=100",
        ],
        "listing, three facets": [
            f"/products/?brand={brand.slug}&price_min=100&price_max=1000&gen-colour=red",
            "/products/?category=gen-top-3&gen-size=M&gen-material=wool",
            f"/products/?brand={brand.slug}&gen-colour=blue&gen-colour=green&sort=price_desc",
        ],
        "product page": [f"/products/{slug}/" for slug in slugs],
    }
    print(f"{Product.objects.live().count():,} live products on {connection.vendor}")
    print(f"{'scenario':<24}{'cache':>6}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
    for name, urls in scenarios.items():
        random.shuffle(urls)
        for cold in (True, False):
            median, p95, queries = measure(client, urls, args.requests, cold)
            print(
                f"{name:<24}{'cold' if cold else 'warm':>6}{median:>10.1f}{p95:>10.1f}{queries:>9}"
            )


if __name__ == "__main__":
    main()
