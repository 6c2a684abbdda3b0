"""Money in: a provider's capture or a bank receipt applied to the order under its lock, a
duplicate capture kept and flagged, a failed attempt recorded, the way to pay changed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError
from core.money import CENT, money_amount

from ...locks import lock_order
from ...orders.models import Order, OrderStatus, PaymentMethod
from ...orders.services import order_transition
from ..models import Payment, PaymentEvent
from ..providers import available_providers

if TYPE_CHECKING:
    from accounts.models import User

from .totals import PaymentMismatch, order_paid_total, order_refunded_total


@dataclass(frozen=True)
class Applied:
    """What receiving money did to a (locked) order: the payment made, if any, and the event
    outcome."""

    payment: Payment | None
    outcome: str
    note: str = ""


def payment_apply_locked(
    *,
    order: Order,
    provider: str,
    amount: Decimal,
    currency: str,
    reference: str,
    actor: User | None = None,
    duplicates: bool = False,
) -> Applied:
    """Receive money for an order whose row the caller holds locked.

    Shared by staff recording and provider notifications, so both follow the same
    rules: already paid → nothing; wrong amount or currency → flagged for
    reconciliation, not paid; unpaid → paid (and the "paid" e-mail, once).

    ``duplicates`` (provider notifications): a capture with a trade number of its own for
    an order already paid is money taken twice, so it is kept as a duplicate payment and
    the order flagged for finance to refund it; the same trade number again is ignored.
    """
    if order.payments.filter(status=Payment.Status.SUCCEEDED).exists():
        same_capture = Payment.objects.filter(provider=provider, reference=reference[:80])
        if not duplicates or not reference or same_capture.exists():
            return Applied(None, PaymentEvent.Outcome.IGNORED, _("The order was already paid."))
        return _duplicate_record(
            order, provider=provider, amount=amount, currency=currency, reference=reference
        )
    if amount != order.total or currency != order.currency:
        note = _(
            "Received %(currency)s %(amount)s through %(provider)s, but the order is "
            "%(order_currency)s "
            "%(total)s."
        ) % {
            "currency": currency,
            "amount": amount,
            "provider": provider,
            "order_currency": order.currency,
            "total": order.total,
        }
        _flag(order, note)
        return Applied(None, PaymentEvent.Outcome.FLAGGED, note)
    payment = _payment_create(
        order,
        provider=provider,
        amount=amount,
        currency=currency,
        reference=reference,
        actor=actor,
    )
    return _after_payment(order, payment, actor)


def _duplicate_record(order: Order, *, provider, amount, currency, reference) -> Applied:
    payment = _payment_create(
        order,
        provider=provider,
        amount=amount,
        currency=currency,
        reference=reference,
        actor=None,
        status=Payment.Status.DUPLICATE,
    )
    note = _(
        "Paid twice: a second payment of %(currency)s %(amount)s through %(provider)s "
        "(%(reference)s) arrived for an order already paid; refund it."
    ) % {
        "currency": currency,
        "amount": amount,
        "provider": payment.provider_label,
        "reference": reference,
    }
    _flag(order, note)
    return Applied(payment, PaymentEvent.Outcome.FLAGGED, note)


def _payment_create(
    order, *, provider, amount, currency, reference, actor, status=Payment.Status.SUCCEEDED
) -> Payment:
    try:
        with transaction.atomic():
            return Payment.objects.create(
                order=order,
                provider=provider,
                amount=amount,
                currency=currency,
                reference=reference[:80],
                status=status,
                succeeded_at=timezone.now(),
                recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
    except IntegrityError:
        raise CommerceError(
            _("The reference %(reference)s was already recorded for another payment.")
            % {"reference": reference},
            code="duplicate_reference",
        ) from None


def _after_payment(order: Order, payment: Payment, actor) -> Applied:
    if order.status == OrderStatus.AWAITING_PAYMENT:
        order_transition(
            order=order,
            to_status=OrderStatus.PAID,
            actor=actor,
            note=_("Paid through %(provider)s.") % {"provider": payment.provider},
        )
        return Applied(payment, PaymentEvent.Outcome.APPLIED)
    if order.status == OrderStatus.CANCELLED:
        # The money is ours now and must go back: finance sees it on the reconciliation list.
        note = _("Paid after the order was cancelled; refund the customer.")
        _flag(order, note)
        return Applied(payment, PaymentEvent.Outcome.FLAGGED, note)
    if order.paid_at is None:  # cash on delivery: the courier's cash, no change of status
        Order.objects.filter(pk=order.pk).update(paid_at=payment.succeeded_at)
    return Applied(payment, PaymentEvent.Outcome.APPLIED)


def _flag(order: Order, note: str) -> None:
    Order.objects.filter(pk=order.pk).update(
        needs_reconciliation=True, reconciliation_note=note[:300]
    )


def payment_receipt_record_locked(
    *, order: Order, provider: str, amount: Decimal, reference: str, actor: User | None
) -> Applied:
    """Record money that may be only part of the total (a bank transfer), the order locked.

    Every receipt is kept against the order. Short of the total, it is a part payment:
    the order stays awaiting payment, flagged with what is outstanding, until a top-up
    brings the receipts to the total; the receipt that does so pays the order. More than
    the total pays it too, and the excess is flagged for a refund.
    """
    before = order_paid_total(order) - order_refunded_total(order)
    received = (before + amount).quantize(CENT)
    values = {
        "provider": provider,
        "reference": reference,
        "amount": amount,
        "received": received,
        "total": order.total,
        "difference": abs(order.total - received),
    }
    if received < order.total:
        payment = _payment_create(
            order,
            provider=provider,
            amount=amount,
            currency=order.currency,
            reference=reference,
            actor=actor,
            status=Payment.Status.PART,
        )
        note = (
            _(
                "%(reference)s: ¥%(amount)s received; ¥%(received)s of ¥%(total)s so far, "
                "¥%(difference)s outstanding."
            )
            % values
        )
        _flag(order, note)
        return Applied(payment, PaymentEvent.Outcome.FLAGGED, note)
    payment = _payment_create(
        order,
        provider=provider,
        amount=amount,
        currency=order.currency,
        reference=reference,
        actor=actor,
    )
    applied = _after_payment(order, payment, actor)
    if received > order.total:
        note = (
            _(
                "%(reference)s: ¥%(received)s received for ¥%(total)s due; refund the "
                "excess of ¥%(difference)s."
            )
            % values
        )
        _flag(order, note)
        return Applied(payment, PaymentEvent.Outcome.FLAGGED, note)
    if before > 0:  # a top-up completed earlier part payments: the mismatch is settled
        Order.objects.filter(pk=order.pk).update(
            needs_reconciliation=False,
            reconciliation_note=_("Settled: ¥%(received)s received, the last %(reference)s.")
            % values,
        )
    return applied


def payment_failure_record_locked(*, order: Order, provider: str, amount: Decimal) -> Payment:
    """An attempt the provider reports as failed, kept so the shopper is told so and offered
    to try again or pay another way (the order locked by the caller; nothing else changes)."""
    return Payment.objects.create(
        order=order, provider=provider, amount=amount, status=Payment.Status.FAILED
    )


def order_payment_method_change(
    *, order: Order, payment_method: str, actor: User | None = None
) -> Order:
    """The shopper of an unpaid order chooses another way to pay (after a failed payment, say).

    Only while the order awaits payment, and only to an online provider that is switched
    on or to bank transfer: cash on delivery is a different order (confirmed, not awaiting
    payment), chosen at checkout. The total and the pay-by time stay as they are.
    """
    if payment_method not in switchable_payment_methods():
        raise CommerceError(_("This way of paying is not available."), code="payment_method")
    with transaction.atomic():
        locked = lock_order(order)
        if locked.status != OrderStatus.AWAITING_PAYMENT:
            raise CommerceError(
                _("This order is not awaiting payment any more."), code="not_awaiting_payment"
            )
        if locked.payment_method != payment_method:
            previous = locked.payment_method
            Order.objects.filter(pk=locked.pk).update(payment_method=payment_method)
            log(
                instance=locked,
                action="wagtail.edit",
                user=actor if getattr(actor, "is_authenticated", False) else None,
                data={"payment_method": [previous, payment_method]},
            )
    order.refresh_from_db()
    return order


def switchable_payment_methods() -> list[str]:
    """What an unpaid order may switch to: the online providers switched on, and bank transfer."""
    return [
        provider.code
        for provider in available_providers()
        if provider.online or provider.code == PaymentMethod.BANK_TRANSFER
    ]


def payment_record_success(
    *,
    order: Order,
    provider: str,
    amount: Decimal | str,
    reference: str,
    currency: str = "CNY",
    actor: User | None = None,
) -> Payment:
    """Staff record money received (a bank transfer, the courier's cash) for ``order``.

    A wrong amount or currency flags the order for reconciliation (that flag is
    kept) and raises ``PaymentMismatch``; an order already paid is refused.
    """
    amount = money_amount(amount)
    with transaction.atomic():
        applied = payment_apply_locked(
            order=lock_order(order),
            provider=provider,
            amount=amount,
            currency=currency,
            reference=reference.strip(),
            actor=actor,
        )
    order.refresh_from_db()
    if applied.outcome == PaymentEvent.Outcome.FLAGGED and applied.payment is None:
        raise PaymentMismatch(applied.note)
    if applied.payment is None:
        raise CommerceError(applied.note, code="already_paid")
    return applied.payment
