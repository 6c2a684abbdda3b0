"""Money in and money out of an order: payments received and refunds given.

Both lock the order row first, so two notifications, a notification and a staff
member, or two refunds never decide on the same stale totals. The database adds
its own guards: one successful payment per order, a provider's reference used
once, refunds above zero.
"""

from .capture import (
    Applied,
    order_payment_method_change,
    payment_apply_locked,
    payment_failure_record_locked,
    payment_receipt_record_locked,
    payment_record_success,
    switchable_payment_methods,
)
from .refunds import refund_create
from .totals import (
    PaymentMismatch,
    RefundInvalid,
    order_outstanding_amount,
    order_paid_total,
    order_refunded_total,
)

__all__ = [
    "Applied",
    "PaymentMismatch",
    "RefundInvalid",
    "order_outstanding_amount",
    "order_paid_total",
    "order_payment_method_change",
    "order_refunded_total",
    "payment_apply_locked",
    "payment_failure_record_locked",
    "payment_receipt_record_locked",
    "payment_record_success",
    "refund_create",
    "switchable_payment_methods",
]
