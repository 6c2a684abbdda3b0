"""The logistics desk: review, stock, pack, ship; carriers; dashboard panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from ..desks.logistics import urls as logistics_urls
from ..desks.logistics import views as logistics_views
from ..desks.logistics.services import logistics_counts
from ..shipping.admin import CarrierPermissionPolicy, CarrierViewSet
from ..shipping.models import Carrier

register_permission_policy(Carrier, CarrierPermissionPolicy(Carrier))
register_snippet(CarrierViewSet)


# Every view checks commerce.fulfil_order itself (403 for other roles); the menu and
# the panel are only shown to those who have it.


class LogisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(logistics_views.PERMISSION)


class CarrierMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("commerce.change_carrier")


@hooks.register("register_admin_urls")
def register_logistics_urls():
    return [
        path(
            "logistics/",
            include((logistics_urls.urlpatterns, "logistics"), namespace="logistics"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_logistics_menu():
    items = [
        LogisticsMenuItem(
            _("To review"),
            reverse("logistics:review"),
            name="logistics-review",
            icon_name="warning",
            order=100,
        ),
        LogisticsMenuItem(
            _("Stocking"),
            reverse("logistics:stocking"),
            name="logistics-stocking",
            icon_name="list-ul",
            order=200,
        ),
        LogisticsMenuItem(
            _("Packing and shipping"),
            reverse("logistics:packing"),
            name="logistics-packing",
            icon_name="mail",
            order=300,
        ),
        LogisticsMenuItem(
            _("Ship from a CSV file"),
            reverse("logistics:bulk_ship"),
            name="logistics-bulk-ship",
            icon_name="upload",
            order=400,
        ),
        CarrierMenuItem(
            _("Carriers"),
            reverse("wagtailsnippets_commerce_carrier:list"),
            name="logistics-carriers",
            icon_name="cog",
            order=500,
        ),
    ]
    return SubmenuMenuItem(
        _("Logistics desk"),
        Menu(items=items),
        name="logistics-desk",
        icon_name="clipboard-list",
        order=260,
    )


class LogisticsPanel(Component):
    """Dashboard: how many orders wait at each step of the logistics desk."""

    name = "logistics_desk"
    order = 110
    template_name = "commerce/desks/logistics/dashboard_panel.html"

    def get_context_data(self, parent_context):
        return {"counts": logistics_counts()}


@hooks.register("construct_homepage_panels")
def add_logistics_panel(request, panels):
    if request.user.has_perm(logistics_views.PERMISSION):
        panels.append(LogisticsPanel())


@hooks.register("register_log_actions")
def register_logistics_log_actions(actions):
    """The audit-log actions of the logistics desk, shown in each order's history and Site history."""
    actions.register_action(
        "commerce.logistics.accept", _("Logistics: review passed"), _("Reviewed; sent to stocking")
    )

    @actions.register_action("commerce.logistics.flag")
    class FlagFormatter(LogFormatter):
        label = _("Logistics: flag")

        def format_message(self, log_entry):
            return _("Flagged as suspicious: %(reason)s") % {
                "reason": log_entry.data.get("reason", "")
            }

    actions.register_action(
        "commerce.logistics.stock_confirm",
        _("Logistics: stock confirmed"),
        _("Stock confirmed; sent to packing"),
    )
    actions.register_action(
        "commerce.logistics.out_of_stock",
        _("Logistics: out of stock"),
        _("Marked out of stock; customer service told"),
    )
    actions.register_action(
        "commerce.logistics.back_in_stock",
        _("Logistics: back in stock"),
        _("Back in stock; sent to stocking"),
    )

    @actions.register_action("commerce.logistics.ship")
    class ShipFormatter(LogFormatter):
        label = _("Logistics: ship")

        def format_message(self, log_entry):
            return _("Shipped with %(carrier)s, tracking number %(number)s") % {
                "carrier": log_entry.data.get("carrier", ""),
                "number": log_entry.data.get("tracking_number", ""),
            }
