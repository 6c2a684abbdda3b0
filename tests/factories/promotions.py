"""Campaigns for tests, published through a revision as the admin would."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from commerce.promotions.models import Campaign, CampaignKind, CampaignProduct, CampaignTier


def make_campaign(
    *,
    kind: str = CampaignKind.PERCENT_OFF,
    name: str | None = None,
    percent_off: str | None = None,
    amount_off: str | None = None,
    products=(),
    categories=(),
    brands=(),
    sku_table: str = "",
    tiers: list[tuple[str, str]] = (),
    whole_shop: bool = False,
    per_shopper_limit: int | None = None,
    provinces: list[str] = (),
    starts_in: timedelta = timedelta(hours=-1),
    lasts: timedelta = timedelta(days=7),
    live: bool = True,
) -> Campaign:
    """A campaign running now (unless ``starts_in`` says otherwise), live unless ``live=False``."""
    starts_at = timezone.now() + starts_in
    campaign = Campaign(
        name=name or f"{CampaignKind(kind).label} campaign",
        kind=kind,
        percent_off=Decimal(percent_off) if percent_off else None,
        amount_off=Decimal(amount_off) if amount_off else None,
        sku_table=sku_table,
        whole_shop=whole_shop,
        per_shopper_limit=per_shopper_limit,
        provinces=list(provinces),
        starts_at=starts_at,
        ends_at=starts_at + lasts,
        live=False,
    )
    for product in products:
        campaign.campaign_products.add(CampaignProduct(product=product))
    for threshold, off in tiers:
        campaign.tiers.add(CampaignTier(threshold=Decimal(threshold), amount_off=Decimal(off)))
    campaign.full_clean()
    campaign.save()
    campaign.categories.set(list(categories))
    campaign.brands.set(list(brands))
    campaign.save()
    revision = campaign.save_revision()
    if live:
        revision.publish()
        campaign.refresh_from_db()
    return campaign
