"""Provider notifications: verified, stored once, applied once.

Every notification (the HTTP endpoint, the demo gateway in-process, a status query
on the shopper's return) ends in ``notification_apply``: one transaction that
stores the event (unique on provider + event id) and applies it with the order
locked. A notification delivered three times at once pays the order once; one
racing the shopper's return meets it at the order lock and finds it paid.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..locks import lock_order_by_number
from ..orders.models import Order, OrderStatus
from .models import PaymentEvent
from .providers import provider_for
from .providers.base import Notification, PaymentProvider
from .providers.demo import SIGNATURE_HEADER, demo_notification_body, demo_sign
from .services import payment_apply_locked, payment_failure_record_locked


def notification_receive(
    *, provider: PaymentProvider, body: bytes, headers: Mapping[str, str]
) -> PaymentEvent | None:
    """Verify the raw ``body`` (raises ``InvalidSignature``) and apply it; ``None`` for a
    duplicate."""
    notification = provider.verify_notification(body=body, headers=headers)
    return notification_apply(provider=provider.code, notification=notification)


def notification_apply(*, provider: str, notification: Notification) -> PaymentEvent | None:
    """Store the event and apply it in one transaction; ``None`` when this event was already
    stored."""
    with transaction.atomic():
        try:
            with (
                transaction.atomic()
            ):  # savepoint: a duplicate must not spoil the outer transaction
                event = PaymentEvent.objects.create(
                    provider=provider,
                    event_id=notification.event_id[:120],
                    payload=notification.raw,
                    outcome=PaymentEvent.Outcome.IGNORED,
                )
        except IntegrityError:
            return None  # delivered before (or right now by a parallel request, which applies it)
        order = lock_order_by_number(notification.order_number)
        event.order = order
        event.outcome, event.note = _outcome(order, provider, notification)
        event.note = event.note[:300]
        event.save(update_fields=["order", "outcome", "note"])
    return event


def _outcome(order: Order | None, provider: str, notification: Notification) -> tuple[str, str]:
    if order is None:
        return PaymentEvent.Outcome.FLAGGED, _("No order has the number %(number)s.") % {
            "number": notification.order_number
        }
    if not notification.paid:
        if notification.failed and order.status == OrderStatus.AWAITING_PAYMENT:
            payment_failure_record_locked(
                order=order, provider=provider, amount=notification.amount
            )
            return PaymentEvent.Outcome.IGNORED, _("The provider reports the payment as failed.")
        return PaymentEvent.Outcome.IGNORED, _(
            "The provider reports the payment as not completed."
        )
    applied = payment_apply_locked(
        order=order,
        provider=provider,
        amount=notification.amount,
        currency=notification.currency,
        reference=notification.reference or notification.event_id,
        duplicates=True,
    )
    return applied.outcome, applied.note


def payment_return_check(*, order: Order) -> Order:
    """The shopper is back from the provider: ask it (no lock held) and apply a "paid" answer.

    The notification may arrive at the same moment; both meet at the order lock and
    only the first pays.
    """
    provider = provider_for(order.payment_method)
    if order.status == OrderStatus.AWAITING_PAYMENT and provider is not None and provider.online:
        notification = provider.query(order)
        if (
            notification is not None
            and notification.paid
            and notification.order_number == order.number
        ):
            notification_apply(provider=provider.code, notification=notification)
            order.refresh_from_db()
    return order


def demo_gateway_send(*, order: Order, paid: bool) -> PaymentEvent | None:
    """The demo gateway's "Pay" / "Fail": sign a notification and deliver it to ourselves.

    In-process rather than over HTTP, but through ``notification_receive``, the very
    path the HTTP endpoint takes, so the demo exercises signature checking too.
    """
    provider = provider_for("demo")
    if provider is None:
        raise RuntimeError("the demo gateway is switched off")
    body = demo_notification_body(order, paid=paid)
    return notification_receive(
        provider=provider, body=body, headers={SIGNATURE_HEADER: demo_sign(body)}
    )
