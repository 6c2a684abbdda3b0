"""The finance desk in the admin: its menu, its dashboard panel, where its pages are, and
how its audit-log entries read (each order's history, Reports → Site history).

Registered in ``commerce/wagtail_hooks.py``.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from ...admin_base import data_log_formatter
from ..base import DeskPanel
from . import urls
from .services import finance_counts
from .views import DESK


def admin_urls() -> list:
    return DESK.admin_urls("finance/", urls.urlpatterns)


def menu_item():
    return DESK.menu_item(name="finance-desk", order=270)


def add_panel(request, panels) -> None:
    """Dashboard: how many orders wait at each list of the finance desk."""
    if request.user.has_perm(DESK.permission):
        panels.append(
            DeskPanel(
                name="finance_desk",
                order=120,
                template_name="commerce/desks/finance/panel.html",
                counts=finance_counts,
            )
        )


class ConfirmPaymentFormatter(LogFormatter):
    label = gettext_lazy("Finance: bank transfer confirmed")

    def format_message(self, log_entry):
        data = log_entry.data
        values = {"amount": data.get("amount", ""), "reference": data.get("reference", "")}
        if data.get("matched"):
            return _("Bank transfer of ¥%(amount)s received (reference %(reference)s)") % values
        return (
            _(
                "Bank transfer of ¥%(amount)s received (reference %(reference)s) does not "
                "match the total; flagged for reconciliation"
            )
            % values
        )


LOG_ACTIONS = {
    "commerce.order.confirm_payment": ConfirmPaymentFormatter,
    "commerce.order.reconcile": data_log_formatter(
        gettext_lazy("Finance: reconciled"), gettext_lazy("Reconciled: %(note)s"), note="note"
    ),
    "commerce.cod.collect": data_log_formatter(
        gettext_lazy("Finance: cash on delivery collected"),
        gettext_lazy("Cash collected by %(carrier)s on %(day)s (collection of ¥%(amount)s)"),
        carrier="carrier",
        day="day",
        amount="amount",
    ),
}
