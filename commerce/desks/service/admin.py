"""The customer-service desk in the admin: its menu, its dashboard panel, where its pages
are, and how its staff notes read in each order's history.

Registered in ``commerce/wagtail_hooks.py``.
"""

from django.utils.translation import gettext_lazy

from ...admin_base import data_log_formatter
from ..base import DeskPanel
from . import urls
from .services import service_counts
from .views import DESK


def admin_urls() -> list:
    return DESK.admin_urls("customer-service/", urls.urlpatterns)


def menu_item():
    return DESK.menu_item(name="customer-service-desk", order=280)


def add_panel(request, panels) -> None:
    """Dashboard: open orders with a shopper's note, and orders on hold for missing stock."""
    if request.user.has_perm(DESK.permission):
        panels.append(
            DeskPanel(
                name="customer_service_desk",
                order=130,
                template_name="commerce/desks/service/panel.html",
                counts=service_counts,
            )
        )


LOG_ACTIONS = {
    "commerce.order.staff_note": data_log_formatter(
        gettext_lazy("Customer service: staff note"),
        gettext_lazy("Staff note: %(text)s"),
        text="text",
    )
}
