"""The logistics desk in the admin: its menu (with the carriers), its dashboard panel,
where its pages are, and how its audit-log entries read (each order's history, Reports →
Site history).

Registered in ``commerce/wagtail_hooks.py``.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from ...admin_base import PermissionMenuItem, data_log_formatter, simple_log_formatter
from ..base import DeskPanel
from . import urls
from .services import logistics_counts
from .views import DESK


def admin_urls() -> list:
    return DESK.admin_urls("logistics/", urls.urlpatterns)


def menu_item():
    """The desk's pages, and the carriers for those who may change them (even without the
    desk: the submenu shows whenever one of its entries does)."""
    carriers = PermissionMenuItem(
        gettext_lazy("Carriers"),
        reverse("wagtailsnippets_commerce_carrier:list"),
        name="logistics-carriers",
        icon_name="cog",
        order=500,
        check="commerce.change_carrier",
    )
    return DESK.menu_item(name="logistics-desk", order=260, gated=False, extra_items=[carriers])


def add_panel(request, panels) -> None:
    """Dashboard: how many orders wait at each step of the logistics desk."""
    if request.user.has_perm(DESK.permission):
        panels.append(
            DeskPanel(
                name="logistics_desk",
                order=110,
                template_name="commerce/desks/logistics/dashboard_panel.html",
                counts=logistics_counts,
            )
        )


LOG_ACTIONS = {
    "commerce.logistics.accept": simple_log_formatter(
        gettext_lazy("Logistics: review passed"), gettext_lazy("Reviewed; sent to stocking")
    ),
    "commerce.logistics.flag": data_log_formatter(
        gettext_lazy("Logistics: flag"),
        gettext_lazy("Flagged as suspicious: %(reason)s"),
        reason="reason",
    ),
    "commerce.logistics.stock_confirm": simple_log_formatter(
        gettext_lazy("Logistics: stock confirmed"),
        gettext_lazy("Stock confirmed; sent to packing"),
    ),
    "commerce.logistics.out_of_stock": simple_log_formatter(
        gettext_lazy("Logistics: out of stock"),
        gettext_lazy("Marked out of stock; customer service told"),
    ),
    "commerce.logistics.back_in_stock": simple_log_formatter(
        gettext_lazy("Logistics: back in stock"), gettext_lazy("Back in stock; sent to stocking")
    ),
    "commerce.logistics.ship": data_log_formatter(
        gettext_lazy("Logistics: ship"),
        gettext_lazy("Shipped with %(carrier)s, tracking number %(number)s"),
        carrier="carrier",
        number="tracking_number",
    ),
}
