"""Shipping methods and their region rules."""

from wagtail.snippets.models import register_snippet

from ..shipping.admin import ShippingMethodViewSet

register_snippet(ShippingMethodViewSet)
