"""Admin for bundles: a snippet under the "Editorial review" workflow, next to campaigns."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    ObjectList,
    PublishingPanel,
)
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from ..admin_base import CalendarColumn, RegionalOfferForm
from .models import MAX_COMPANIONS, Bundle

BUNDLE_HELP = _(
    "<p>Shown on the main product's page as “bought together” (搭配购买). A shopper who has "
    "the main product and every companion in the cart pays each companion's bundle price, "
    "for as many sets as the cart holds; taking a companion out takes the bundle price "
    "away. A companion a campaign already discounts gets the better of the two.</p>"
)


class BundleViewSet(SnippetViewSet):
    model = Bundle
    icon = "link"
    menu_label = _("Bundles")
    menu_order = 110
    list_display = [
        "name",
        "main_product",
        CalendarColumn("starts_at", label=_("Starts")),
        CalendarColumn("ends_at", label=_("Ends")),
        UpdatedAtColumn(label=_("Updated")),
    ]
    list_filter = ["live"]
    search_fields = ["name"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            HelpPanel(content=BUNDLE_HELP),
            FieldPanel("name"),
            FieldPanel("main_product"),
            InlinePanel(
                "items",
                label=_("Companions"),
                min_num=1,
                max_num=MAX_COMPANIONS,
                panels=[FieldRowPanel([FieldPanel("sku"), FieldPanel("price")])],
            ),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("provinces"),
            PublishingPanel(),
        ],
        base_form_class=RegionalOfferForm,
    )

    def get_queryset(self, request):
        return Bundle.objects.select_related("latest_revision", "main_product")
