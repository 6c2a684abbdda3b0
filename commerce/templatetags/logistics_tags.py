"""Template helpers of the logistics desk, used by the shopper's order page and the shipped
e-mail."""

from django import template

from ..shipping.tracking import order_tracking_url

register = template.Library()


@register.filter
def tracking_url(order) -> str:
    """``{{ order|tracking_url }}``: the carrier's tracking page for the order, or ""."""
    return order_tracking_url(order)
