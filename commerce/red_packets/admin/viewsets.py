"""The red packet types and issued packets as admin listings, and the "Red packets" menu."""

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from ...admin_base import ActionsOnlyViewSetMixin, CalendarColumn, PermissionMenuItem
from ..models import RedPacket, RedPacketType
from ..services import red_packet_type_problem
from .actions import PACKET_VIEWSET, TYPE_VIEWSET, IssueView, PacketDisableView, TypeDisableView

RED_PACKET_SUBMENU_HOOK = (
    "register_red_packet_menu_item"  # extra entries of the "Red packets" menu
)


class RedPacketTypeIndexView(IndexView):
    """Types with how many were issued and used, counted in the listing's own query."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                issued_count=Count("packets"),
                used_count=Count("packets", filter=Q(packets__status=RedPacket.Status.USED)),
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("commerce.add_redpacket") and not red_packet_type_problem(
            instance
        ):
            buttons.append(
                MenuItem(
                    _("Issue"),
                    reverse(f"{PACKET_VIEWSET}:issue") + f"?packet_type={instance.pk}",
                    icon_name="plus",
                    priority=40,
                )
            )
        if self.user_has_permission("change") and not instance.disabled:
            buttons.append(
                MenuItem(
                    _("Disable"),
                    reverse(f"{TYPE_VIEWSET}:disable", args=[instance.pk]),
                    icon_name="cross",
                    priority=50,
                )
            )
        return buttons


class RedPacketFilterSet(WagtailFilterSet):
    class Meta:
        model = RedPacket
        fields = ["packet_type", "status"]


class RedPacketIndexView(IndexView):
    """Issued packets; there is no add or edit form: issuing and withdrawing are actions."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user", "packet_type", "issued_by", "used_on")
        )

    @property
    def header_buttons(self):
        if not self.request.user.has_perm("commerce.add_redpacket"):
            return []
        return [
            HeaderButton(
                _("Issue red packets"), url=reverse(f"{PACKET_VIEWSET}:issue"), icon_name="plus"
            )
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("History"),
                reverse(f"{PACKET_VIEWSET}:history", args=[instance.pk]),
                icon_name="history",
                priority=30,
            )
        )
        if self.user_has_permission("change") and instance.status == RedPacket.Status.AVAILABLE:
            buttons.append(
                MenuItem(
                    _("Disable"),
                    reverse(f"{PACKET_VIEWSET}:disable", args=[instance.pk]),
                    icon_name="cross",
                    priority=50,
                )
            )
        return buttons


class RedPacketTypeViewSet(ModelViewSet):
    model = RedPacketType
    name = TYPE_VIEWSET
    icon = "tag"
    menu_label = gettext_lazy("Red packet types")
    index_view_class = RedPacketTypeIndexView
    list_display = [
        "name",
        Column("value_label", label=gettext_lazy("Value")),
        "min_spend",
        CalendarColumn("valid_from", label=gettext_lazy("Valid from")),
        CalendarColumn("valid_until", label=gettext_lazy("Valid until")),
        Column("issued_count", label=gettext_lazy("Issued")),
        Column("used_count", label=gettext_lazy("Used")),
        BooleanColumn("claimable", label=gettext_lazy("Claimable")),
        BooleanColumn("disabled", label=gettext_lazy("Disabled")),
    ]
    list_filter = ["kind", "claimable", "disabled"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False
    # "disabled" is not on the form: withdrawing a type goes through the Disable
    # action, which also withdraws its packets and logs why.
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("amount"), FieldPanel("percent"), FieldPanel("cap")]),
                FieldPanel("min_spend"),
            ],
            heading=gettext_lazy("Value"),
        ),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        MultiFieldPanel(
            [FieldPanel("categories"), FieldPanel("brands"), FieldPanel("not_with_campaigns")],
            heading=gettext_lazy("Where it applies"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("claimable"),
                FieldRowPanel([FieldPanel("claim_limit"), FieldPanel("quantity_limit")]),
            ],
            heading=gettext_lazy("Campaign page"),
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("disable/<int:pk>/", self.disable_view, name="disable"),
        ]

    @property
    def disable_view(self):
        return TypeDisableView.as_view()


class RedPacketViewSet(ActionsOnlyViewSetMixin, ModelViewSet):
    model = RedPacket
    name = PACKET_VIEWSET
    icon = "tag"
    menu_label = gettext_lazy("Issued red packets")
    index_view_class = RedPacketIndexView
    list_display = [
        Column("user", label=gettext_lazy("Shopper")),
        Column("packet_type", label=gettext_lazy("Type")),
        Column("get_status_now_display", label=gettext_lazy("Status"), sort_key="status"),
        DateColumn("issued_at", label=gettext_lazy("Issued")),
        Column("issued_by", label=gettext_lazy("Issued by")),
        Column("used_on", label=gettext_lazy("Order")),
    ]
    filterset_class = RedPacketFilterSet
    search_fields = ["user__username", "user__email", "user__mobile"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self):
        # No add/edit/delete forms: issuing and withdrawing are actions (see the module docstring).
        return [
            *self.listing_urlpatterns(),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("issue/", IssueView.as_view(), name="issue"),
            path("disable/<int:pk>/", PacketDisableView.as_view(), name="disable"),
        ]


class RedPacketViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Red packets")
    menu_icon = "tag"
    menu_order = 320
    items = (RedPacketTypeViewSet, RedPacketViewSet)
    submenu_hook = RED_PACKET_SUBMENU_HOOK


def issue_menu_item():
    """The "Red packets" menu's entry for issuing, shown to staff who may add red packets
    (issuing creates them)."""
    return PermissionMenuItem(
        gettext_lazy("Issue red packets"),
        reverse(f"{PACKET_VIEWSET}:issue"),
        name="issue-red-packets",
        icon_name="plus",
        order=900,
        check="commerce.add_redpacket",
    )
