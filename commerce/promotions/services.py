"""Flash sales' hard caps, kept in the order transaction like stock.

A flash sale sells at most its cap of each SKU, and at most ``per_shopper_limit`` units
to one shopper, however many orders are placed at once. ``order_place``:

1. before its transaction, ``flash_counters_ensure`` makes sure every (campaign, SKU)
   counter row the basket could touch exists (``flash_keys``);
2. in its transaction, ``flash_counters_lock`` locks those rows (``commerce.locks``
   order: after the order's own rows, before red packets and stock) and only then
   prices the basket, so the units it charges at the sale price are units the cap and
   the shopper's limit still allow — a second order for the same SKU waits for the first
   to commit and then sees what it took;
3. ``flash_sale_take`` adds what the order took to the counters (``F()``) and records
   the shopper's purchase (for their limit).

Cancelling an order gives the units back (``flash_sale_give_back``), under the same locks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import F
from django.utils.translation import gettext as _

from core.errors import CommerceError

from ..locks import lock_flash_counters
from .engine import live_campaigns
from .models import CampaignKind, FlashSaleCounter, FlashSalePurchase

FlashKey = tuple[int, str]  # (campaign pk, SKU)


class FlashSaleSoldOut(CommerceError):
    """More units at a flash sale's price than its cap allows (never reached through pricing,
    which reads the locked counters; a guard against a change that would break that)."""

    code = "flash_sale_sold_out"


def flash_keys(skus: Iterable[str], *, now: datetime) -> set[FlashKey]:
    """The (campaign, SKU) pairs of the flash sales running ``now`` that list these SKUs.

    Every province's sales: locking one counter too many costs nothing, one too few
    would let a cap overshoot.
    """
    skus = set(skus)
    return {
        (campaign.pk, sku)
        for campaign in live_campaigns()
        if campaign.kind == CampaignKind.FLASH_SALE and campaign.is_running(now)
        for sku in skus & set(campaign.caps)
    }


def flash_counters_ensure(keys: Iterable[FlashKey]) -> None:
    """Create the counter rows that do not exist yet (a row per key, never two)."""
    keys = set(keys)
    if keys:
        FlashSaleCounter.objects.bulk_create(
            [FlashSaleCounter(campaign_id=pk, sku=sku) for pk, sku in sorted(keys)],
            ignore_conflicts=True,
        )


def flash_counters_lock(keys: Iterable[FlashKey]) -> dict[FlashKey, FlashSaleCounter]:
    """Lock the counters of ``keys`` in the caller's transaction, creating any still missing
    (a sale that started a moment ago): a row inserted here is held until the commit too."""
    keys = set(keys)
    locked = lock_flash_counters(keys)
    if keys - set(locked):
        flash_counters_ensure(keys - set(locked))
        locked = lock_flash_counters(keys)
    return locked


def flash_sale_take(
    *, order, lines, counters: dict[FlashKey, FlashSaleCounter], user, email: str
) -> None:
    """Count the units ``lines`` (priced under ``counters``' locks) took at a flash price."""
    purchases = []
    for line in lines:
        offer = line.offer
        if not line.flash_units or offer is None or not offer.campaign.is_flash:
            continue
        campaign = offer.campaign
        counter = counters.get((campaign.pk, line.sku))
        cap = campaign.caps.get(line.sku, 0)
        if counter is None or counter.sold + line.flash_units > cap:
            raise FlashSaleSoldOut(
                _("%(name)s has sold out at the flash-sale price.") % {"name": line.product_name}
            )
        FlashSaleCounter.objects.filter(pk=counter.pk).update(sold=F("sold") + line.flash_units)
        counter.sold += line.flash_units
        purchases.append(
            FlashSalePurchase(
                campaign_id=campaign.pk,
                sku=line.sku,
                order=order,
                user=user if getattr(user, "is_authenticated", False) else None,
                email="" if getattr(user, "is_authenticated", False) else email,
                quantity=line.flash_units,
            )
        )
    FlashSalePurchase.objects.bulk_create(purchases)


def flash_sale_give_back(*, order) -> int:
    """A cancelled order's flash-sale units go back to their sales (and to the shopper's
    limit); returns how many. Call with the order locked, before red packets and stock."""
    purchases = list(FlashSalePurchase.objects.filter(order=order))
    if not purchases:
        return 0
    counters = lock_flash_counters({(p.campaign_id, p.sku) for p in purchases})
    for purchase in purchases:
        counter = counters.get((purchase.campaign_id, purchase.sku))
        if counter is not None:
            back = min(purchase.quantity, counter.sold)
            FlashSaleCounter.objects.filter(pk=counter.pk).update(sold=F("sold") - back)
            counter.sold -= back
    FlashSalePurchase.objects.filter(pk__in=[p.pk for p in purchases]).delete()
    return sum(p.quantity for p in purchases)
