"""Showing report figures: money with the yuan sign, percentages, the change's direction.

Thousands are grouped with commas in both languages (¥12,345.00), as Chinese shops write
them; Django's zh-hans format would group nothing."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(value, kind: str = "count") -> str:
    """A headline value as read: ¥1,234.50, 12.5%, 1,234."""
    if value is None:
        return "—"
    if kind == "money":
        return f"¥{Decimal(value):,.2f}"
    if kind == "percent":
        return f"{Decimal(value):.1f}%"
    return f"{value:,}"


@register.filter
def is_number(value) -> bool:
    return isinstance(value, (int, Decimal, float)) and not isinstance(value, bool)


@register.filter
def cell(value) -> str:
    """A table cell: numbers grouped, money and rates with their decimals, empty as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        return f"{value:,}"
    return str(value)


@register.filter
def direction(change) -> str:
    if change is None or change == 0:
        return ""
    return "up" if change > 0 else "down"
