"""Template helpers for commerce pages."""

from django import template

from core.regions import PROVINCES

register = template.Library()
_PROVINCE_NAMES = dict(PROVINCES)


@register.filter
def province_name(code: str) -> str:
    """The translated name of a province code ("guangdong" → 广东)."""
    return str(_PROVINCE_NAMES.get(code, code))
