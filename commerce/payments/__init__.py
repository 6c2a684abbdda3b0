"""Online payment and the money ledger of an order.

``providers`` holds the ways of paying (cash on delivery, bank transfer, Alipay,
the demo gateway); ``notifications`` applies what providers tell us; ``ledger``
records payments and refunds under the order's row lock.
"""

from .ledger import (
    PaymentMismatch,
    RefundInvalid,
    money_amount,
    order_paid_total,
    order_refunded_total,
    payment_apply_locked,
    payment_record_success,
    refund_create,
)
from .links import order_for_payment_token, payment_return_url, payment_start_url, payment_token
from .notifications import (
    demo_gateway_send,
    notification_apply,
    notification_receive,
    payment_return_check,
)
from .providers import available_providers, provider_for
from .providers.base import (
    InvalidSignature,
    Notification,
    NotSupported,
    PaymentProvider,
    ProviderError,
    StartResult,
)

__all__ = [
    "InvalidSignature",
    "Notification",
    "NotSupported",
    "PaymentMismatch",
    "PaymentProvider",
    "ProviderError",
    "RefundInvalid",
    "StartResult",
    "available_providers",
    "demo_gateway_send",
    "money_amount",
    "notification_apply",
    "notification_receive",
    "order_for_payment_token",
    "order_paid_total",
    "order_refunded_total",
    "payment_apply_locked",
    "payment_record_success",
    "payment_return_check",
    "payment_return_url",
    "payment_start_url",
    "payment_token",
    "provider_for",
    "refund_create",
]
