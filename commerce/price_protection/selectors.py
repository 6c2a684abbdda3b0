"""What shoppers and staff read of the price history and the claims."""

from __future__ import annotations

import dataclasses

from django.db.models import Count, Sum

from products.prices import ShownPrice

from ..promotions.engine import live_campaigns
from ..promotions.region import shopper_province
from ..promotions.selectors import shown_prices
from .history import lowest_30_days
from .models import PriceProtectionClaim


def shown_prices_with_lowest(*, request, variants) -> dict[str, ShownPrice]:
    """The ``catalogue_effective_prices`` hook: the campaign prices of ``shown_prices``, each
    sale price with the lowest price of the last 30 days besides it when that is below the
    struck-through price (one more query a page,
    none when nothing is on a campaign)."""
    prices = shown_prices(request=request, variants=variants)
    on_sale = {sku: shown for sku, shown in prices.items() if shown.campaign and shown.on_sale}
    if not on_sale:
        return prices
    by_name = {campaign.name: campaign.pk for campaign in live_campaigns()}
    lowest = lowest_30_days(
        {sku: shown.was for sku, shown in on_sale.items()},
        province=shopper_province(request),
        skip_campaigns={
            sku: by_name[shown.campaign]
            for sku, shown in on_sale.items()
            if shown.campaign in by_name
        },
    )
    for sku, shown in on_sale.items():
        # Only a price below the struck-through one says something the card does not.
        if lowest.get(sku) is not None and lowest[sku] < shown.was:
            prices[sku] = dataclasses.replace(shown, lowest_30_days=lowest[sku])
    return prices


def claim_totals(claims=None) -> dict:
    """Count and sum of the claims, by status."""
    claims = PriceProtectionClaim.objects.all() if claims is None else claims
    rows = claims.order_by().values("status").annotate(count=Count("pk"), total=Sum("amount"))
    return {row["status"]: row for row in rows}
