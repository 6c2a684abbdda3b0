"""Payments: refunds in each order's history."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter


@hooks.register("register_log_actions")
def register_payment_log_actions(actions):
    """The audit-log action written by ``commerce.payments.refund_create``."""

    @actions.register_action("commerce.order.refund")
    class RefundFormatter(LogFormatter):
        label = _("Orders: refund")

        def format_message(self, log_entry):
            data = log_entry.data
            return _("Refunded ¥%(amount)s (%(kind)s): %(reason)s") % {
                "amount": data.get("amount", ""),
                "kind": data.get("kind", ""),
                "reason": data.get("reason", ""),
            }
