"""Placing orders and moving them through their statuses.

``order_place`` is the one transaction that turns a cart into an order; every later
change of status goes through ``order_transition``, which checks the table in
``commerce.orders.status`` and applies the side effects (stock, red packet, e-mail).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import CommerceError
from core.events import event_record

from ..cart.services import ProductUnavailable
from ..checkout.services import CheckoutInvalid, Delivery, checkout_price, total_check
from ..inventory.services import stock_release, stock_reserve, stock_ship
from ..locks import lock_order
from ..pricing import variants_for_pricing
from ..promotions.services import (
    flash_counters_ensure,
    flash_counters_lock,
    flash_keys,
    flash_sale_give_back,
    flash_sale_take,
)
from ..red_packets.services import red_packet_redeem, red_packet_release
from ..shipping.models import ShippingMethod
from .models import Order, OrderLine, OrderStatus, OrderStatusChange, PaymentMethod
from .status import CUSTOMER_CANCELLABLE, HOLDS_RESERVATION, can_transition

if TYPE_CHECKING:
    from datetime import datetime

    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

# Status → the e-mail the customer gets on arriving there.
STATUS_EMAILS = {
    OrderStatus.PAID: "paid",
    OrderStatus.SHIPPED: "shipped",
    OrderStatus.DELIVERED: "delivered",
    OrderStatus.CANCELLED: "cancelled",
}


class IllegalTransition(CommerceError):
    """The order cannot move to that status from the one it is in (``orders.status``)."""

    code = "illegal_transition"


def order_place(
    *,
    checkout_key: str,
    user: User | AnonymousUser,
    email: str,
    language: str,
    quantities: dict[str, int],
    delivery: Delivery,
    shipping_method_id: int,
    payment_method: str,
    red_packet_id: int | None = None,
    customer_note: str = "",
    reviewed: dict | None = None,
) -> Order:
    """Turn the cart's SKUs and quantities into an order, in one transaction.

    Prices come from the catalogue now, never from the client. Stock rows are locked
    in pk order and re-checked under the lock; the red packet row is locked and
    re-checked too. The same ``checkout_key`` always yields the same order: a retry
    finds it, and two racing requests meet at the key's unique constraint.

    Flash sales: the counters of the basket's flash-sale SKUs are locked before the basket
    is priced (``promotions.services``), so a cap and a per-shopper limit never overshoot;
    units beyond them are priced as if the sale were over.

    ``reviewed`` is what the shopper's review page showed (``checkout.services.
    reviewed_read``): when today's total differs, nothing is placed and ``TotalChanged``
    says what changed, so the shopper confirms the new total.
    """
    existing = _order_for_key(checkout_key, user, email)
    if existing is not None:
        return existing
    if payment_method not in PaymentMethod.values:
        raise CheckoutInvalid(_("Please choose a payment method."))
    if not quantities:
        raise CheckoutInvalid(_("Your cart is empty."))
    now = timezone.now()
    keys = flash_keys(quantities, now=now)
    flash_counters_ensure(keys)  # outside the transaction: the rows exist for everyone
    try:
        with transaction.atomic():
            return _place(
                now=now,
                flash=keys,
                checkout_key=checkout_key,
                user=user,
                email=email,
                language=language,
                quantities=quantities,
                delivery=delivery,
                shipping_method_id=shipping_method_id,
                payment_method=payment_method,
                red_packet_id=red_packet_id,
                customer_note=customer_note,
                reviewed=reviewed,
            )
    except IntegrityError:
        existing = _order_for_key(checkout_key, user, email)
        if existing is None:
            raise
        return existing


def _order_for_key(checkout_key: str, user, email: str) -> Order | None:
    order = Order.objects.filter(checkout_key=checkout_key).first()
    if order is None:
        return None
    same_buyer = (
        order.user_id == user.pk
        if getattr(user, "is_authenticated", False)
        else order.email == email
    )
    if not same_buyer:
        raise CheckoutInvalid(_("This checkout has expired; please review your order again."))
    return order


def _place(
    *,
    now,
    flash,
    checkout_key,
    user,
    email,
    language,
    quantities,
    delivery,
    shipping_method_id,
    payment_method,
    red_packet_id,
    customer_note,
    reviewed,
) -> Order:
    variants = variants_for_pricing(quantities)
    missing = [sku for sku in quantities if sku not in variants]
    if missing:
        raise ProductUnavailable(
            _("Some items in your cart are no longer sold: %(skus)s.")
            % {"skus": ", ".join(missing)}
        )
    method = ShippingMethod.objects.filter(pk=shipping_method_id, active=True).first()
    if method is None:
        raise CheckoutInvalid(_("Please choose a shipping method."))
    lines = [(variants[sku], quantity) for sku, quantity in quantities.items()]
    # Flash counters first (commerce.locks): the basket is priced with what they still allow.
    counters = flash_counters_lock(flash)
    breakdown, packet = checkout_price(
        lines=lines,
        user=user,
        shipping_method=method,
        province=delivery.province,
        red_packet_id=red_packet_id,
        email=email,
        now=now,
    )
    if breakdown.shipping_fee is None:
        raise CheckoutInvalid(
            _("%(method)s does not deliver to this address; please choose another method.")
            % {"method": method.name}
        )
    total_check(reviewed=reviewed, breakdown=breakdown)
    order = _create_order(
        checkout_key=checkout_key,
        user=user,
        email=email,
        language=language,
        delivery=delivery,
        method=method,
        payment_method=payment_method,
        breakdown=breakdown,
        packet=packet,
        customer_note=customer_note,
    )
    flash_sale_take(order=order, lines=breakdown.lines, counters=counters, user=user, email=email)
    if packet is not None:
        red_packet_redeem(packet_id=packet.pk, user=user, order=order)
    _queue_email(order, "placed")
    # Last, so the hot stock rows stay locked only from here to the commit; a shortfall
    # still rolls everything above back. Red packet, then stock: the order of commerce.locks.
    names = {sku: variant.product.name for sku, variant in variants.items()}
    stock_reserve(quantities=quantities, names=names, order=order, actor=user)
    return order


def _create_order(
    *,
    checkout_key,
    user,
    email,
    language,
    delivery,
    method,
    payment_method,
    breakdown,
    packet,
    customer_note,
) -> Order:
    cash_on_delivery = payment_method == PaymentMethod.CASH_ON_DELIVERY
    status = OrderStatus.CONFIRMED if cash_on_delivery else OrderStatus.AWAITING_PAYMENT
    now = timezone.now()
    order = Order.objects.create(
        checkout_key=checkout_key,
        user=user if getattr(user, "is_authenticated", False) else None,
        email=email,
        language=language,
        status=status,
        payment_method=payment_method,
        recipient=delivery.recipient,
        mobile=delivery.mobile,
        province=delivery.province,
        city=delivery.city,
        district=delivery.district,
        street=delivery.street,
        postcode=delivery.postcode,
        shipping_method=method,
        shipping_method_name=method.name,
        customer_note=customer_note,
        subtotal=breakdown.subtotal,
        discount_total=breakdown.discount_total,
        shipping_fee=breakdown.shipping_fee,
        total=breakdown.total,
        red_packet_name=packet.packet_type.name if packet else "",
        discounts=[{"label": d.label, "amount": str(d.amount)} for d in breakdown.discounts],
        placed_at=now,
        pay_by=None
        if cash_on_delivery
        else now + timedelta(minutes=settings.ORDER_PAYMENT_TIMEOUT_MINUTES),
    )
    OrderLine.objects.bulk_create(
        [
            OrderLine(
                order=order,
                product=line.product,
                sku=line.sku,
                product_name=line.product.name,
                options=line.variant.label,
                unit_price=line.unit_price,
                quantity=line.quantity,
                discount=line.discount,
                campaign_name=line.campaign_name[:80],
                line_total=line.total,
            )
            for line in breakdown.lines
        ]
    )
    OrderStatusChange.objects.create(
        order=order, from_status="", to_status=status, actor=order.user, created_at=now
    )
    return order


def _queue_email(order: Order, kind: str) -> None:
    # Imported here: the e-mail module renders templates and imports tasks.
    from ..outbox.services import order_email_queue

    order_email_queue(order=order, kind=kind)


def order_quantities(order: Order) -> dict[str, int]:
    quantities: dict[str, int] = {}
    for line in order.lines.all():
        quantities[line.sku] = quantities.get(line.sku, 0) + line.quantity
    return quantities


def order_transition(
    *,
    order: Order,
    to_status: str,
    actor: User | AnonymousUser | None = None,
    note: str = "",
) -> Order:
    """Move an order to ``to_status`` if the table allows it, with its side effects.

    The order row is locked and its status re-read, so two staff members (or a
    shopper and the auto-cancel job) cannot both move it from the same status.
    """
    with transaction.atomic():
        locked = lock_order(order)
        if not can_transition(locked.status, to_status):
            raise IllegalTransition(
                _("An order that is “%(from)s” cannot become “%(to)s”.")
                % {"from": locked.get_status_display(), "to": OrderStatus(to_status).label}
            )
        from_status = locked.status
        _apply_side_effects(locked, from_status, to_status, actor)
        locked.status = to_status
        locked.save()
        OrderStatusChange.objects.create(
            order=locked,
            from_status=from_status,
            to_status=to_status,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            note=note[:300],
        )
        if to_status in STATUS_EMAILS:
            _queue_email(locked, STATUS_EMAILS[to_status])
    order.refresh_from_db()  # the caller's instance shows the new state
    return order


def _apply_side_effects(order: Order, from_status: str, to_status: str, actor=None) -> None:
    if to_status == OrderStatus.CANCELLED:
        # Flash counters, red packet, then stock (commerce.locks), as in order_place.
        flash_sale_give_back(order=order)
        # Paid or not, the packet goes back: a paid order's refund is what it paid, after
        # the packet, so keeping the packet spent would take its value from the shopper.
        red_packet_release(order=order)
        if from_status in HOLDS_RESERVATION:
            stock_release(quantities=order_quantities(order), order=order, actor=actor)
    elif to_status == OrderStatus.PAID:
        order.paid_at = timezone.now()
        order.pay_by = None
        _record_paid(order)
    elif to_status == OrderStatus.SHIPPED:
        if not order.tracking_number:
            raise IllegalTransition(
                _("Enter the carrier and tracking number before marking the order shipped.")
            )
        stock_ship(quantities=order_quantities(order), order=order, actor=actor)
    elif (
        to_status == OrderStatus.DELIVERED
        and order.payment_method == PaymentMethod.CASH_ON_DELIVERY
    ):
        if order.paid_at is None:  # the courier collected the cash
            order.paid_at = timezone.now()
            _record_paid(order)


def _record_paid(order: Order) -> None:
    """The "order paid" behaviour event, once the payment is committed (no request: it may
    come from a provider's notification)."""
    values = {
        "order_id": order.pk,
        "amount": order.total,
        "user_id": order.user_id,
        "province": order.province,
    }
    transaction.on_commit(lambda: event_record(None, "order_paid", **values))


def order_ship(
    *, order: Order, carrier: str, tracking_number: str, actor: User | None = None
) -> Order:
    """Hand the parcel to a carrier: record carrier and tracking number, then mark it shipped."""
    carrier, tracking_number = carrier.strip(), tracking_number.strip()
    if not carrier or not tracking_number:
        raise IllegalTransition(
            _("Enter the carrier and tracking number before marking the order shipped.")
        )
    with transaction.atomic():
        Order.objects.filter(pk=order.pk).update(
            carrier=carrier[:80], tracking_number=tracking_number[:60]
        )
        return order_transition(
            order=order,
            to_status=OrderStatus.SHIPPED,
            actor=actor,
            note=f"{carrier} {tracking_number}",
        )


def order_cancel_by_customer(*, order: Order, actor: User | AnonymousUser | None = None) -> Order:
    """The shopper cancels: allowed until the parcel is being packed."""
    if order.status not in CUSTOMER_CANCELLABLE:
        raise IllegalTransition(
            _("This order can no longer be cancelled online; please contact customer service.")
        )
    return order_transition(
        order=order,
        to_status=OrderStatus.CANCELLED,
        actor=actor,
        note=_("Cancelled by the customer."),
    )


def order_confirm_receipt(*, order: Order, actor: User | AnonymousUser | None = None) -> Order:
    """The shopper confirms the parcel arrived: delivered (or still in transit) → completed."""
    order.refresh_from_db(fields=["status"])
    if order.status in {OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT}:
        order = order_transition(
            order=order,
            to_status=OrderStatus.DELIVERED,
            actor=actor,
            note=_("Receipt confirmed by the customer."),
        )
    if order.status != OrderStatus.DELIVERED:
        raise IllegalTransition(_("Only a delivered order can be confirmed as received."))
    return order_transition(
        order=order,
        to_status=OrderStatus.COMPLETED,
        actor=actor,
        note=_("Receipt confirmed by the customer."),
    )


def orders_cancel_unpaid(*, now: datetime | None = None) -> int:
    """Cancel every order still awaiting payment past its pay-by time; returns how many.

    Each order is cancelled in its own transaction, so one failure never keeps the
    others' stock and red packets held.
    """
    now = now or timezone.now()
    overdue = Order.objects.filter(status=OrderStatus.AWAITING_PAYMENT, pay_by__lt=now).order_by(
        "pk"
    )
    cancelled = 0
    for order in overdue:
        try:
            order_transition(
                order=order,
                to_status=OrderStatus.CANCELLED,
                note=_("Not paid in time; cancelled automatically."),
            )
        except IllegalTransition:
            continue  # paid or cancelled meanwhile
        cancelled += 1
    return cancelled
