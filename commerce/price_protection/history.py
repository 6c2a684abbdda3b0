"""The price history of SKUs: recorded on publishing, read in one query per page.

- ``list_prices_record(product)``: on a product's publish, each variant whose price differs
  from its open list-price record closes that record and opens a new one.
- ``campaign_prices_record(campaign)``: on a campaign's publish, the campaign price of
  every SKU it covers, over the campaign's start and end (so a scheduled campaign starts
  and ends in the history without anyone acting); what a previous revision recorded for
  the time still to come is replaced. ``campaign_prices_close`` cuts them at unpublishing.
- ``lowest_prices(skus, province, since, until)``: the lowest effective price of each SKU in
  a time window, for a province — one query.

A campaign price is recorded from the list price at publishing; a list price published
during a campaign does not re-price it (the effective price is the lower of the two records
at any time, which is what ``lowest_prices`` reads).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..promotions.engine import LiveCampaign
from ..promotions.models import PRICE_KINDS, CampaignKind
from ..promotions.selectors import campaign_variants
from .models import PriceRecord

Source = PriceRecord.Source
LOWEST_DAYS = 30


@transaction.atomic
def list_prices_record(product, *, now: datetime | None = None) -> int:
    """Record the published list prices of ``product``'s variants; returns how many changed."""
    now = now or timezone.now()
    variants = {variant.sku: variant.price for variant in product.variants.all()}
    open_records = {
        record.sku: record
        for record in PriceRecord.objects.filter(
            sku__in=list(variants), source=Source.LIST, ends_at__isnull=True
        )
    }
    changed = [sku for sku, price in variants.items() if _differs(open_records.get(sku), price)]
    PriceRecord.objects.filter(
        pk__in=[open_records[sku].pk for sku in changed if sku in open_records]
    ).update(ends_at=now)
    PriceRecord.objects.bulk_create(
        [
            PriceRecord(sku=sku, price=variants[sku], source=Source.LIST, starts_at=now)
            for sku in changed
        ]
    )
    return len(changed)


def _differs(record: PriceRecord | None, price: Decimal) -> bool:
    return record is None or record.price != price


@transaction.atomic
def campaign_prices_record(campaign, *, now: datetime | None = None) -> int:
    """Record the SKU prices of a just-published campaign; returns how many SKUs it prices."""
    now = now or timezone.now()
    campaign_prices_close(campaign, now=now)
    if campaign.kind not in PRICE_KINDS or campaign.ends_at <= now:
        return 0
    live = LiveCampaign.from_campaign(campaign)
    source = Source.FLASH if campaign.kind == CampaignKind.FLASH_SALE else Source.CAMPAIGN
    records = []
    for variant in campaign_variants(live):
        if not live.covers(variant):
            continue
        price = live.unit_price(variant)
        if price is None:
            continue
        records.append(
            PriceRecord(
                sku=variant.sku,
                price=price,
                source=source,
                campaign_id=campaign.pk,
                campaign_name=campaign.name[:80],
                provinces=list(campaign.provinces or []),
                starts_at=max(campaign.starts_at, now),
                ends_at=campaign.ends_at,
            )
        )
    PriceRecord.objects.bulk_create(records, batch_size=500)
    return len(records)


def campaign_prices_close(campaign, *, now: datetime | None = None) -> None:
    """End the campaign's prices now: what had not started is dropped, what runs stops."""
    now = now or timezone.now()
    records = PriceRecord.objects.filter(campaign_id=campaign.pk)
    records.filter(starts_at__gte=now).delete()
    records.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now)).update(ends_at=now)


@dataclass(frozen=True)
class Lowest:
    sku: str
    price: Decimal
    at: datetime
    source: str
    campaign_name: str = ""


def lowest_prices(
    skus: Iterable[str],
    *,
    province: str,
    since: datetime,
    until: datetime,
    exclude_flash: bool = False,
    skip_campaigns: dict[str, int] | None = None,
) -> dict[str, Lowest]:
    """``{sku: Lowest}``: the lowest price each SKU had for ``province`` at any time in
    [``since``, ``until``), and when it was first seen at it. One query.

    ``skip_campaigns``: ``{sku: campaign pk}`` records not to count (the offer being shown).
    """
    records = _records_between(skus, since=since, until=until)
    if exclude_flash:
        records = [record for record in records if record.source != Source.FLASH]
    return _lowest(records, province=province, since=since, skip_campaigns=skip_campaigns)


def lowest_prices_and_flash(
    skus: Iterable[str], *, province: str, since: datetime, until: datetime
) -> tuple[dict[str, Lowest], dict[str, Lowest]]:
    """``lowest_prices`` without flash sales and with them, from the same one query: a
    price drop that only a flash sale reached is refused with its own reason."""
    records = _records_between(skus, since=since, until=until)
    without_flash = [record for record in records if record.source != Source.FLASH]
    return (
        _lowest(without_flash, province=province, since=since),
        _lowest(records, province=province, since=since),
    )


def _records_between(skus: Iterable[str], *, since: datetime, until: datetime) -> list:
    skus = list(set(skus))
    if not skus or until <= since:
        return []
    return list(
        PriceRecord.objects.filter(sku__in=skus, starts_at__lt=until)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=since))
        .order_by("starts_at", "pk")
    )


def _lowest(
    records, *, province: str, since: datetime, skip_campaigns: dict[str, int] | None = None
) -> dict[str, Lowest]:
    skip_campaigns = skip_campaigns or {}
    best: dict[str, Lowest] = {}
    for record in records:
        if not record.serves(province) or (
            record.campaign_id is not None and skip_campaigns.get(record.sku) == record.campaign_id
        ):
            continue
        current = best.get(record.sku)
        if current is None or record.price < current.price:
            best[record.sku] = Lowest(
                sku=record.sku,
                price=record.price,
                at=max(record.starts_at, since),
                source=record.source,
                campaign_name=record.campaign_name,
            )
    return best


def lowest_30_days(
    list_prices: dict[str, Decimal],
    *,
    province: str,
    skip_campaigns: dict[str, int] | None = None,
    now: datetime | None = None,
) -> dict[str, Decimal]:
    """The lowest price of each SKU over the last 30 days besides the offer now shown (the
    "lowest in 30 days" next to a sale price); its list price counts too. One query."""
    now = now or timezone.now()
    found = lowest_prices(
        list_prices,
        province=province,
        since=now - timedelta(days=LOWEST_DAYS),
        until=now,
        skip_campaigns=skip_campaigns,
    )
    lowest = {}
    for sku, list_price in list_prices.items():
        seen = found.get(sku)
        lowest[sku] = min(list_price, seen.price) if seen else list_price
    return lowest
