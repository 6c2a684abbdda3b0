"""The order page's price-protection box:
``{% price_protection_checks order lines history as checks %}``."""

from django import template
from wagtail.models import Site

from ..price_protection.services import order_price_checks, shop_settings

register = template.Library()


@register.simple_tag(takes_context=True)
def price_protection_checks(context, order, lines=None, changes=None):
    """The lines of a signed-in shopper's order, with whether a price drop can be claimed or
    why not — nothing when no line dropped in price or was claimed. ``lines`` and
    ``changes``: what the order page has loaded already, so they are not read twice."""
    if not order.user_id:
        return []
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    checks = order_price_checks(order, settings=shop_settings(site), lines=lines, changes=changes)
    return checks if any(check.claimable or check.claim for check in checks) else []
