"""The header's "deliver to" (配送至) choice, a plain form post that returns to the page; the
product page's spend-and-save offers."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.redirects import safe_next_path
from core.regions import PROVINCES

from .engine import running_campaigns
from .models import CampaignKind
from .region import DeliverToInvalid, deliver_to_choose, shopper_province

_NAMES = dict(PROVINCES)


@require_POST
def deliver_to(request):
    """Keep the chosen province and go back to the page it was chosen on, whose prices,
    offers and shipping calculator now follow it; a bad value changes nothing."""
    back = safe_next_path(request, request.POST.get("next", "")) or "/"
    try:
        province = deliver_to_choose(request, request.POST.get("province", ""))
    except DeliverToInvalid as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(
        request,
        _("Delivering to %(province)s: prices and offers are shown for it.")
        % {"province": _NAMES[province]},
    )
    return redirect(back)


def product_page_spend_and_save(*, request, product, preview: bool) -> dict:
    """The ``product_page_context`` hook: the running spend-and-save (满减) campaigns that
    cover the product where the shopper's order goes, with their tiers ("¥20 off from ¥199").
    The SKUs are read only when a campaign lists SKUs rather than whole products."""
    if preview:
        return {"spend_and_save": []}
    campaigns = [
        campaign
        for campaign in running_campaigns(province=shopper_province(request))
        if campaign.kind == CampaignKind.SPEND_AND_SAVE and campaign.tiers
    ]
    skus = None
    offers = []
    for campaign in campaigns:
        covered = campaign.covers_product(product)
        if not covered and campaign.sku_prices:
            if skus is None:
                skus = set(product.variants.values_list("sku", flat=True))
            covered = not skus.isdisjoint(campaign.sku_prices)
        if covered:
            offers.append(campaign)
    return {"spend_and_save": offers}
