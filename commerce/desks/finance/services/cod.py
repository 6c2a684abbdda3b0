"""Cash on delivery: what couriers have collected and not yet handed in, and recording a
courier's cash against the orders it belongs to."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ....locks import lock_orders
from ....orders.models import Order, OrderStatus, OrderStatusChange
from ....payments.models import Payment
from ....payments.services import (
    payment_record_success,
)
from ....pricing import money
from ..models import CodCollection

if TYPE_CHECKING:
    from collections.abc import Sequence

    from accounts.models import User

    from ....shipping.models import Carrier
from .common import (
    COD,
    COD_COLLECTABLE,
    MONEY_OUTPUT,
    ZERO,
    CodDifference,
    FinanceInvalid,
    clean_note,
)

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
    amount, note = money(amount), clean_note(note)
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
