"""Bank transfers: the orders waiting for their money, confirming one against the bank's
reference and the amount that arrived, and the reconciliation list (differences, duplicate
captures, excess payments)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ....locks import lock_order
from ....orders.models import Order, OrderStatus
from ....payments.models import RECEIVED, Payment, Refund
from ....payments.providers import provider_for
from ....payments.services import (
    order_outstanding_amount,
    order_paid_total,
    order_refunded_total,
    payment_receipt_record_locked,
    refund_create,
)
from ....pricing import money

if TYPE_CHECKING:
    from accounts.models import User

from .common import (
    AMOUNT_RE,
    BANK_TRANSFER,
    MONEY_OUTPUT,
    REFERENCE_LENGTH,
    REFERENCE_RE,
    ZERO,
    FinanceInvalid,
    clean_note,
)
from .refunds import with_balances

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
    if Payment.objects.filter(provider=BANK_TRANSFER, reference=reference, order=order).exists():
        return _(
            "Bank reference %(reference)s was already recorded for this order; a top-up has a "
            "reference of its own."
        ) % {"reference": reference}
    return ""


def order_confirm_bank_transfer(
    *,
    order: Order,
    reference: str,
    amount_received: Decimal | str,
    note: str = "",
    actor: User,
) -> Order:
    """Finance saw a transfer on the bank statement: record it as a receipt of the order.

    Receipts add up: short of the total the order waits (flagged for reconciliation,
    with what is outstanding) for a top-up, recorded here too with its own reference;
    the receipt reaching the total pays the order; beyond it, the excess is flagged
    for a refund. The first reference goes onto the order in the same transaction as
    the receipt, and each receipt's reference is unique, so one transfer never pays
    two orders, even when two people confirm at once. Returns the order;
    ``needs_reconciliation`` says whether something is left to settle.
    """
    reference, note = reference.strip(), clean_note(note)
    amount = money(amount_received)
    problem = bank_reference_problem(reference=reference, order=order)
    if problem:
        raise FinanceInvalid(problem, code="bank_reference")
    if amount <= 0:
        raise FinanceInvalid(_("Enter the amount that arrived."), code="amount")
    try:
        with transaction.atomic():
            locked = _lock_awaiting_bank_transfer(order)
            Order.objects.filter(pk=locked.pk, bank_reference="").update(bank_reference=reference)
            applied = payment_receipt_record_locked(
                order=locked,
                provider=BANK_TRANSFER,
                amount=amount,
                reference=reference,
                actor=actor,
            )
            if applied.note and note:
                Order.objects.filter(pk=locked.pk).update(
                    reconciliation_note=clean_note(f"{applied.note} {note}")
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
                    "matched": applied.outcome == "applied",
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


def order_outstanding(order: Order) -> Decimal:
    """What is still to come for an order awaiting payment (the total less net receipts)."""
    return money(order_outstanding_amount(order))


def order_receipts(order: Order) -> list[Payment]:
    """Every payment that brought money for the order, oldest first (part payments included)."""
    return list(order.payments.filter(status__in=RECEIVED).order_by("created_at", "pk"))


def reconciliation_queue():
    """Orders whose money did not match what was due; nothing ships or pays until finance looks.

    Each with its balances (``due``: the total, nothing once cancelled; ``balance``: money
    kept beyond what is due, to refund; ``outstanding``: its opposite, still to come) and
    its duplicate payments (``duplicate_payments``, each with ``refunded`` and ``left``), in
    a fixed number of queries.
    """
    duplicates = (
        Payment.objects.filter(status=Payment.Status.DUPLICATE)
        .annotate(
            refunded=Coalesce(Sum("refunds__amount"), Value(ZERO), output_field=MONEY_OUTPUT)
        )
        .annotate(left=F("amount") - F("refunded"))
        .order_by("created_at", "pk")
    )
    return (
        with_balances(Order.objects.filter(needs_reconciliation=True))
        .annotate(duplicates_left=_duplicates_left())
        .annotate(
            due=Case(
                When(status=OrderStatus.CANCELLED, then=Value(ZERO)),
                default=F("total"),
                output_field=MONEY_OUTPUT,
            )
        )
        .annotate(balance=F("paid") - F("refunded") - F("due"))
        .annotate(outstanding=-F("balance"), excess=F("balance") - F("duplicates_left"))
        .prefetch_related(Prefetch("payments", duplicates, to_attr="duplicate_payments"))
        .order_by("placed_at", "pk")
    )


def _duplicates_left():
    """What is still to refund of an order's duplicate captures (a subquery expression)."""
    captured = (
        Payment.objects.filter(order=OuterRef("pk"), status=Payment.Status.DUPLICATE)
        .values("order")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    refunded = (
        Refund.objects.filter(order=OuterRef("pk"), payment__status=Payment.Status.DUPLICATE)
        .values("order")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(captured), Value(ZERO), output_field=MONEY_OUTPUT) - Coalesce(
        Subquery(refunded), Value(ZERO), output_field=MONEY_OUTPUT
    )


def order_excess_refund(*, order: Order, actor: User) -> Refund:
    """Give back what an order received beyond what is due (an over-paid transfer, money for a
    cancelled order), duplicates aside (each is refunded on its own), then lift the flag.

    Through the provider when an online payment paid the order, else recorded as paid back
    by hand (the bank transfer back); ``refund_create`` re-checks the balance under the lock.
    """
    row = reconciliation_queue().filter(pk=order.pk).first()
    excess = money(row.excess) if row is not None else ZERO
    if excess <= 0:
        raise FinanceInvalid(
            _("Order %(number)s has received nothing beyond what is due.")
            % {"number": order.number},
            code="no_excess",
        )
    paying = order.payments.filter(status=Payment.Status.SUCCEEDED).first()
    provider = provider_for(paying.provider) if paying is not None else None
    refund = refund_create(
        order=order,
        amount=excess,
        reason=_("Received beyond what is due"),
        actor=actor,
        kind=Refund.Kind.PROVIDER if provider is not None and provider.online else "manual",
    )
    _resolve_if_settled(
        order, actor=actor, note=_("Excess of ¥%(amount)s refunded.") % {"amount": excess}
    )
    return refund


def duplicate_payment_refund(*, payment: Payment, actor: User) -> Refund:
    """Give back a duplicate capture in full, through its provider when that can refund
    (else recorded as paid back by hand), then lift the order's flag once nothing is left
    to settle.

    Goes through ``refund_create``, the shop's one refund path (the order locked, never
    more than was received, the provider called after the lock).
    """
    if payment.status != Payment.Status.DUPLICATE:
        raise FinanceInvalid(_("That payment is not a duplicate."), code="not_duplicate")
    left = money(payment.amount - sum((r.amount for r in payment.refunds.all()), ZERO))
    if left <= 0:
        raise FinanceInvalid(
            _("That duplicate payment was already refunded."), code="already_refunded"
        )
    provider = provider_for(payment.provider)
    refund = refund_create(
        order=payment.order,
        amount=left,
        reason=_("Duplicate payment %(reference)s") % {"reference": payment.reference},
        actor=actor,
        kind=Refund.Kind.PROVIDER if provider is not None and provider.online else "manual",
        payment=payment,
    )
    _resolve_if_settled(
        payment.order,
        actor=actor,
        note=_("Duplicate payment %(reference)s refunded (¥%(amount)s).")
        % {"reference": payment.reference, "amount": left},
    )
    return refund


def _resolve_if_settled(order: Order, *, actor: User, note: str) -> bool:
    """Lift the reconciliation flag when the order keeps exactly what is due (True)."""
    with transaction.atomic():
        locked = lock_order(order)
        due = ZERO if locked.status == OrderStatus.CANCELLED else locked.total
        if not locked.needs_reconciliation or (
            order_paid_total(locked) - order_refunded_total(locked) != due
        ):
            return False
        note = clean_note(note)
        Order.objects.filter(pk=locked.pk).update(
            needs_reconciliation=False, reconciliation_note=note
        )
        log(
            locked,
            "commerce.order.reconcile",
            user=actor,
            data={"note": note, "previous_note": locked.reconciliation_note},
        )
    return True


def order_reconcile(*, order: Order, note: str, actor: User) -> Order:
    """Finance settled a mismatch (the customer paid the rest, the excess was returned…): lift the
    flag.

    An order still awaiting payment goes back to the bank-transfer list, where the
    matching amount confirms it.
    """
    note = clean_note(note)
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
