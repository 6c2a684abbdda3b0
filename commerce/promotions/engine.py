"""Which campaign price a SKU has right now: the one function behind every price shown.

``campaign_prices`` answers for cards and the product page (through the catalogue's
``catalogue_effective_prices`` hook) and for ``commerce.pricing.price_basket`` (through
the discount rules in ``promotions.rules``), so the card, the cart, the checkout, the
order and its e-mail all read the same price.

Stacking, in one place (also shown to staff on the campaign form):
1. at most one campaign price per line: of the running campaigns of a price kind
   (percent off, amount off, special price, flash sale) that cover the SKU and the
   shopper's province, the lowest price wins (ties: the campaign ending first);
   a flash sale's price covers only the units its cap and per-shopper limit still allow,
   the rest of the line takes the best other price;
2. then spend-and-save (满减) over the eligible lines' totals after step 1; a line counts
   towards one spend-and-save campaign at most (the biggest saving is taken first);
3. then the red packet (``commerce.pricing``); a red packet type marked "not with
   campaigns" only applies to lines no campaign touched.

The live campaigns are read once and cached under ``CAMPAIGNS_VERSION``; only flash
counters (and the shopper's own flash purchases) are read per call, and only when a
flash sale covers one of the SKUs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from core.money import ZERO, money
from products.models import ProductVariant

from .models import (
    CAMPAIGNS_VERSION,
    PRICE_KINDS,
    Campaign,
    CampaignKind,
    FlashSaleCounter,
    FlashSalePurchase,
)

CACHE_SECONDS = 300


@dataclass(frozen=True)
class LiveCampaign:
    """A campaign as pricing needs it: plain values, cheap to cache and to match."""

    pk: int
    name: str
    kind: str
    badge: str
    starts_at: datetime
    ends_at: datetime
    percent_off: Decimal | None
    amount_off: Decimal | None
    whole_shop: bool
    product_ids: frozenset[int]
    category_paths: tuple[str, ...]
    brand_ids: frozenset[int]
    sku_prices: dict[str, Decimal | None]
    caps: dict[str, int]
    tiers: tuple[tuple[Decimal, Decimal], ...]  # (threshold, amount off), lowest first
    per_shopper_limit: int | None
    provinces: frozenset[str]

    @classmethod
    def from_campaign(cls, campaign: Campaign) -> LiveCampaign:
        """Works on a saved campaign and on an unsaved draft (its cluster children in memory)."""
        rows = campaign.sku_rows()
        return cls(
            pk=campaign.pk or 0,
            name=campaign.name,
            kind=campaign.kind,
            badge=campaign.badge_text,
            starts_at=campaign.starts_at,
            ends_at=campaign.ends_at,
            percent_off=campaign.percent_off,
            amount_off=campaign.amount_off,
            whole_shop=campaign.whole_shop and campaign.kind == CampaignKind.SPEND_AND_SAVE,
            product_ids=frozenset(item.product_id for item in campaign.campaign_products.all()),
            category_paths=tuple(category.path for category in campaign.categories.all()),
            brand_ids=frozenset(brand.pk for brand in campaign.brands.all()),
            sku_prices={sku: price for sku, price, _cap in rows},
            caps={sku: cap for sku, _price, cap in rows if cap is not None},
            tiers=tuple(
                sorted((tier.threshold, tier.amount_off) for tier in campaign.tiers.all())
            ),
            per_shopper_limit=campaign.per_shopper_limit,
            provinces=frozenset(campaign.provinces or []),
        )

    @property
    def is_flash(self) -> bool:
        return self.kind == CampaignKind.FLASH_SALE

    def is_running(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at

    def serves(self, province: str) -> bool:
        """Everywhere, or only deliveries to its provinces (an unknown province: not served)."""
        return not self.provinces or province in self.provinces

    def covers(self, variant: ProductVariant) -> bool:
        """Whether the SKU is in the campaign (by SKU, product, category tree or brand)."""
        return variant.sku in self.sku_prices or self.covers_product(variant.product)

    def covers_product(self, product) -> bool:
        """Whether the whole product is in the campaign (the shop, the product, its category
        tree or brand); a campaign listing only some SKUs covers just those (``covers``)."""
        if self.whole_shop:
            return True
        if product.pk in self.product_ids or (
            product.brand_id is not None and product.brand_id in self.brand_ids
        ):
            return True
        if not self.category_paths:
            return False
        return any(
            path.startswith(prefix)
            for path in _category_paths(product)
            for prefix in self.category_paths
        )

    def unit_price(self, variant: ProductVariant) -> Decimal | None:
        """This campaign's price for one unit, or None when it gives nothing off."""
        list_price = variant.price
        if self.kind == CampaignKind.PERCENT_OFF:
            price = money(list_price * (100 - self.percent_off) / 100)
        elif self.kind == CampaignKind.AMOUNT_OFF:
            price = max(list_price - self.amount_off, ZERO)
        elif self.kind in (CampaignKind.SPECIAL_PRICE, CampaignKind.FLASH_SALE):
            price = self.sku_prices.get(variant.sku)
        else:
            return None
        return price if price is not None and price < list_price else None


def _category_paths(product) -> list[str]:
    """The product's categories' tree paths, read once per product object: every SKU and every
    category campaign asks again (the product page's SKUs share one product object)."""
    paths = getattr(product, "_campaign_category_paths", None)
    if paths is None:
        paths = [product.primary_category.path] if product.primary_category_id else []
        paths += [category.path for category in product.extra_categories.all()]
        product._campaign_category_paths = paths
    return paths


@dataclass(frozen=True)
class Offer:
    """The price of one SKU for one shopper now: ``units`` at ``price`` (None: any number),
    the rest at ``then`` (another campaign's price or the list price)."""

    sku: str
    list_price: Decimal
    price: Decimal
    campaign: LiveCampaign | None = None
    units: int | None = None
    then: Offer | None = None

    def line_discount(self, quantity: int) -> tuple[Decimal, int, Offer | None]:
        """(discount off the list price, units at this offer's price, the offer for the rest)."""
        at_price = quantity if self.units is None else min(quantity, self.units)
        discount = (self.list_price - self.price) * at_price
        rest = quantity - at_price
        if rest and self.then is not None:
            discount += (self.then.list_price - self.then.price) * rest
        return discount, at_price, self.then if rest else None


def live_campaigns() -> list[LiveCampaign]:
    """Every published campaign not yet over, from the cache (one query when it is cold)."""
    key = f"promotions:live:{CAMPAIGNS_VERSION.current()}"
    campaigns = cache.get(key)
    if campaigns is None:
        now = timezone.now()
        queryset = Campaign.objects.filter(live=True, ends_at__gt=now).prefetch_related(
            "campaign_products", "categories", "brands", "tiers"
        )
        campaigns = [LiveCampaign.from_campaign(campaign) for campaign in queryset]
        cache.set(key, campaigns, CACHE_SECONDS)
    return campaigns


def running_campaigns(*, province: str, now: datetime | None = None) -> list[LiveCampaign]:
    now = now or timezone.now()
    return [c for c in live_campaigns() if c.is_running(now) and c.serves(province)]


def campaign_prices(
    variants: Sequence[ProductVariant],
    *,
    province: str = "",
    user=None,
    email: str = "",
    now: datetime | None = None,
    campaigns: Iterable[LiveCampaign] | None = None,
) -> dict[str, Offer]:
    """``{sku: Offer}``: each SKU's campaign price for this shopper and province now.

    ``campaigns`` replaces the running ones (the admin preview of a draft).
    """
    if campaigns is None:
        campaigns = running_campaigns(province=province, now=now)
    priced = [c for c in campaigns if c.kind in PRICE_KINDS]
    candidates: dict[str, list[tuple[Decimal, LiveCampaign]]] = {}
    for variant in variants:
        for campaign in priced:
            if campaign.covers(variant):
                price = campaign.unit_price(variant)
                if price is not None:
                    candidates.setdefault(variant.sku, []).append((price, campaign))
    left = _flash_units_left(candidates, user=user, email=email)
    offers = {}
    for variant in variants:
        options = sorted(
            candidates.get(variant.sku, []), key=lambda o: (o[0], o[1].ends_at, o[1].pk)
        )
        plain = Offer(sku=variant.sku, list_price=variant.price, price=variant.price)
        others = [o for o in options if not o[1].is_flash]
        then = (
            Offer(
                sku=variant.sku,
                list_price=variant.price,
                price=others[0][0],
                campaign=others[0][1],
            )
            if others
            else plain
        )
        offer = plain
        for price, campaign in options:
            if not campaign.is_flash:
                offer = then
                break
            units = left.get((campaign.pk, variant.sku), 0)
            if units > 0:
                offer = Offer(
                    sku=variant.sku,
                    list_price=variant.price,
                    price=price,
                    campaign=campaign,
                    units=units,
                    then=then,
                )
                break
        offers[variant.sku] = offer
    return offers


def _flash_units_left(candidates, *, user, email) -> dict[tuple[int, str], int]:
    """Units each (flash campaign, SKU) may still sell to this shopper: cap minus sold, and
    the per-shopper limit minus what they bought. Two queries, none without a flash sale."""
    pairs = {
        (campaign.pk, sku): campaign
        for sku, options in candidates.items()
        for _price, campaign in options
        if campaign.is_flash
    }
    if not pairs:
        return {}
    campaign_ids = {pk for pk, _sku in pairs}
    skus = {sku for _pk, sku in pairs}
    sold = {
        (row["campaign_id"], row["sku"]): row["sold"]
        for row in FlashSaleCounter.objects.filter(
            campaign_id__in=campaign_ids, sku__in=skus
        ).values("campaign_id", "sku", "sold")
    }
    bought = _bought(campaign_ids, skus, user=user, email=email)
    left = {}
    for (pk, sku), campaign in pairs.items():
        units = campaign.caps.get(sku, 0) - sold.get((pk, sku), 0)
        if campaign.per_shopper_limit is not None:
            units = min(units, campaign.per_shopper_limit - bought.get((pk, sku), 0))
        left[(pk, sku)] = max(units, 0)
    return left


def _bought(campaign_ids, skus, *, user, email) -> dict[tuple[int, str], int]:
    purchases = FlashSalePurchase.objects.filter(campaign_id__in=campaign_ids, sku__in=skus)
    if getattr(user, "is_authenticated", False):
        purchases = purchases.filter(user=user)
    elif email:
        purchases = purchases.filter(user__isnull=True, email__iexact=email)
    else:
        return {}
    return {
        (row["campaign_id"], row["sku"]): row["units"]
        for row in purchases.values("campaign_id", "sku").annotate(units=Sum("quantity"))
    }


def tier_discount(
    campaign: LiveCampaign, base: Decimal
) -> tuple[Decimal, tuple[Decimal, Decimal] | None]:
    """(what the tiers take off ``base``, the next tier up or None)."""
    reached = [tier for tier in campaign.tiers if tier[0] <= base]
    higher = [tier for tier in campaign.tiers if tier[0] > base]
    amount = min(reached[-1][1], base) if reached else ZERO
    return amount, higher[0] if higher else None
