"""Payments in the admin: how a refund reads in each order's history.

Registered in ``commerce/wagtail_hooks.py``; the entry is written by
``commerce.payments.services.refund_create``.
"""

from django.utils.translation import gettext_lazy

from ..admin_base import data_log_formatter

LOG_ACTIONS = {
    "commerce.order.refund": data_log_formatter(
        gettext_lazy("Orders: refund"),
        gettext_lazy("Refunded ¥%(amount)s (%(kind)s): %(reason)s"),
        amount="amount",
        kind="kind",
        reason="reason",
    )
}
