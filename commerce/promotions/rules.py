"""Campaigns as discount rules of the pricing engine (``commerce.pricing.DISCOUNT_RULES``).

``campaign_price_rule`` gives each line its campaign price (step 1 of the stacking in
``promotions.engine``), ``spend_and_save_rule`` the 满减 tiers (step 2); the engine
applies the red packet after them (step 3). ``register`` adds both, in that order,
when the app is ready.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from core.money import ZERO

from ..pricing import DISCOUNT_RULES, Discount, PricedLine, PricingContext, allocate
from .engine import campaign_prices, running_campaigns, tier_discount
from .models import CampaignKind


def campaign_price_rule(lines: list[PricedLine], context: PricingContext) -> list[Discount]:
    """One Discount per campaign that sets a price on any line (the saving off list price)."""
    if not lines:
        return []
    offers = campaign_prices(
        [line.variant for line in lines],
        province=context.province,
        user=context.user,
        email=context.email,
        now=context.now,
    )
    by_campaign: dict[int, tuple[str, dict[str, Decimal]]] = {}
    for line in lines:
        offer = offers.get(line.sku)
        if offer is None or offer.campaign is None:
            continue
        line.offer = offer
        discount, at_price, rest = offer.line_discount(line.quantity)
        if offer.campaign.is_flash:
            line.flash_units = at_price
        shares = [(offer.campaign, (offer.list_price - offer.price) * at_price)]
        if rest is not None and rest.campaign is not None:
            shares.append(
                (rest.campaign, (rest.list_price - rest.price) * (line.quantity - at_price))
            )
        for campaign, amount in shares:
            if amount > 0:
                name, per_sku = by_campaign.setdefault(campaign.pk, (campaign.name, {}))
                per_sku[line.sku] = per_sku.get(line.sku, ZERO) + amount
        line.campaign_discount = discount
        line.campaign_name = offer.campaign.name
    return [
        Discount(
            code=f"campaign:{pk}",
            label=name,
            amount=sum(per_sku.values(), ZERO),
            per_sku=per_sku,
        )
        for pk, (name, per_sku) in by_campaign.items()
    ]


def spend_and_save_rule(lines: list[PricedLine], context: PricingContext) -> list[Discount]:
    """满减: each tier campaign over the totals of its eligible lines (after campaign prices).

    A line counts for one tier campaign at most: the campaign saving most is taken
    first, then the next on the lines left. Shoppers get a hint for the next tier of
    every campaign their cart touches ("spend ¥36 more to save ¥20").
    """
    campaigns = [
        c
        for c in running_campaigns(province=context.province, now=context.now)
        if c.kind == CampaignKind.SPEND_AND_SAVE and c.tiers
    ]
    free = [line for line in lines if line.total > 0]
    discounts = []
    while campaigns and free:
        options = []
        for campaign in campaigns:
            eligible = [line for line in free if campaign.covers(line.variant)]
            if eligible:
                base = sum((line.total for line in eligible), ZERO)
                amount, upcoming = tier_discount(campaign, base)
                options.append((amount, campaign, eligible, base, upcoming))
        if not options:
            break
        options.sort(key=lambda option: (-option[0], option[1].pk))
        amount, campaign, eligible, base, upcoming = options[0]
        campaigns.remove(campaign)
        if upcoming is not None:
            context.hints.append(
                _("Spend ¥%(more)s more to save ¥%(off)s (%(name)s)")
                % {"more": upcoming[0] - base, "off": upcoming[1], "name": campaign.name}
            )
        if amount <= 0:
            continue
        shares = allocate(amount, [line.total for line in eligible])
        discounts.append(
            Discount(
                code=f"tiers:{campaign.pk}",
                label=campaign.name,
                amount=amount,
                per_sku={line.sku: share for line, share in zip(eligible, shares, strict=True)},
            )
        )
        for line, share in zip(eligible, shares, strict=True):
            line.campaign_discount += share
            line.campaign_name = line.campaign_name or campaign.name
        free = [line for line in free if line not in eligible]
    return discounts


def register() -> None:
    """Add the campaign rules to the pricing engine once (called from ``apps.ready``)."""
    for rule in (campaign_price_rule, spend_and_save_rule):
        if rule not in DISCOUNT_RULES:
            DISCOUNT_RULES.append(rule)
