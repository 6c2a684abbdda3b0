"""Latency of search through Django's test client: suggestions and the results page with facets.

Usage: DATABASE_URL=postgres://… .venv/bin/python bench/search.py [--requests 60]
Run `manage.py update_index` after generating the catalogue (bench/README.md).
The first suggestion request builds the suggestion index; its time is printed apart.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from products.models import Product  # noqa: E402

SUGGEST = ["耳", "耳机", "lanya", "ly", "cof", "咖啡", "classic", "sm", "tea", "跑鞋"]
SEARCH = [
    "耳机",
    "蓝牙 耳机",
    "coffee",
    "classic item",
    "跑鞋 越野",
    "smart mini",
    "tea 礼盒",
    "backpack",
]


def timed(client: Client, urls: list[str], requests: int) -> tuple[float, float]:
    timings = []
    for index in range(requests):
        url = urls[index % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 302), (url, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    print(f"{Product.objects.live().count():,} live products on {connection.vendor}")
    started = time.perf_counter()
    client.get("/search/suggest/", {"q": "a"})
    print(f"suggestion index built in {time.perf_counter() - started:.1f} s")
    suggest_urls = [f"/search/suggest/?q={q}" for q in SUGGEST]
    median, p95 = timed(client, suggest_urls, args.requests * 3)
    print(f"{'suggest':<28}{median:>10.1f}{p95:>10.1f}  ms (median, p95)")
    search_urls = [f"/search/?q={q}" for q in SEARCH]
    for url in search_urls:
        client.get(url)  # first view of each query counts its facets
    median, p95 = timed(client, search_urls, args.requests)
    print(f"{'search, facets cached':<28}{median:>10.1f}{p95:>10.1f}  ms")
    # A price bound never asked for before gives a query whose facets are not cached yet.
    first_views = [
        timed(client, [f"{url}&price_min={index + 1}"], 1)[0]
        for index, url in enumerate(search_urls)
    ]
    first_views.sort()
    print(
        f"{'search, first view':<28}{statistics.median(first_views):>10.1f}"
        f"{first_views[-1]:>10.1f}  ms (median, max)"
    )


if __name__ == "__main__":
    main()
