"""Refunds paid by finance: the queue of orders owing money back and paying a refund."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import (
    F,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ....orders.models import Order, OrderStatus
from ....payments.models import RECEIVED, Payment, Refund
from ....payments.services import (
    order_paid_total,
    order_refunded_total,
    refund_create,
)
from ....pricing import money

if TYPE_CHECKING:
    from accounts.models import User

from .common import MONEY_OUTPUT, ZERO, FinanceInvalid, clean_note

# --- refunds
# --------------------------------------------------------------------------------------------


def with_balances(orders):
    """``orders`` annotated with ``paid`` (money received), ``refunded`` and ``refundable``.

    Subqueries rather than joins, so an order with several refunds is not counted twice.
    """
    paid = (
        Payment.objects.filter(order=OuterRef("pk"), status__in=RECEIVED)
        .values("order")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    refunded = (
        Refund.objects.filter(order=OuterRef("pk"))
        .values("order")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return orders.annotate(
        paid=Coalesce(Subquery(paid), Value(ZERO), output_field=MONEY_OUTPUT),
        refunded=Coalesce(Subquery(refunded), Value(ZERO), output_field=MONEY_OUTPUT),
    ).annotate(refundable=F("paid") - F("refunded"))


def refund_queue():
    """Cancelled orders that were paid and are not yet refunded in full, oldest first."""
    return (
        with_balances(Order.objects.filter(status=OrderStatus.CANCELLED))
        .filter(refundable__gt=0)
        .order_by("updated_at", "pk")
    )


def refundable_orders(query: str):
    """Any order (by number, or its start) with money left to refund: partial refunds on
    request."""
    query = query.strip()
    if not query:
        return Order.objects.none()
    return with_balances(Order.objects.filter(number__startswith=query)).filter(refundable__gt=0)[
        :50
    ]


def refundable_amount(order: Order) -> Decimal:
    return money(order_paid_total(order) - order_refunded_total(order))


def order_refund(*, order: Order, amount: Decimal | str, reason: str, actor: User) -> Refund:
    """Pay back part or all of what the order paid (never more than is left), recorded by hand.

    The payments module locks the order and re-checks the balance; this check first
    gives finance the exact amount left in the message.
    """
    amount, reason = money(amount), clean_note(reason)
    if amount <= 0:
        raise FinanceInvalid(_("Enter an amount above zero."), code="amount")
    if not reason:
        raise FinanceInvalid(_("Say why the money is refunded."), code="reason_missing")
    left = refundable_amount(order)
    if amount > left:
        raise FinanceInvalid(
            _("At most ¥%(left)s can be refunded on order %(number)s.")
            % {"left": left, "number": order.number},
            code="too_much",
        )
    return refund_create(order=order, amount=amount, reason=reason, actor=actor, kind="manual")
