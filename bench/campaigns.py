"""The catalogue pages with 20 live campaigns: queries per request and latency, with and without.

Usage: DATABASE_URL=… [REDIS_URL=…] .venv/bin/python bench/campaigns.py [--requests 40]
       [--on-campaign 5000] [--keep]

Needs a generated catalogue (``manage.py load_demo`` then ``manage.py generate_catalogue``,
see bench/README.md) of at least ``--on-campaign`` products. Publishes 20 campaigns named
"Bench: …" through revisions, as the admin does — percent off by category, amount off by
brand, special price tables, percent off hand-picked products, spend-and-save (the whole
shop and one category) and flash sales with caps and a per-shopper limit — chosen so that
``--on-campaign`` products have a campaign price. Every other campaign is switched off
while the bench runs and switched back on at the end (``--keep`` leaves the bench
campaigns live; a later run replaces them).

Each page is measured through Django's test client with a warm cache (facet counts and
the live campaigns cached): first with no campaign running, then with the 20. Per
scenario it prints median and p95 of single requests, the queries of one request, and
the cards on the page and how many of them show a campaign price. "No query per card" is
checked by comparing a full listing page (24 cards) with one of a few cards, with the
campaigns running: their query counts must be equal.

"repeats" is how often the request's most repeated SQL statement ran (1: none repeated).

Refuses to run without ``DATABASE_URL`` or on the development database (db.sqlite3).
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from commerce.promotions.models import (  # noqa: E402
    CAMPAIGNS_VERSION,
    Campaign,
    CampaignKind,
    CampaignProduct,
    CampaignTier,
)
from products.models import BrandPage, Category, Product, ProductVariant  # noqa: E402

PREFIX = "Bench: "
CARD_RE = re.compile(r'class="card product-card"')
SALE_RE = re.compile(r'class="sale-badge')


def require_own_database() -> None:
    """Campaigns are published and switched off: never on the developer's database."""
    name = str(settings.DATABASES["default"]["NAME"])
    if not os.environ.get("DATABASE_URL") or Path(name).resolve() == ROOT / "db.sqlite3":
        sys.exit(
            "bench/campaigns.py publishes and switches off campaigns: set DATABASE_URL to a "
            "database of its own (see bench/README.md), not db.sqlite3."
        )


def publish(campaign: Campaign, *, products=(), categories=(), brands=(), tiers=()) -> Campaign:
    """Validate, save and publish through a revision, as the admin does."""
    for product in products:
        campaign.campaign_products.add(CampaignProduct(product=product))
    for threshold, off in tiers:
        campaign.tiers.add(CampaignTier(threshold=threshold, amount_off=off))
    campaign.full_clean()
    campaign.save()
    campaign.categories.set(list(categories))
    campaign.brands.set(list(brands))
    campaign.save()
    campaign.save_revision().publish()
    return campaign


def sku_lines(variants, *, fraction: str, cap: int | None = None) -> str:
    """An SKU table: each SKU at ``fraction`` of its list price (and a cap for flash sales)."""
    lines = []
    for variant in variants:
        price = (variant.price * Decimal(fraction)).quantize(Decimal("0.01"))
        lines.append(f"{variant.sku},{price}" + (f",{cap}" if cap else ""))
    return "\n".join(lines)


def build_campaigns(*, on_campaign: int, rng: random.Random) -> dict:
    """Replace the bench campaigns by 20 running ones; what they cover, for the report."""
    Campaign.objects.filter(name__startswith=PREFIX).delete()
    starts = timezone.now() - timedelta(hours=1)
    window = {"starts_at": starts, "ends_at": starts + timedelta(days=7)}
    tops = list(Category.objects.filter(slug__startswith="gen-top-").order_by("slug"))
    brands = list(BrandPage.objects.live().order_by("title"))
    generated = Product.objects.live().filter(slug__startswith="gen-")
    if generated.count() < on_campaign or len(tops) < 8:
        sys.exit(
            f"{generated.count():,} generated products: run manage.py load_demo and "
            f"manage.py generate_catalogue --products {on_campaign} first (see bench/README.md)."
        )
    made = []

    def add(name, kind, **fields):
        relations = {
            k: fields.pop(k) for k in ("products", "categories", "brands", "tiers") if k in fields
        }
        campaign = Campaign(name=f"{PREFIX}{name}", kind=kind, live=False, **window, **fields)
        made.append(publish(campaign, **relations))

    # Percent off by category: six of the ten generated top categories (subtrees included).
    for index, top in enumerate(tops[:6]):
        add(
            f"{5 + index}% off {top.name}",
            CampaignKind.PERCENT_OFF,
            percent_off=5 + index,
            categories=[top],
        )
    # Amount off by brand: four campaigns share the brands out (a generated product has one).
    for index in range(4):
        pair = brands[index::4]
        add(
            f"¥{2 + index} off {' & '.join(b.title for b in pair)}",
            CampaignKind.AMOUNT_OFF,
            amount_off=2 + index,
            brands=pair,
        )
    # Special price tables: 3 × 100 SKUs of the remaining categories.
    rest = list(
        ProductVariant.objects.filter(
            product__in=generated, product__primary_category__path__gte=tops[6].path
        )
        .order_by("sku")
        .values_list("pk", flat=True)
    )
    picked = ProductVariant.objects.filter(pk__in=rng.sample(rest, min(len(rest), 600)))
    picked = list(picked.order_by("sku"))
    for index in range(3):
        table = sku_lines(picked[index * 100 : (index + 1) * 100], fraction="0.8")
        add(f"Special prices {index + 1}", CampaignKind.SPECIAL_PRICE, sku_table=table)
    # Flash sales: 3 × 20 SKUs, cap 50 each, two per shopper.
    for index in range(3):
        table = sku_lines(
            picked[300 + index * 20 : 300 + (index + 1) * 20], fraction="0.5", cap=50
        )
        add(
            f"Flash sale {index + 1}",
            CampaignKind.FLASH_SALE,
            sku_table=table,
            per_shopper_limit=2,
        )
    # Percent off hand-picked products: 2 × 40 products.
    hand = list(generated.filter(primary_category__path__gte=tops[6].path).order_by("?")[:80])
    for index in range(2):
        add(
            f"Picked {index + 1}",
            CampaignKind.PERCENT_OFF,
            percent_off=12,
            products=hand[index * 40 : (index + 1) * 40],
        )
    # Spend and save: the whole shop, and one category.
    add(
        "满减 whole shop",
        CampaignKind.SPEND_AND_SAVE,
        whole_shop=True,
        tiers=[(199, 20), (399, 50)],
    )
    add(
        f"满减 {tops[7].name}",
        CampaignKind.SPEND_AND_SAVE,
        categories=[tops[7]],
        tiers=[(299, 30)],
    )
    CAMPAIGNS_VERSION.bump()
    return {"campaigns": made, "flash_skus": [v.sku for v in picked[300:360]], "tops": tops}


def products_with_campaign_price() -> tuple[int, int]:
    """(live products with a campaign price on at least one SKU, live products), counted
    with the function that prices cards."""
    from commerce.promotions.engine import campaign_prices
    from products.prices import variants_for_cards

    ids = list(Product.objects.live().order_by("pk").values_list("pk", flat=True))
    on_campaign = set()
    for start in range(0, len(ids), 2000):
        chunk = Product.objects.filter(pk__in=ids[start : start + 2000])
        variants = variants_for_cards(chunk.select_related("primary_category"))
        offers = campaign_prices(variants)
        on_campaign |= {v.product_id for v in variants if offers[v.sku].campaign is not None}
    return len(on_campaign), len(ids)


def switch_others(*, on: bool, others: list[int]) -> None:
    Campaign.objects.filter(pk__in=others).update(live=on)
    CAMPAIGNS_VERSION.bump()


def switch_bench(*, on: bool) -> None:
    Campaign.objects.filter(name__startswith=PREFIX).update(live=on)
    CAMPAIGNS_VERSION.bump()


def measure(client: Client, urls: list[str], requests: int) -> dict:
    """Warm-cache median and p95 (ms) over ``requests`` GETs cycling through ``urls``; the
    queries, cards and sale badges of one request of the first URL."""
    for url in urls:
        assert client.get(url).status_code == 200, url  # warm caches and image renditions
    timings = []
    for index in range(requests):
        url = urls[index % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(urls[0])
    html = response.content.decode()
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[max(0, int(len(timings) * 0.95) - 1)],
        "queries": len(queries),
        "cards": len(CARD_RE.findall(html)),
        "badges": len(SALE_RE.findall(html)),
        "sql": [q["sql"] for q in queries.captured_queries],
        # The same statement run again and again is a query per item (per card, per SKU…).
        "repeats": max(Counter(q["sql"] for q in queries.captured_queries).values(), default=0),
    }


def scenarios(built: dict, rng: random.Random) -> dict[str, list[str]]:
    tops = built["tops"]
    brand = BrandPage.objects.live().order_by("title").first()
    category_size = (
        Product.objects.live().filter(primary_category__path__startswith=tops[0].path).count()
    )
    last_page = (category_size + 23) // 24
    flash_products = list(
        ProductVariant.objects.filter(sku__in=built["flash_skus"]).values_list(
            "product__slug", flat=True
        )
    )
    others = list(
        Product.objects.live()
        .filter(primary_category__path__startswith=tops[0].path)
        .values_list("slug", flat=True)[:200]
    )
    # The product with the most SKUs: shows whether the page's cost grows with its SKUs.
    widest = (
        Product.objects.live()
        .annotate(variant_count=Count("variants"))
        .order_by("-variant_count", "pk")
        .first()
    )
    return {
        "category, 24 cards": [
            f"/products/?category={tops[0].slug}",
            f"/products/?category={tops[0].slug}&page=2",
        ],
        "category, last page": [f"/products/?category={tops[0].slug}&page={last_page}"],
        "category + facets": [
            f"/products/?category={tops[0].slug}&brand={brand.slug}&gen-colour=red",
            f"/products/?category={tops[1].slug}&gen-size=M&gen-material=wool&sort=price_asc",
        ],
        "product, percent off": [f"/products/{slug}/" for slug in rng.sample(others, 20)],
        "product, flash sale": [f"/products/{slug}/" for slug in flash_products[:20]],
        f"product, {widest.variant_count} SKUs": [f"/products/{widest.slug}/"],
    }


HEADER = (
    f"{'scenario':<22}{'campaigns':>10}{'median ms':>10}{'p95 ms':>8}{'queries':>8}"
    f"{'cards':>6}{'on sale':>8}{'repeats':>8}"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--requests", type=int, default=40, help="timed requests per scenario and mode"
    )
    parser.add_argument(
        "--on-campaign", type=int, default=5000, help="products to put on campaign"
    )
    parser.add_argument("--keep", action="store_true", help="leave the bench campaigns live")
    parser.add_argument("--show-sql", action="store_true", help="print the queries of each page")
    args = parser.parse_args()
    require_own_database()
    rng = random.Random(7)
    others = list(
        Campaign.objects.filter(live=True)
        .exclude(name__startswith=PREFIX)
        .values_list("pk", flat=True)
    )
    started = time.perf_counter()
    built = build_campaigns(on_campaign=args.on_campaign, rng=rng)
    print(
        f"published {len(built['campaigns'])} campaigns in {time.perf_counter() - started:.1f} s"
    )
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    pages = scenarios(built, rng)
    results = {}
    switch_others(on=False, others=others)
    try:
        covered, live = products_with_campaign_price()
        print(
            f"{live:,} live products on {connection.vendor}; "
            f"{len(built['campaigns'])} bench campaigns running; "
            f"{covered:,} products with a campaign price"
        )
        for mode in ("off", "on"):
            switch_bench(on=mode == "on")
            for name, urls in pages.items():
                results[name, mode] = measure(client, urls, args.requests)
    finally:
        switch_bench(on=args.keep)
        switch_others(on=True, others=others)
    print(HEADER)
    for name in pages:
        for mode in ("off", "on"):
            r = results[name, mode]
            print(
                f"{name:<22}{mode:>10}{r['median']:>10.1f}{r['p95']:>8.1f}{r['queries']:>8}"
                f"{r['cards']:>6}{r['badges']:>8}{r['repeats']:>8}"
            )
            if args.show_sql:
                for sql in r["sql"]:
                    print("    ", sql[:160])
    full, few = results["category, 24 cards", "on"], results["category, last page", "on"]
    same = full["queries"] == few["queries"]
    if covered < args.on_campaign:
        print(f"only {covered:,} products with a campaign price, not {args.on_campaign:,}")
    print(
        f"no query per card: {full['cards']} cards → {full['queries']} queries, "
        f"{few['cards']} cards → {few['queries']} queries: {'yes' if same else 'NO'}"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
