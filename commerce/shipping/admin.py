"""Shipping in the admin: the methods with their region rules, and the carriers.

Registered in ``commerce/wagtail_hooks.py``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Carrier, ShippingMethod


class ShippingMethodViewSet(SnippetViewSet):
    model = ShippingMethod
    icon = "mail"
    menu_label = _("Shipping methods")
    add_to_settings_menu = True
    list_display = ["name", "code", "base_fee", "free_shipping_threshold", "active"]
    search_fields = ["name", "code"]
    search_backend_name = None  # a handful of rows: plain database filtering
    ordering = ["sort_order", "pk"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("base_fee"), FieldPanel("first_weight_grams")]),
                FieldRowPanel([FieldPanel("step_fee"), FieldPanel("step_grams")]),
                FieldPanel("free_shipping_threshold"),
            ],
            heading=_("Fee"),
        ),
        FieldRowPanel([FieldPanel("active"), FieldPanel("sort_order")]),
        InlinePanel(
            "region_rules",
            label=_("Regions that differ"),
            panels=[
                FieldRowPanel([FieldPanel("province"), FieldPanel("surcharge")]),
                FieldRowPanel(
                    [FieldPanel("unavailable"), FieldPanel("surcharge_waived_when_free")]
                ),
            ],
        ),
    ]


class CarrierPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, but no one deletes a carrier: orders point at it; switch it off
    instead."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action != "delete"]
        )


class CarrierViewSet(SnippetViewSet):
    model = Carrier
    icon = "mail"
    menu_label = _("Carriers")
    permission_policy = CarrierPermissionPolicy(Carrier)
    list_display = ["name", "code", "tracking_url_template", "active", "sort_order"]
    search_fields = ["name", "code"]
    search_backend_name = None  # a handful of rows: plain database filtering
    ordering = ["sort_order", "pk"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldPanel("tracking_url_template"),
        FieldRowPanel([FieldPanel("active"), FieldPanel("sort_order")]),
    ]
