"""The price a shopper sees for a SKU on cards and the product page.

Campaigns live above the catalogue (``commerce.promotions``). The catalogue asks for
effective prices through the Wagtail hook ``catalogue_effective_prices``: the one
registered function takes ``request`` and a list of variants (with ``product``,
its primary category and extra categories loaded) and returns ``{sku: ShownPrice}``.
Commerce answers with the same function that prices the cart and the order, so a card
never disagrees with the checkout. Without a registered function a variant shows its
own price and its "was" price.

Cards are priced in one batch per list (``attach_card_prices``): one query for the
variants of all the cards, one for their extra categories, whatever the hook needs
(commerce caches the live campaigns), never a query per card.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Prefetch
from wagtail import hooks

from .models import Category, Product, ProductVariant

EFFECTIVE_PRICES_HOOK = "catalogue_effective_prices"


@dataclass(frozen=True)
class ShownPrice:
    """What a card or the product page shows for one SKU.

    ``was`` is the struck-through price (the list price under a campaign, else the
    variant's "was" price); ``campaign`` and ``badge`` name the offer; a flash sale
    carries its end for the countdown and how many units are left at that price.
    """

    sku: str
    price: Decimal
    was: Decimal | None = None
    campaign: str = ""
    badge: str = ""
    ends_at: datetime | None = None
    flash: bool = False
    units_left: int | None = None
    lowest_30_days: Decimal | None = None

    @property
    def on_sale(self) -> bool:
        return self.was is not None and self.was > self.price

    @property
    def saving(self) -> Decimal | None:
        return self.was - self.price if self.on_sale else None


def plain_price(variant: ProductVariant) -> ShownPrice:
    """A variant's own price and "was" price, as shown when no campaign applies."""
    was = variant.compare_at_price
    return ShownPrice(
        sku=variant.sku,
        price=variant.price,
        was=was if was is not None and was > variant.price else None,
    )


def effective_prices(request, variants: Sequence[ProductVariant]) -> dict[str, ShownPrice]:
    """``{sku: ShownPrice}`` for these variants, from the registered function if any."""
    for prices in hooks.get_hooks(EFFECTIVE_PRICES_HOOK):
        return prices(request=request, variants=list(variants))
    return {variant.sku: plain_price(variant) for variant in variants}


def variants_for_cards(products: Iterable[Product]) -> list[ProductVariant]:
    """The variants of these products with what pricing reads, in two queries.

    Each variant's ``product`` is the caller's instance, so its brand and category
    need no further query.
    """
    by_pk = {product.pk: product for product in products}
    if not by_pk:
        return []
    variants = list(
        ProductVariant.objects.filter(product_id__in=list(by_pk)).order_by(
            "product_id", "sort_order"
        )
    )
    missing = [p for p in by_pk.values() if "extra_categories" not in _prefetched(p)]
    if missing:
        from django.db.models import prefetch_related_objects

        prefetch_related_objects(
            missing,
            Prefetch("extra_categories", queryset=Category.objects.only("id", "path")),
            "primary_category",
        )
    for variant in variants:
        variant.product = by_pk[variant.product_id]
    return variants


def _prefetched(product: Product) -> dict:
    return getattr(product, "_prefetched_objects_cache", {})


def attach_card_prices(request, products: Iterable[Product]) -> list[Product]:
    """Give each product ``card_price``: the ShownPrice of its cheapest SKU right now."""
    products = list(products)
    variants = variants_for_cards(products)
    prices = effective_prices(request, variants)
    best: dict[int, ShownPrice] = {}
    for variant in variants:
        shown = prices.get(variant.sku)
        current = best.get(variant.product_id)
        if shown is not None and (current is None or shown.price < current.price):
            best[variant.product_id] = shown
    for product in products:
        product.card_price = best.get(product.pk) or ShownPrice(sku="", price=product.min_price)
    return products
