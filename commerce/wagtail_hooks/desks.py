"""The finance and customer-service desks."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter

from ..desks.finance import urls as finance_urls
from ..desks.finance import views as finance_views
from ..desks.finance.services import finance_counts
from ..desks.service import urls as service_urls
from ..desks.service import views as service_views
from ..desks.service.services import service_counts

# Every view checks its role's permission itself (403 for anyone else, e.g. customer
# service on a finance page); menus and dashboard panels only show to those who have it.


class PermissionMenuItem(MenuItem):
    """A menu entry shown only to users with ``permission``."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class PermissionSubmenuMenuItem(SubmenuMenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission) and super().is_shown(request)


@hooks.register("register_admin_urls")
def register_finance_and_service_urls():
    return [
        path("finance/", include((finance_urls.urlpatterns, "finance"), namespace="finance")),
        path(
            "customer-service/",
            include((service_urls.urlpatterns, "service"), namespace="service"),
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_finance_menu():
    def item(label, url_name, icon, order):
        return PermissionMenuItem(
            label,
            reverse(url_name),
            name=f"finance-{url_name.split(':')[1]}",
            icon_name=icon,
            order=order,
            permission=finance_views.PERMISSION,
        )

    items = [
        item(_("Bank transfers to confirm"), "finance:awaiting", "doc-full", 100),
        item(_("Needs reconciliation"), "finance:reconciliation", "warning", 200),
        item(_("Cash on delivery to collect"), "finance:cod", "mail", 300),
        item(_("Cash collections"), "finance:cod_collections", "list-ul", 400),
        item(_("Refunds"), "finance:refunds", "arrow-left", 500),
        item(_("Daily totals"), "finance:totals", "date", 600),
    ]
    return PermissionSubmenuMenuItem(
        _("Finance desk"),
        Menu(items=items),
        name="finance-desk",
        icon_name="doc-full",
        order=270,
        permission=finance_views.PERMISSION,
    )


@hooks.register("register_admin_menu_item")
def register_service_menu():
    def item(label, url_name, icon, order):
        return PermissionMenuItem(
            label,
            reverse(url_name),
            name=f"service-{url_name.split(':')[1]}",
            icon_name=icon,
            order=order,
            permission=service_views.PERMISSION,
        )

    items = [
        item(_("Orders with customer notes"), "service:notes", "comment", 100),
        item(_("Out-of-stock holds"), "service:out_of_stock", "warning", 200),
        item(_("Find an order or a customer"), "service:search", "search", 300),
    ]
    return PermissionSubmenuMenuItem(
        _("Customer service desk"),
        Menu(items=items),
        name="customer-service-desk",
        icon_name="user",
        order=280,
        permission=service_views.PERMISSION,
    )


class FinancePanel(Component):
    """Dashboard: how many orders wait at each list of the finance desk."""

    name = "finance_desk"
    order = 120
    template_name = "commerce/desks/finance/panel.html"

    def get_context_data(self, parent_context):
        return {"counts": finance_counts()}


class ServicePanel(Component):
    """Dashboard: open orders with a shopper's note, and orders on hold for missing stock."""

    name = "customer_service_desk"
    order = 130
    template_name = "commerce/desks/service/panel.html"

    def get_context_data(self, parent_context):
        return {"counts": service_counts()}


@hooks.register("construct_homepage_panels")
def add_finance_and_service_panels(request, panels):
    if request.user.has_perm(finance_views.PERMISSION):
        panels.append(FinancePanel())
    if request.user.has_perm(service_views.PERMISSION):
        panels.append(ServicePanel())


@hooks.register("register_log_actions")
def register_finance_and_service_log_actions(actions):
    """The audit-log actions of the finance and customer-service desks (each order's history, Site
    history)."""

    @actions.register_action("commerce.order.confirm_payment")
    class ConfirmPaymentFormatter(LogFormatter):
        label = _("Finance: bank transfer confirmed")

        def format_message(self, log_entry):
            data = log_entry.data
            values = {"amount": data.get("amount", ""), "reference": data.get("reference", "")}
            if data.get("matched"):
                return (
                    _("Bank transfer of ¥%(amount)s received (reference %(reference)s)") % values
                )
            return (
                _(
                    "Bank transfer of ¥%(amount)s received (reference %(reference)s) does not match the total; "
                    "flagged for reconciliation"
                )
                % values
            )

    @actions.register_action("commerce.order.reconcile")
    class ReconcileFormatter(LogFormatter):
        label = _("Finance: reconciled")

        def format_message(self, log_entry):
            return _("Reconciled: %(note)s") % {"note": log_entry.data.get("note", "")}

    @actions.register_action("commerce.cod.collect")
    class CodCollectFormatter(LogFormatter):
        label = _("Finance: cash on delivery collected")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("Cash collected by %(carrier)s on %(day)s (collection of ¥%(amount)s)") % {
                "carrier": data.get("carrier", ""),
                "day": data.get("day", ""),
                "amount": data.get("amount", ""),
            }

    @actions.register_action("commerce.order.staff_note")
    class StaffNoteFormatter(LogFormatter):
        label = _("Customer service: staff note")

        def format_message(self, log_entry):
            return _("Staff note: %(text)s") % {"text": log_entry.data.get("text", "")}
