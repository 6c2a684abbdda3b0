"""Money in and money out of an order: payments received and refunds given.

Both lock the order row first, so two notifications, a notification and a staff
member, or two refunds never decide on the same stale totals. The database adds
its own guards: one successful payment per order, a provider's reference used
once, refunds above zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError
from core.money import CENT, money_amount

from ..locks import lock_order
from ..orders.models import Order, OrderStatus
from ..orders.services import order_transition
from .models import Payment, PaymentEvent, Refund
from .providers import provider_for
from .providers.base import NotSupported, ProviderError

if TYPE_CHECKING:
    from accounts.models import User


class PaymentMismatch(CommerceError):
    """Money arrived that does not match the order (amount or currency): flagged, not paid."""

    code = "payment_mismatch"


class RefundInvalid(CommerceError):
    code = "refund_invalid"


def order_paid_total(order: Order) -> Decimal:
    total = Payment.objects.filter(order=order, status=Payment.Status.SUCCEEDED).aggregate(
        t=Sum("amount")
    )["t"]
    return (total or Decimal("0")).quantize(CENT)


def order_refunded_total(order: Order) -> Decimal:
    total = Refund.objects.filter(order=order).aggregate(t=Sum("amount"))["t"]
    return (total or Decimal("0")).quantize(CENT)


# --- payments
# ---------------------------------------------------------------------------------------------


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
) -> Applied:
    """Receive money for an order whose row the caller holds locked.

    Shared by staff recording and provider notifications, so both follow the same
    rules: already paid → nothing; wrong amount or currency → flagged for
    reconciliation, not paid; unpaid → paid (and the "paid" e-mail, once).
    """
    if order.payments.filter(status=Payment.Status.SUCCEEDED).exists():
        return Applied(None, PaymentEvent.Outcome.IGNORED, _("The order was already paid."))
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


def _payment_create(order, *, provider, amount, currency, reference, actor) -> Payment:
    try:
        with transaction.atomic():
            return Payment.objects.create(
                order=order,
                provider=provider,
                amount=amount,
                currency=currency,
                reference=reference[:80],
                status=Payment.Status.SUCCEEDED,
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


# --- refunds
# ----------------------------------------------------------------------------------------------


def refund_create(
    *,
    order: Order,
    amount: Decimal | str,
    reason: str,
    actor: User | None,
    kind: str = Refund.Kind.MANUAL,
    reference: str = "",
) -> Refund:
    """Give money back, through the provider (``kind="provider"``) or recorded as paid out by hand.

    Reserve → pay → finalise: the refund row is inserted with the order locked (so
    two refunds at once can never exceed what was paid), the provider is called
    after that lock is released, and a refusal deletes the reservation again. Do not
    call this inside an outer transaction, or the lock would span the network call.
    """
    amount = money_amount(amount)
    reason = (reason or "").strip()
    if amount <= 0:
        raise RefundInvalid(_("A refund must be more than zero."))
    if not reason:
        raise RefundInvalid(_("Please give a reason for the refund."))
    if kind not in Refund.Kind.values:
        raise RefundInvalid(_("Unknown kind of refund."))
    refund, provider = _refund_reserve(
        order=order,
        amount=amount,
        reason=reason[:300],
        actor=actor,
        kind=kind,
        reference=reference.strip()[:80],
    )
    if provider is not None:
        refund = _refund_through_provider(refund, provider)
    log(
        instance=order,
        action="commerce.order.refund",
        user=actor,
        data={
            "refund": refund.pk,
            "amount": str(amount),
            "kind": kind,
            "reason": refund.reason,
            "reference": refund.reference,
        },
    )
    return refund


def _refund_reserve(*, order, amount, reason, actor, kind, reference):
    with transaction.atomic():
        locked = lock_order(order)
        paid, refunded = order_paid_total(locked), order_refunded_total(locked)
        if amount > paid - refunded:
            raise RefundInvalid(
                _(
                    "At most ¥%(available)s can still be refunded (paid ¥%(paid)s, already "
                    "refunded ¥%(refunded)s)."
                )
                % {"available": paid - refunded, "paid": paid, "refunded": refunded}
            )
        payment = locked.payments.filter(status=Payment.Status.SUCCEEDED).first()
        provider = None
        if kind == Refund.Kind.PROVIDER:
            provider = provider_for(payment.provider) if payment else None
            if provider is None or not provider.online:
                raise RefundInvalid(
                    _(
                        "This payment cannot be refunded through the provider; record a manual "
                        "refund instead."
                    )
                )
        refund = Refund.objects.create(
            order=locked,
            payment=payment,
            amount=amount,
            kind=kind,
            reason=reason,
            reference=reference,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
    return refund, provider


def _refund_through_provider(refund: Refund, provider) -> Refund:
    order = refund.order
    try:
        reference = provider.refund(
            order=order,
            payment=refund.payment,
            amount=refund.amount,
            request_id=f"{order.number}-R{refund.pk}",
        )
    except NotSupported:
        refund.delete()  # the reservation goes; nothing was paid out
        raise RefundInvalid(
            _(
                "This payment cannot be refunded through the provider; record a manual "
                "refund instead."
            )
        ) from None
    except ProviderError as error:
        refund.delete()
        raise RefundInvalid(
            _("The payment provider refused the refund: %(reason)s") % {"reason": error}
        ) from None
    Refund.objects.filter(pk=refund.pk).update(reference=reference[:80])
    refund.reference = reference[:80]
    return refund
