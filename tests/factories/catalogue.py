"""Catalogue objects: categories, product types with attributes, products with variants and
stock."""

from decimal import Decimal

from django.utils import timezone

from commerce.inventory.services import stock_open
from products.models import (
    AttributeDefinition,
    Category,
    Product,
    ProductAttributeValue,
    ProductImage,
    ProductStats,
    ProductType,
    ProductVariant,
)


def make_category(name: str, slug: str, parent: Category | None = None) -> Category:
    """A category at the top level or under ``parent``."""
    if parent is None:
        return Category.add_root(name=name, slug=slug)
    return parent.add_child(name=name, slug=slug)


def make_product_type(
    name: str = "Gadget", attributes: list[dict] | None = None, **kwargs
) -> ProductType:
    """A product type; ``attributes`` are AttributeDefinition field dicts (code, name, kind, …)."""
    product_type = ProductType.objects.create(name=name, **kwargs)
    for position, fields in enumerate(attributes or []):
        AttributeDefinition.objects.create(
            product_type=product_type, sort_order=position, **fields
        )
    return product_type


_counter = {"n": 0}


def make_product(
    *,
    category: Category,
    product_type: ProductType,
    name: str | None = None,
    brand=None,
    prices: list[str] = ("100.00",),
    attributes: dict[str, str | list[str]] | None = None,
    on_hand: int = 10,
    live: bool = True,
    image=None,
    weight_grams: int = 500,
    sales_count: int = 0,
) -> Product:
    """A product with one variant per price (SKU P<n>-<i>), stock rows and attribute values.

    Live products are published through a revision, as the admin would.
    """
    _counter["n"] += 1
    number = _counter["n"]
    name = name or f"Product {number}"
    product = Product(
        name=name,
        slug=f"product-{number}",
        primary_category=category,
        product_type=product_type,
        brand=brand,
        summary=f"About {name}",
        live=False,
    )
    for index, price in enumerate(prices):
        product.variants.add(
            ProductVariant(
                sku=f"P{number}-{index}",
                price=Decimal(price),
                option_1=f"Option {index}",
                weight_grams=weight_grams,
                sort_order=index,
            )
        )
    definitions = {d.code: d for d in product_type.attribute_definitions.all()}
    for code, values in (attributes or {}).items():
        for value in values if isinstance(values, list) else [values]:
            product.attribute_values.add(
                ProductAttributeValue(attribute=definitions[code], value=value)
            )
    if image is not None:
        product.images.add(ProductImage(image=image, alt_text=f"Photo of {name}"))
    product.save()
    revision = product.save_revision()
    if live:
        revision.publish()
        product.refresh_from_db()
    for variant in product.variants.all():
        stock_open(sku=variant.sku, on_hand=on_hand)  # through the ledger, so its sums match
    ProductStats.objects.create(product=product, sales_count=sales_count)
    return product


def backdate(product: Product, days: int) -> Product:
    """Pretend the product was first published ``days`` ago."""
    moment = timezone.now() - timezone.timedelta(days=days)
    Product.objects.filter(pk=product.pk).update(first_published_at=moment)
    product.refresh_from_db()
    return product
