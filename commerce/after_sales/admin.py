"""The after-sales desk in the admin: its menu (each entry for the role it serves), its
dashboard panel and where its pages are (``/admin/after-sales/``, namespace
``after_sales``).

Registered in ``commerce/wagtail_hooks.py``.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import Menu

from ..admin_base import PermissionMenuItem, PermissionSubmenuMenuItem
from ..desks.base import DeskPanel
from . import staff as views
from .selectors import after_sales_counts

urlpatterns = [
    path("", views.ServiceQueueView.as_view(), name="queue"),
    path("returns/expected/", views.ExpectedView.as_view(), name="expected"),
    path("returns/received/", views.ReceivedView.as_view(), name="received"),
    path("refunds/", views.RefundsView.as_view(), name="refunds"),
    path("numbers/", views.ReportsView.as_view(), name="reports"),
    path("orders/<str:number>/cancel/", views.CancelOrderView.as_view(), name="cancel_order"),
    path("<str:number>/", views.DetailView.as_view(), name="detail"),
    path("<str:number>/<slug:action>/", views.ActionView.as_view(), name="action"),
]


def admin_urls() -> list:
    return [path("after-sales/", include((urlpatterns, "after_sales"), namespace="after_sales"))]


def _any_role(user) -> bool:
    return any(user.has_perm(name) for name in views.ANY_ROLE)


def _any_tab(user) -> bool:
    return any(tab.shown_to(user) for tab in views.TABS)


def menu_item():
    """One "After-sales" menu; each entry shows to the role whose queue it is."""
    items = [
        PermissionMenuItem(
            tab.label,
            reverse(tab.url_name),
            name=tab.name,
            icon_name=tab.icon,
            order=100 * position,
            check=tab.shown_to,
        )
        for position, tab in enumerate(views.TABS, start=1)
    ]
    return PermissionSubmenuMenuItem(
        gettext_lazy("After-sales"),
        Menu(items=items),
        name="after-sales-desk",
        icon_name="rotate",
        order=285,
        check=_any_tab,
    )


def add_panel(request, panels) -> None:
    """Dashboard: what waits at each role (and how many new requests are past the SLA)."""
    user = request.user
    if not _any_role(user):
        return
    roles = {
        "service": user.has_perm(views.SERVICE),
        "logistics": user.has_perm(views.LOGISTICS),
        "finance": user.has_perm(views.FINANCE),
    }
    panels.append(
        DeskPanel(
            name="after_sales_desk",
            order=135,
            template_name="commerce/after_sales/admin/panel.html",
            counts=lambda: {**after_sales_counts(), "roles": roles},
        )
    )
