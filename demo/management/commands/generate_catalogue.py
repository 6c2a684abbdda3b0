"""``manage.py generate_catalogue --products 100000``: a large catalogue for benchmarks.

Rows are written with bulk inserts (no revisions, no search indexing), which is
what makes 100,000 products with variants, attributes and stock take a minute or
two instead of hours. Generated products carry the slug prefix ``gen-`` and can be
removed again with ``--delete``.
"""

import random
import sys
import time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from commerce.inventory.services import opening_movements
from commerce.models import StockMovement
from products.cache import bump_catalogue_version
from products.models import (
    AttributeDefinition,
    BrandPage,
    Category,
    Product,
    ProductAttributeValue,
    ProductStats,
    ProductType,
    ProductVariant,
    Stock,
)

BATCH = 2000
COLOURS = ["black", "white", "red", "blue", "green", "grey", "yellow", "pink"]
SIZES = ["XS", "S", "M", "L", "XL"]
MATERIALS = ["cotton", "wool", "linen", "nylon", "leather", "steel", "bamboo", "oak"]
WORDS = [
    "classic",
    "light",
    "pro",
    "urban",
    "travel",
    "smart",
    "eco",
    "mini",
    "max",
    "soft",
    "daily",
    "studio",
]


class Command(BaseCommand):
    help = (
        "Create a large generated catalogue (products with variants, attributes and stock) for "
        "benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--delete", action="store_true", help="Remove previously generated products and stop."
        )

    def handle(self, *args, products, seed, delete, **options):
        if delete:
            self.delete_generated()
            return
        if products < 1:
            raise CommandError("--products must be at least 1.")
        random.seed(seed)
        started = time.monotonic()
        categories = self.ensure_categories()
        product_type, definitions = self.ensure_product_type()
        brands = list(BrandPage.objects.live()) or [None]
        offset = Product.objects.filter(slug__startswith="gen-").count()
        done = 0
        while done < products:
            size = min(BATCH, products - done)
            self.create_batch(offset + done, size, categories, product_type, definitions, brands)
            done += size
            self.progress(done, products, started)
        sys.stderr.write("\n")
        self.analyze()
        bump_catalogue_version()
        self.stdout.write(f"Created {products} products in {time.monotonic() - started:.1f} s.")

    def progress(self, done, total, started):
        width = 40
        filled = int(width * done / total)
        rate = done / max(time.monotonic() - started, 1e-6)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({rate:,.0f}/s)"
        )
        sys.stderr.flush()

    def ensure_categories(self) -> list[Category]:
        """Ten generated top-level categories with five children each (leaves get the products)."""
        leaves = list(Category.objects.filter(slug__startswith="gen-cat-", depth=2))
        if leaves:
            return leaves
        for top in range(10):
            root = Category.add_root(name=f"Generated {top}", slug=f"gen-top-{top}")
            for child in range(5):
                leaves.append(
                    root.add_child(name=f"Generated {top}.{child}", slug=f"gen-cat-{top}-{child}")
                )
        return leaves

    def ensure_product_type(self):
        product_type, created = ProductType.objects.get_or_create(
            name="Generated", defaults={"option_1_name": "Colour", "option_2_name": "Size"}
        )
        if created:
            for position, (code, name, choices) in enumerate(
                [
                    ("gen-colour", "Colour", COLOURS),
                    ("gen-size", "Size", SIZES),
                    ("gen-material", "Material", MATERIALS),
                ]
            ):
                AttributeDefinition.objects.create(
                    product_type=product_type,
                    code=code,
                    name=name,
                    kind="choice",
                    choices="\n".join(choices),
                    filterable=True,
                    sort_order=position,
                )
        return product_type, {d.code: d for d in product_type.attribute_definitions.all()}

    @transaction.atomic
    def create_batch(self, start, size, categories, product_type, definitions, brands):
        now = timezone.now()
        rows = []
        for number in range(start, start + size):
            price = Decimal(random.randint(5, 5000)) - Decimal("0.01")
            rows.append(
                Product(
                    name=f"{random.choice(WORDS).title()} {random.choice(WORDS)} item {number}",
                    slug=f"gen-{number}",
                    brand=random.choice(brands),
                    primary_category=random.choice(categories),
                    product_type=product_type,
                    summary=f"Generated product {number}",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now
                    - timezone.timedelta(minutes=random.randint(0, 60 * 24 * 365)),
                    last_published_at=now,
                    min_price=price,
                )
            )
        products = Product.objects.bulk_create(rows)
        variants, stock, values, stats = [], [], [], []
        for product in products:
            for index in range(2):
                sku = f"GEN-{product.slug[4:]}-{index}"
                price = product.min_price + index * 10
                variants.append(
                    ProductVariant(
                        product=product,
                        sku=sku,
                        price=price,
                        option_1=random.choice(COLOURS),
                        option_2=SIZES[index],
                        weight_grams=random.randint(100, 5000),
                        sort_order=index,
                    )
                )
                stock.append(Stock(sku=sku, on_hand=random.randint(0, 200)))
            values.append(
                ProductAttributeValue(
                    product=product,
                    attribute=definitions["gen-colour"],
                    value=random.choice(COLOURS),
                )
            )
            values.append(
                ProductAttributeValue(
                    product=product, attribute=definitions["gen-size"], value=random.choice(SIZES)
                )
            )
            values.append(
                ProductAttributeValue(
                    product=product,
                    attribute=definitions["gen-material"],
                    value=random.choice(MATERIALS),
                )
            )
            stats.append(ProductStats(product=product, sales_count=random.randint(0, 1000)))
        ProductVariant.objects.bulk_create(variants)
        Stock.objects.bulk_create(stock)
        StockMovement.objects.bulk_create(
            opening_movements(stock)
        )  # the ledger's sums match from the start
        ProductAttributeValue.objects.bulk_create(values)
        ProductStats.objects.bulk_create(stats)

    def analyze(self):
        """Refresh the planner's statistics: after a bulk load they describe empty tables."""
        if connection.vendor != "postgresql":
            return
        tables = [
            model._meta.db_table
            for model in (
                Product,
                ProductVariant,
                Stock,
                StockMovement,
                ProductAttributeValue,
                ProductStats,
            )
        ]
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f'ANALYZE "{table}"')

    def delete_generated(self):
        generated = Product.objects.filter(slug__startswith="gen-")
        skus = ProductVariant.objects.filter(product__in=generated).values("sku")
        StockMovement.objects.filter(sku__in=skus).delete()
        Stock.objects.filter(sku__in=skus).delete()
        count, _ = generated.delete()
        bump_catalogue_version()
        self.stdout.write(f"Deleted {count} rows of generated products.")
