"""Money out: a refund reserved under the order's lock, then paid through the provider that
took the money (or recorded as paid by hand)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.money import money_amount

from ...locks import lock_order
from ...orders.models import Order
from ..emails import refund_email_queue
from ..models import RECEIVED, Payment, Refund
from ..providers import provider_for
from ..providers.base import NotSupported, ProviderError

if TYPE_CHECKING:
    from accounts.models import User

from .totals import RefundInvalid, order_paid_total, order_refunded_total


def refund_create(
    *,
    order: Order,
    amount: Decimal | str,
    reason: str,
    actor: User | None,
    kind: str = Refund.Kind.MANUAL,
    reference: str = "",
    payment: Payment | None = None,
    notify: bool = True,
) -> Refund:
    """Give money back, through the provider (``kind="provider"``) or recorded as paid out by hand.

    ``notify``: e-mail the shopper about the refund (an after-sales request says it in its
    own e-mail instead).

    ``payment``: the one payment to give back (a duplicate capture), never more than is
    left of it; by default the payment that paid the order.

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
        payment=payment,
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
    if notify:
        refund_email_queue(refund=refund)
    return refund


def _refund_reserve(*, order, amount, reason, actor, kind, reference, payment):
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
        if payment is None:
            payment = locked.payments.filter(status=Payment.Status.SUCCEEDED).first()
        else:
            _check_payment_refundable(locked, payment, amount)
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


def _check_payment_refundable(order: Order, payment: Payment, amount: Decimal) -> None:
    if payment.order_id != order.pk or payment.status not in RECEIVED:
        raise RefundInvalid(_("That payment was not received for this order."))
    left = payment.amount - (payment.refunds.aggregate(t=Sum("amount"))["t"] or Decimal("0"))
    if amount > left:
        raise RefundInvalid(
            _("At most ¥%(left)s of this payment can still be refunded.") % {"left": left}
        )


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
