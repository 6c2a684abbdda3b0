"""What the shopper's pages show about paying an order: whether the last online attempt
failed, the "Pay now" link and the other ways to pay an unpaid order."""

from __future__ import annotations

from django.urls import reverse

from ..orders.models import Order, OrderStatus, PaymentMethod
from .links import payment_start_url, payment_token
from .models import Payment
from .services import switchable_payment_methods


def order_payment_failed(order: Order) -> bool:
    """The order awaits payment and its latest attempt is one the provider reported failed."""
    if order.status != OrderStatus.AWAITING_PAYMENT:
        return False
    latest = order.payments.order_by("-created_at", "-pk").values_list("status", flat=True)[:1]
    return list(latest) == [Payment.Status.FAILED]


def payment_choices(order: Order) -> dict:
    """The order page's and the return page's paying panel: retry link, failure, other ways."""
    if order.status != OrderStatus.AWAITING_PAYMENT:
        return {"pay_url": None, "payment_failed": False, "other_methods": []}
    failed = order_payment_failed(order)
    others = [
        (code, PaymentMethod(code).label)
        for code in switchable_payment_methods()
        if code != order.payment_method
    ]
    return {
        "pay_url": payment_start_url(order),
        "payment_failed": failed,
        # Offered after a failure, or to a bank-transfer order that would rather pay online.
        "other_methods": others if failed or order.payment_method == "bank_transfer" else [],
        "switch_url": reverse("payment_switch", kwargs={"number": order.number}),
        "payment_token": payment_token(order),
    }
