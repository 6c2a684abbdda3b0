"""From the shelves to the parcel: stock confirmed or missing, and the desk's dashboard counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ....orders.models import Order, OrderStatus
from ....orders.services import order_transition
from ...service.models import StaffNote

if TYPE_CHECKING:
    from accounts.models import User
from .common import (
    REVIEW_STATUSES,
)

# --- stocking and packing
# -----------------------------------------------------------------------------


def order_stock_confirm(*, order: Order, actor: User) -> Order:
    """Everything is on the shelf and picked: the order goes to packing."""
    with transaction.atomic():
        order = order_transition(
            order=order,
            to_status=OrderStatus.PACKING,
            actor=actor,
            note=_("Stock confirmed by logistics."),
        )
        log(order, "commerce.logistics.stock_confirm", user=actor)
    return order


def order_mark_out_of_stock(*, order: Order, actor: User, note: str = "") -> Order:
    """Something cannot be picked: the order waits, and customer service is told to contact the
    shopper.

    The staff note is what tells them: the customer-service desk lists out-of-stock
    orders with their notes.
    """
    note = " ".join(note.split())
    text = _("Out of stock at picking; customer service, please contact the customer.")
    if note:
        text = f"{text} {note}"
    with transaction.atomic():
        order = order_transition(
            order=order, to_status=OrderStatus.OUT_OF_STOCK, actor=actor, note=note
        )
        StaffNote.objects.create(
            order=order,
            author=actor if getattr(actor, "is_authenticated", False) else None,
            text=text[:1000],
        )
        log(order, "commerce.logistics.out_of_stock", user=actor, data={"note": note})
    return order


def order_back_in_stock(*, order: Order, actor: User) -> Order:
    """The missing goods arrived: the out-of-stock order goes back to the shelves."""
    with transaction.atomic():
        order = order_transition(
            order=order, to_status=OrderStatus.STOCKING, actor=actor, note=_("Back in stock.")
        )
        log(order, "commerce.logistics.back_in_stock", user=actor)
    return order


# --- the desk's dashboard
# -----------------------------------------------------------------------------


def logistics_counts() -> dict[str, int]:
    """How many orders wait at each step of the desk, in one query."""

    def count(*statuses, **extra):
        return Count("pk", filter=Q(status__in=statuses, **extra))

    return Order.objects.aggregate(
        review=count(*REVIEW_STATUSES),
        flagged=count(*REVIEW_STATUSES, flagged=True),
        stocking=count(OrderStatus.STOCKING),
        out_of_stock=count(OrderStatus.OUT_OF_STOCK),
        packing=count(OrderStatus.PACKING),
    )
