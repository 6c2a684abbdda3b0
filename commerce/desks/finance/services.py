"""The finance desk's decisions: bank transfers received, cash collected by couriers,
refunds paid out, and the day's takings by payment method.

Only finance may say that money arrived or left (``commerce.record_payment``); the
views check that, these functions do the bookkeeping. Money is recorded through
``commerce.payments.services`` (one successful payment per order, refunds never above what was
paid, both checked with the order row locked); this module adds what finance knows
and the shop does not: the bank's reference, the amount that really arrived, which
orders a courier's cash belongs to. Every action is written to Wagtail's audit log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Count, DecimalField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError

from ...locks import lock_order, lock_orders
from ...orders.models import Order, OrderStatus, OrderStatusChange, PaymentMethod
from ...payments.models import Payment, Refund
from ...payments.services import (
    PaymentMismatch,
    order_paid_total,
    order_refunded_total,
    payment_record_success,
    refund_create,
)
from ...pricing import money
from .models import CodCollection

if TYPE_CHECKING:
    from collections.abc import Sequence

    from accounts.models import User

    from ...shipping.models import Carrier

BANK_TRANSFER = PaymentMethod.BANK_TRANSFER
COD = PaymentMethod.CASH_ON_DELIVERY
# The courier has the cash once the parcel is delivered; a completed order was delivered too.
COD_COLLECTABLE = (OrderStatus.DELIVERED, OrderStatus.COMPLETED)
REFERENCE_LENGTH = Order._meta.get_field("bank_reference").max_length
NOTE_LENGTH = Order._meta.get_field("reconciliation_note").max_length
REFERENCE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./_-]*$")
AMOUNT_RE = re.compile(r"^\d{1,8}(\.\d{1,2})?$")
MAX_TOTALS_DAYS = 366
ZERO = Decimal("0.00")
MONEY_OUTPUT = DecimalField(max_digits=12, decimal_places=2)


class FinanceInvalid(CommerceError):
    code = "finance_invalid"


class CodDifference(CommerceError):
    """The cash handed in is not what the chosen orders add up to; nothing was recorded."""

    code = "cod_difference"

    def __init__(self, *, expected: Decimal, received: Decimal):
        self.expected, self.received, self.difference = expected, received, received - expected
        super().__init__(
            _(
                "The selected orders add up to ¥%(expected)s but ¥%(received)s was handed in "
                "(%(difference)s). Nothing was recorded: check the selection, or tick “Record "
                "with the difference” and explain it in the note."
            )
            % {
                "expected": expected,
                "received": received,
                "difference": (
                    _("¥%(amount)s more") if received > expected else _("¥%(amount)s less")
                )
                % {"amount": abs(received - expected)},
            }
        )


def _clean_note(text: str, length: int = NOTE_LENGTH) -> str:
    return " ".join((text or "").split())[:length]


# --- bank transfers
# -------------------------------------------------------------------------------------


def awaiting_bank_transfers(query: str = ""):
    """Bank-transfer orders still waiting for their money, oldest first.

    Orders whose money arrived but did not match are left out: they wait in the
    reconciliation list instead. ``query`` is an order number (or its start) or an amount.
    """
    orders = Order.objects.filter(
        status=OrderStatus.AWAITING_PAYMENT,
        payment_method=BANK_TRANSFER,
        needs_reconciliation=False,
    )
    query = query.strip()
    if query:
        match = Q(number__startswith=query)
        if AMOUNT_RE.match(query):
            match |= Q(total=money(query))
        orders = orders.filter(match)
    return orders.order_by("placed_at", "pk")


def bank_reference_problem(*, reference: str, order: Order) -> str:
    """Why this bank reference cannot confirm this order ("" when it can): each is used once."""
    if not reference:
        return _("Enter the bank's reference for the transfer.")
    if len(reference) > REFERENCE_LENGTH or not REFERENCE_RE.match(reference):
        return _("A bank reference has at most %(max)d letters, digits, spaces and . / _ -.") % {
            "max": REFERENCE_LENGTH
        }
    other = (
        Order.objects.filter(bank_reference=reference)
        .exclude(pk=order.pk)
        .values_list("number", flat=True)
        .first()
        or Payment.objects.filter(provider=BANK_TRANSFER, reference=reference)
        .exclude(order=order)
        .values_list("order__number", flat=True)
        .first()
    )
    if other:
        return _("Bank reference %(reference)s was already used for order %(number)s.") % {
            "reference": reference,
            "number": other,
        }
    return ""


def order_confirm_bank_transfer(
    *,
    order: Order,
    reference: str,
    amount_received: Decimal | str,
    note: str = "",
    actor: User,
) -> Order:
    """Finance saw the transfer on the bank statement: record it, and the order is paid.

    The reference goes onto the order in the same transaction as the payment, so the
    unique constraint on it stops one transfer from paying two orders, even when two
    people confirm at once. An amount that differs from the order total does not pay
    the order: it is kept (with the reference) and flagged for reconciliation.
    Returns the order; ``needs_reconciliation`` says which of the two happened.
    """
    reference, note = reference.strip(), _clean_note(note)
    amount = money(amount_received)
    problem = bank_reference_problem(reference=reference, order=order)
    if problem:
        raise FinanceInvalid(problem, code="bank_reference")
    if amount <= 0:
        raise FinanceInvalid(_("Enter the amount that arrived."), code="amount")
    try:
        with transaction.atomic():
            locked = _lock_awaiting_bank_transfer(order)
            Order.objects.filter(pk=locked.pk).update(bank_reference=reference)
            matched = _record_transfer(
                locked, amount=amount, reference=reference, note=note, actor=actor
            )
            log(
                locked,
                "commerce.order.confirm_payment",
                user=actor,
                data={
                    "reference": reference,
                    "amount": str(amount),
                    "total": str(locked.total),
                    "note": note,
                    "matched": matched,
                },
            )
    except IntegrityError:
        raise FinanceInvalid(
            _("Bank reference %(reference)s was already used for another order.")
            % {"reference": reference},
            code="bank_reference",
        ) from None
    order.refresh_from_db()
    return order


def _lock_awaiting_bank_transfer(order: Order) -> Order:
    locked = lock_order(order)
    if locked.payment_method != BANK_TRANSFER:
        raise FinanceInvalid(
            _("Order %(number)s is not paid by bank transfer.") % {"number": locked.number},
            code="not_bank_transfer",
        )
    if locked.status != OrderStatus.AWAITING_PAYMENT:
        raise FinanceInvalid(
            _("Order %(number)s is “%(status)s”, not awaiting payment.")
            % {"number": locked.number, "status": locked.get_status_display()},
            code="not_awaiting_payment",
        )
    return locked


def _record_transfer(order: Order, *, amount: Decimal, reference: str, note: str, actor) -> bool:
    """Pay the order when the amount matches (True), else leave it flagged for reconciliation
    (False)."""
    try:
        payment_record_success(
            order=order, provider=BANK_TRANSFER, amount=amount, reference=reference, actor=actor
        )
    except PaymentMismatch:
        # The payments module flagged the order; finance's note says which transfer it was.
        Order.objects.filter(pk=order.pk).update(
            needs_reconciliation=True,
            reconciliation_note=_clean_note(
                _("Bank transfer %(reference)s: ¥%(received)s received, ¥%(total)s due. %(note)s")
                % {"reference": reference, "received": amount, "total": order.total, "note": note}
            ),
        )
        return False
    # A transfer that now matches settles an earlier mismatch on this order.
    Order.objects.filter(pk=order.pk, needs_reconciliation=True).update(
        needs_reconciliation=False,
        reconciliation_note=_clean_note(
            _("Settled: ¥%(amount)s received, reference %(reference)s. %(note)s")
            % {"amount": amount, "reference": reference, "note": note}
        ),
    )
    return True


def reconciliation_queue():
    """Orders whose money did not match what was due; nothing ships or pays until finance looks."""
    return Order.objects.filter(needs_reconciliation=True).order_by("placed_at", "pk")


def order_reconcile(*, order: Order, note: str, actor: User) -> Order:
    """Finance settled a mismatch (the customer paid the rest, the excess was returned…): lift the
    flag.

    An order still awaiting payment goes back to the bank-transfer list, where the
    matching amount confirms it.
    """
    note = _clean_note(note)
    if not note:
        raise FinanceInvalid(_("Say how the difference was settled."), code="note_missing")
    with transaction.atomic():
        locked = lock_order(order)
        if not locked.needs_reconciliation:
            raise FinanceInvalid(
                _("Order %(number)s does not need reconciliation.") % {"number": locked.number},
                code="not_flagged",
            )
        Order.objects.filter(pk=locked.pk).update(
            needs_reconciliation=False, reconciliation_note=note
        )
        log(
            locked,
            "commerce.order.reconcile",
            user=actor,
            data={"note": note, "previous_note": locked.reconciliation_note},
        )
    order.refresh_from_db()
    return order


# --- cash on delivery
# -----------------------------------------------------------------------------------


def cod_awaiting_collection(*, carrier=None):
    """Delivered cash-on-delivery orders whose cash finance has not received yet, by delivery time.

    ``delivered_at`` (when the order became delivered) is annotated in the same query:
    couriers hand in each day's cash together.
    """
    orders = Order.objects.filter(
        payment_method=COD, status__in=COD_COLLECTABLE, cod_collection__isnull=True
    )
    if carrier is not None:
        # Orders shipped before carriers were a list have no carrier row; any courier may hand
        # those in.
        orders = orders.filter(Q(shipping_carrier=carrier) | Q(shipping_carrier__isnull=True))
    delivered = OrderStatusChange.objects.filter(
        order=OuterRef("pk"), to_status=OrderStatus.DELIVERED
    )
    return (
        orders.select_related("shipping_carrier")
        .annotate(
            delivered_at=Subquery(delivered.order_by("-created_at").values("created_at")[:1])
        )
        .order_by("delivered_at", "pk")
    )


def cod_collection_record(
    *,
    carrier: Carrier,
    day: date,
    amount: Decimal | str,
    orders: Sequence[Order],
    note: str = "",
    actor: User,
    accept_difference: bool = False,
) -> CodCollection:
    """Record the cash a courier handed in for one day and the orders it pays for.

    The chosen orders must add up to the cash; otherwise nothing is recorded
    (``CodDifference`` says by how much) unless finance accepts the difference and
    explains it in the note. Orders are locked in pk order and re-checked, so an
    order is never collected twice; one collection per carrier and day (unique).
    """
    amount, note = money(amount), _clean_note(note)
    if amount < 0:
        raise FinanceInvalid(_("The cash handed in cannot be negative."), code="amount")
    if not orders:
        raise FinanceInvalid(_("Select the orders the cash was collected for."), code="no_orders")
    if day > timezone.localdate():
        raise FinanceInvalid(_("The collection day cannot be in the future."), code="day")
    with transaction.atomic():
        locked = lock_orders(o.pk for o in orders)
        _check_collectable(locked, carrier)
        expected = sum((o.total for o in locked), ZERO)
        if expected != amount and not accept_difference:
            raise CodDifference(expected=expected, received=amount)
        if expected != amount and not note:
            raise FinanceInvalid(_("Explain the difference in the note."), code="note_missing")
        collection = _create_collection(
            carrier=carrier, day=day, amount=amount, note=note, actor=actor
        )
        Order.objects.filter(pk__in=[o.pk for o in locked]).update(cod_collection=collection)
        _record_cod_payments(locked, collection, actor)
        for order in locked:
            log(
                order,
                "commerce.cod.collect",
                user=actor,
                data={
                    "collection": collection.pk,
                    "carrier": carrier.code,
                    "day": day.isoformat(),
                    "amount": str(amount),
                    "orders_total": str(expected),
                    "note": note,
                },
            )
    return collection


def _check_collectable(orders: list[Order], carrier) -> None:
    for order in orders:
        if order.payment_method != COD or order.status not in COD_COLLECTABLE:
            raise FinanceInvalid(
                _("Order %(number)s is not a delivered cash-on-delivery order.")
                % {"number": order.number},
                code="not_collectable",
            )
        if order.cod_collection_id is not None:
            raise FinanceInvalid(
                _("The cash for order %(number)s was already recorded.")
                % {"number": order.number},
                code="already_collected",
            )
        if order.shipping_carrier_id not in (None, carrier.pk):
            raise FinanceInvalid(
                _("Order %(number)s was delivered by another carrier.") % {"number": order.number},
                code="other_carrier",
            )


def _create_collection(*, carrier, day, amount, note, actor) -> CodCollection:
    try:
        with transaction.atomic():
            return CodCollection.objects.create(
                carrier=carrier, day=day, amount=amount, note=note, recorded_by=actor
            )
    except IntegrityError:
        raise FinanceInvalid(
            _("The cash of %(carrier)s for %(day)s was already recorded.")
            % {"carrier": carrier.name, "day": day.isoformat()},
            code="collection_exists",
        ) from None


def _record_cod_payments(orders: list[Order], collection: CodCollection, actor) -> None:
    """Each order's cash as a payment (kept out of the status: the order was delivered already)."""
    already_paid = set(
        Payment.objects.filter(order__in=orders, status=Payment.Status.SUCCEEDED).values_list(
            "order_id", flat=True
        )
    )
    for order in orders:
        if order.pk not in already_paid:
            payment_record_success(
                order=order,
                provider=COD,
                amount=order.total,
                actor=actor,
                reference=f"COD-{collection.pk}-{order.number}",
            )


def cod_collections(*, limit: int = 60) -> list[CodCollection]:
    """Recent collections with what their orders add up to, for checking each against the cash."""
    return list(
        CodCollection.objects.select_related("carrier", "recorded_by")
        .annotate(
            orders_total=Coalesce(Sum("orders__total"), Value(ZERO), output_field=MONEY_OUTPUT),
            orders_count=Count("orders"),
        )
        .annotate(difference=F("amount") - F("orders_total"))
        .order_by("-day", "-pk")[:limit]
    )


# --- refunds
# --------------------------------------------------------------------------------------------


def with_balances(orders):
    """``orders`` annotated with ``paid`` (successful payments), ``refunded`` and ``refundable``.

    Subqueries rather than joins, so an order with several refunds is not counted twice.
    """
    paid = (
        Payment.objects.filter(order=OuterRef("pk"), status=Payment.Status.SUCCEEDED)
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
    amount, reason = money(amount), _clean_note(reason)
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


# --- daily totals
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DailyTotal:
    day: date
    method: str
    received: Decimal
    refunded: Decimal

    @property
    def net(self) -> Decimal:
        return self.received - self.refunded

    @property
    def method_label(self) -> str:
        return (
            PaymentMethod(self.method).label
            if self.method in PaymentMethod.values
            else self.method
        )


def day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """The moments from the start of ``start`` to the end of ``end``, in the shop's time zone."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def daily_totals(*, start: date, end: date) -> list[DailyTotal]:
    """Money received minus money refunded, per day and payment method, in one aggregating query.

    Payments count on the day they succeeded, refunds on the day they were made; the
    method is the order's. The two grouped halves are combined with UNION ALL.
    """
    if end < start:
        raise FinanceInvalid(_("The end date is before the start date."), code="dates")
    if (end - start).days >= MAX_TOTALS_DAYS:
        raise FinanceInvalid(
            _("Choose at most %(days)d days.") % {"days": MAX_TOTALS_DAYS}, code="dates"
        )
    moments = day_range(start, end)
    zero = Value(ZERO, output_field=MONEY_OUTPUT)
    received = (
        Payment.objects.filter(
            status=Payment.Status.SUCCEEDED,
            succeeded_at__gte=moments[0],
            succeeded_at__lt=moments[1],
        )
        .annotate(day=TruncDate("succeeded_at"), method=F("order__payment_method"))
        .values("day", "method")
        .annotate(received=Sum("amount", output_field=MONEY_OUTPUT), refunded=zero)
        .order_by()
    )
    refunded = (
        Refund.objects.filter(created_at__gte=moments[0], created_at__lt=moments[1])
        .annotate(day=TruncDate("created_at"), method=F("order__payment_method"))
        .values("day", "method")
        .annotate(received=zero, refunded=Sum("amount", output_field=MONEY_OUTPUT))
        .order_by()
    )
    sums: dict[tuple, list[Decimal]] = {}
    for row in received.union(refunded, all=True):
        pair = sums.setdefault((row["day"], row["method"]), [ZERO, ZERO])
        pair[0] += money(row["received"])
        pair[1] += money(row["refunded"])
    return [
        DailyTotal(day, method, received_sum, refunded_sum)
        for (day, method), (received_sum, refunded_sum) in sorted(sums.items())
    ]


def totals_by_method(rows: list[DailyTotal]) -> list[DailyTotal]:
    """The period's sum per method (``day`` is None), for the foot of the table."""
    sums: dict[str, list[Decimal]] = {}
    for row in rows:
        pair = sums.setdefault(row.method, [ZERO, ZERO])
        pair[0] += row.received
        pair[1] += row.refunded
    return [
        DailyTotal(None, method, received, refunded)
        for method, (received, refunded) in sorted(sums.items())
    ]


# --- the desk's dashboard
# -------------------------------------------------------------------------------


def finance_counts() -> dict[str, int]:
    """How many orders wait at each of the desk's lists (two queries)."""
    counts = Order.objects.aggregate(
        awaiting=Count(
            "pk",
            filter=Q(
                status=OrderStatus.AWAITING_PAYMENT,
                payment_method=BANK_TRANSFER,
                needs_reconciliation=False,
            ),
        ),
        reconciliation=Count("pk", filter=Q(needs_reconciliation=True)),
        cod=Count(
            "pk",
            filter=Q(payment_method=COD, status__in=COD_COLLECTABLE, cod_collection__isnull=True),
        ),
    )
    counts["refunds"] = refund_queue().count()
    return counts
