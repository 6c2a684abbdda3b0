"""What shoppers and staff see of campaigns: effective prices for the catalogue's cards
and product page, and the price table of a campaign's preview."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.utils import timezone

from products.models import Category, ProductVariant
from products.prices import ShownPrice, plain_price
from products.showcases import card_queryset

from .engine import LiveCampaign, Offer, campaign_prices
from .region import shopper_province

PREVIEW_ROWS = 300


def shown_price(variant: ProductVariant, offer: Offer | None) -> ShownPrice:
    """A campaign offer as the catalogue shows it (the list price struck through)."""
    if offer is None or offer.campaign is None:
        return plain_price(variant)
    campaign = offer.campaign
    return ShownPrice(
        sku=variant.sku,
        price=offer.price,
        was=offer.list_price,
        campaign=campaign.name,
        badge=campaign.badge,
        ends_at=campaign.ends_at,
        flash=campaign.is_flash,
        units_left=offer.units,
    )


def shown_prices(*, request, variants: list[ProductVariant]) -> dict[str, ShownPrice]:
    """The ``catalogue_effective_prices`` hook: the shopper's prices for these variants."""
    user = getattr(request, "user", None)
    offers = campaign_prices(variants, province=shopper_province(request), user=user)
    return {variant.sku: shown_price(variant, offers.get(variant.sku)) for variant in variants}


def campaign_variants(campaign: LiveCampaign):
    """Live variants the campaign covers (by SKU, product, category tree or brand)."""
    if campaign.whole_shop:
        cover = Q()
    else:
        cover = Q(sku__in=list(campaign.sku_prices)) | Q(product_id__in=campaign.product_ids)
        if campaign.brand_ids:
            cover |= Q(product__brand_id__in=campaign.brand_ids)
        for path in campaign.category_paths:
            cover |= Q(product__primary_category__path__startswith=path)
            cover |= Q(product__extra_categories__path__startswith=path)
    return (
        ProductVariant.objects.filter(cover, product__live=True)
        .distinct()
        .select_related("product", "product__primary_category", "product__brand")
        .prefetch_related(
            Prefetch("product__extra_categories", queryset=Category.objects.only("id", "path"))
        )
        .order_by("product__name", "sku")
    )


def campaign_products(campaign, *, limit: int) -> list:
    """Live products a published, running campaign covers, as cards (empty otherwise)."""
    now = timezone.now()
    if not campaign.live or not (campaign.starts_at <= now < campaign.ends_at):
        return []
    live = LiveCampaign.from_campaign(campaign)
    product_ids = campaign_variants(live).order_by().values("product_id")
    return list(card_queryset().filter(pk__in=product_ids).order_by("name", "pk")[:limit])


def campaign_preview_rows(campaign) -> dict:
    """Every SKU the (draft) campaign touches with its list and campaign price, and the SKUs of
    its table that match nothing — what a merchandiser checks before submitting."""
    try:
        live = LiveCampaign.from_campaign(campaign)
    except Exception:  # an invalid SKU table: the form shows the error, the preview nothing
        return {"rows": [], "row_count": 0, "unknown_skus": [], "campaign": campaign}
    variants = list(campaign_variants(live)[: PREVIEW_ROWS + 1])
    offers = campaign_prices(variants[:PREVIEW_ROWS], campaigns=[live], now=live.starts_at)
    rows = [(variant, offers[variant.sku]) for variant in variants[:PREVIEW_ROWS]]
    known = set(
        ProductVariant.objects.filter(sku__in=list(live.sku_prices)).values_list("sku", flat=True)
    )
    return {
        "campaign": campaign,
        "live_campaign": live,
        "rows": rows,
        "more_rows": len(variants) > PREVIEW_ROWS,
        "unknown_skus": [sku for sku in live.sku_prices if sku not in known],
        "now": timezone.now(),
    }
