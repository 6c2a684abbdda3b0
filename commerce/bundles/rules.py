"""Bundles as a discount rule of the pricing engine (``commerce.pricing.DISCOUNT_RULES``).

It runs after the campaign prices and before 满减 (``promotions.rules``): for as many sets
as the cart holds whole (main product units and each companion), a companion costs its
bundle price. A companion line a campaign already discounted gets only what the bundle
saves beyond that (the better of the two, never both); a line counts for one bundle.
"""

from __future__ import annotations

from core.money import ZERO

from ..pricing import DISCOUNT_RULES, Discount, PricedLine, PricingContext
from .selectors import running_bundles


def bundle_rule(lines: list[PricedLine], context: PricingContext) -> list[Discount]:
    if not lines:
        return []
    by_sku = {line.sku: line for line in lines}
    main_left: dict[int, int] = {}
    for line in lines:
        main_left[line.product.pk] = main_left.get(line.product.pk, 0) + line.quantity
    taken: set[str] = set()
    discounts = []
    for bundle in sorted(
        running_bundles(province=context.province, now=context.now), key=lambda b: b.pk
    ):
        companions = [(by_sku.get(sku), price) for sku, price in bundle.items]
        if not main_left.get(bundle.main_product_id) or any(
            line is None or line.sku in taken for line, _price in companions
        ):
            continue
        sets = min(
            [main_left[bundle.main_product_id]] + [line.quantity for line, _p in companions]
        )
        per_sku = {}
        for line, price in companions:
            saving = min((line.unit_price - price) * sets - line.discount, line.total)
            if saving > 0:
                per_sku[line.sku] = saving
        if not per_sku:
            continue
        main_left[bundle.main_product_id] -= sets
        for line, _price in companions:
            taken.add(line.sku)
            if line.sku in per_sku:
                line.campaign_discount += per_sku[line.sku]
                line.campaign_name = bundle.name
        discounts.append(
            Discount(
                code=f"bundle:{bundle.pk}",
                label=bundle.name,
                amount=sum(per_sku.values(), ZERO),
                per_sku=per_sku,
            )
        )
    return discounts


def register() -> None:
    """Put the bundle rule right after the campaign prices (before 满减), once, and show the
    bundles on the main product's page (called from ``apps.ready``)."""
    from wagtail import hooks

    from products.detail import PRODUCT_PAGE_HOOK

    from ..promotions.rules import campaign_price_rule
    from .views import product_page_bundles

    if bundle_rule not in DISCOUNT_RULES:
        after = (
            DISCOUNT_RULES.index(campaign_price_rule) + 1
            if campaign_price_rule in DISCOUNT_RULES
            else 0
        )
        DISCOUNT_RULES.insert(after, bundle_rule)
        hooks.register(PRODUCT_PAGE_HOOK, product_page_bundles)
