"""What an order has received and given back, and the errors money handling raises."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Sum

from core.errors import CommerceError
from core.money import CENT

from ...orders.models import Order
from ..models import RECEIVED, Payment, Refund

if TYPE_CHECKING:
    pass


class PaymentMismatch(CommerceError):
    """Money arrived that does not match the order (amount or currency): flagged, not paid."""

    code = "payment_mismatch"


class RefundInvalid(CommerceError):
    code = "refund_invalid"


def order_paid_total(order: Order) -> Decimal:
    """Every amount that arrived for the order, a duplicate capture included (it is refundable)."""
    total = Payment.objects.filter(order=order, status__in=RECEIVED).aggregate(t=Sum("amount"))[
        "t"
    ]
    return (total or Decimal("0")).quantize(CENT)


def order_refunded_total(order: Order) -> Decimal:
    total = Refund.objects.filter(order=order).aggregate(t=Sum("amount"))["t"]
    return (total or Decimal("0")).quantize(CENT)


def order_outstanding_amount(order: Order) -> Decimal:
    """What is still to pay: the total less what arrived and was not given back (never below 0)."""
    return max(
        order.total - order_paid_total(order) + order_refunded_total(order), Decimal("0.00")
    )
