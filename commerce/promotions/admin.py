"""Admin for campaigns: a snippet under the "Editorial review" workflow.

Merchandisers draft a campaign, pick products by hand (the product chooser), bulk by
category or brand, or paste SKUs from a spreadsheet, look at the preview (the
resulting price of every SKU) and submit; managers approve, which publishes it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..admin_base import CalendarColumn, RegionalOfferForm
from ..bundles.admin import BundleViewSet
from .models import Campaign

STACKING_HELP = _(
    "<p><strong>How offers stack.</strong> 1. Each item gets at most one campaign price: of "
    "the running percent-off, amount-off, special-price and flash-sale campaigns that cover "
    "it, the lowest price wins; a flash sale's price covers only the units its cap and "
    "per-shopper limit still allow. 2. Then spend-and-save (满减) tiers over the eligible "
    "items' totals; an item counts towards one spend-and-save campaign at most. 3. Then the "
    "shopper's red packet, unless its type is marked “not with campaigns” (it then counts "
    "only items no campaign touched).</p><p>Use <em>Preview</em> to see the resulting price "
    "of every SKU before you submit.</p>"
)


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "tag"
    menu_label = _("Campaigns")
    menu_order = 100
    list_display = [
        "name",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        CalendarColumn("starts_at", label=_("Starts")),
        CalendarColumn("ends_at", label=_("Ends")),
        UpdatedAtColumn(label=_("Updated")),
    ]
    list_filter = ["kind", "live"]
    search_fields = ["name"]
    search_backend_name = None
    list_per_page = 50
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    HelpPanel(content=STACKING_HELP),
                    FieldRowPanel([FieldPanel("name"), FieldPanel("badge")]),
                    FieldPanel("kind"),
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldRowPanel([FieldPanel("percent_off"), FieldPanel("amount_off")]),
                    InlinePanel(
                        "tiers",
                        label=_("Spend-and-save tiers"),
                        panels=[
                            FieldRowPanel([FieldPanel("threshold"), FieldPanel("amount_off")])
                        ],
                    ),
                    FieldPanel("per_shopper_limit"),
                ],
                heading=_("Offer"),
            ),
            ObjectList(
                [
                    FieldPanel("whole_shop"),
                    InlinePanel(
                        "campaign_products",
                        label=_("Products picked by hand"),
                        panels=[FieldPanel("product")],
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                            FieldPanel("brands", widget=forms.CheckboxSelectMultiple),
                        ],
                        heading=_("In bulk"),
                    ),
                    FieldPanel("sku_table", widget=forms.Textarea(attrs={"rows": 8})),
                ],
                heading=_("Products"),
            ),
            ObjectList(
                [FieldPanel("provinces"), PublishingPanel()],
                heading=_("Where and publishing"),
            ),
        ],
        base_form_class=RegionalOfferForm,
    )

    def get_queryset(self, request):
        return Campaign.objects.select_related("latest_revision")


class PromotionsGroup(SnippetViewSetGroup):
    menu_label = _("Promotions")
    menu_icon = "tag"
    menu_order = 160
    items = (CampaignViewSet, BundleViewSet)
