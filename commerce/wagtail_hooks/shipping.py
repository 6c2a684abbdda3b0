"""Shipping methods and their region rules."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import ShippingMethod


class ShippingMethodViewSet(SnippetViewSet):
    model = ShippingMethod
    icon = "mail"
    menu_label = _("Shipping methods")
    add_to_settings_menu = True
    list_display = ["name", "code", "base_fee", "free_shipping_threshold", "active"]
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


register_snippet(ShippingMethodViewSet)
