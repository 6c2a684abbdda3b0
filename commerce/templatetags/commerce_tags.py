"""Template helpers for commerce pages."""

from django import template

from core.regions import PROVINCES

from ..promotions.region import shopper_province

register = template.Library()
_PROVINCE_NAMES = dict(PROVINCES)


@register.filter
def province_name(code: str) -> str:
    """The translated name of a province code ("guangdong" → 广东)."""
    return str(_PROVINCE_NAMES.get(code, code))


@register.inclusion_tag("commerce/promotions/includes/deliver_to.html", takes_context=True)
def deliver_to_picker(context):
    """The header's "deliver to" (配送至) choice: the shopper's province and the list."""
    request = context.get("request")
    return {
        "request": request,
        "province": shopper_province(request) if request is not None else "",
        "provinces": PROVINCES,
    }
