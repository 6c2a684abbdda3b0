"""Stock that orders move: reserved on placing, released on cancelling, taken off the shelf on
shipping, taken back on a return and written off when it came back damaged. Call these inside
the order's transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ...locks import lock_stock_rows
from ...orders.models import OrderStatus
from ...orders.status import HOLDS_RESERVATION
from ..models import StockMovement

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

    from ...orders.models import Order
from .ledger import (
    InsufficientStock,
    Kind,
    StockChangeRefused,
    movement_apply,
    movements_apply,
    row_locked,
    staff_or_none,
    whole_units,
)


def stock_reserve(
    *,
    quantities: dict[str, int],
    names: dict[str, str] | None = None,
    order: Order | None = None,
    actor: User | AnonymousUser | None = None,
) -> None:
    """Hold ``quantities`` (SKU → units) for an order, or raise ``InsufficientStock`` naming
    every line that cannot be served; nothing is held then."""
    rows = lock_stock_rows(quantities)
    short = []
    for sku, quantity in quantities.items():
        row = rows.get(sku)
        available = row.available if row else 0
        if available < quantity:
            short.append((sku, available))
    if short:
        raise InsufficientStock(_sold_out_message(short, names or {}))
    movements_apply(
        rows,
        [
            StockMovement(
                sku=sku,
                kind=Kind.RESERVE,
                reserved_change=quantity,
                order=order,
                actor=staff_or_none(actor),
            )
            for sku, quantity in quantities.items()
        ],
    )


def _sold_out_message(short, names) -> str:
    parts = []
    for sku, available in short:
        name = names.get(sku, sku)
        if available <= 0:
            parts.append(_("%(name)s is sold out") % {"name": name})
        else:
            parts.append(_("only %(count)d of %(name)s left") % {"count": available, "name": name})
    return _("Sorry: %(details)s. Please change your cart.") % {"details": "; ".join(parts)}


def stock_release(
    *,
    quantities: dict[str, int],
    order: Order | None = None,
    actor: User | AnonymousUser | None = None,
) -> None:
    """Give back what a cancelled order held (never below zero, should a row have been corrected
    meanwhile)."""
    rows = lock_stock_rows(quantities)
    movements = []
    for sku, quantity in quantities.items():
        released = min(quantity, rows[sku].reserved) if sku in rows else 0
        if released:
            movements.append(
                StockMovement(
                    sku=sku,
                    kind=Kind.RELEASE,
                    reserved_change=-released,
                    order=order,
                    actor=staff_or_none(actor),
                )
            )
    movements_apply(rows, movements)


def stock_ship(
    *,
    quantities: dict[str, int],
    order: Order | None = None,
    actor: User | AnonymousUser | None = None,
) -> None:
    """Shipped goods leave the shelf: on hand and reserved both drop by the quantity."""
    rows = lock_stock_rows(quantities)
    movements = []
    for sku, quantity in quantities.items():
        if sku in rows:
            row = rows[sku]
            # Never below zero; reserved ≤ on hand holds because reserved drops at least as far.
            taken, unreserved = min(quantity, row.on_hand), min(quantity, row.reserved)
            movements.append(
                StockMovement(
                    sku=sku,
                    kind=Kind.SALE_OUT,
                    on_hand_change=-taken,
                    reserved_change=-unreserved,
                    order=order,
                    actor=staff_or_none(actor),
                )
            )
    movements_apply(rows, movements)


def stock_return(*, sku: str, quantity: int, order: Order, actor: User | None) -> StockMovement:
    """Goods a shopper sent back go on the shelf again; never more than the order took of that
    SKU."""
    quantity = whole_units(quantity)
    with transaction.atomic():
        row = row_locked(sku)
        if order.status in HOLDS_RESERVATION or order.status == OrderStatus.CANCELLED:
            raise StockChangeRefused(
                _("Order %(number)s was never shipped; nothing can come back from it.")
                % {"number": order.number},
                code="not_shipped",
            )
        bought = sum(line.quantity for line in order.lines.all() if line.sku == sku)
        returned = (
            StockMovement.objects.filter(order=order, sku=sku, kind=Kind.RETURN_IN).aggregate(
                units=Sum("on_hand_change")
            )["units"]
            or 0
        )
        if returned + quantity > bought:
            raise StockChangeRefused(
                _(
                    "Order %(number)s took %(bought)d of %(sku)s and %(returned)d already came "
                    "back; %(quantity)d more cannot be returned."
                )
                % {
                    "number": order.number,
                    "bought": bought,
                    "sku": sku,
                    "returned": returned,
                    "quantity": quantity,
                },
                code="return_exceeds_order",
            )
        movement = movement_apply(
            row,
            StockMovement(
                kind=Kind.RETURN_IN,
                on_hand_change=quantity,
                order=order,
                actor=staff_or_none(actor),
            ),
        )
        log(
            row,
            "commerce.stock.return_in",
            user=staff_or_none(actor),
            data={"quantity": quantity, "order": order.number},
        )
    return movement


def stock_write_off_damaged(
    *, sku: str, quantity: int, order: Order, actor: User | None, reason: str = ""
) -> StockMovement:
    """Returned units that came back damaged leave the shelf at once, so they are never sold;
    never more than came back from that order."""
    quantity = whole_units(quantity)
    with transaction.atomic():
        row = row_locked(sku)
        booked = StockMovement.objects.filter(order=order, sku=sku)
        returned = booked.filter(kind=Kind.RETURN_IN).aggregate(units=Sum("on_hand_change"))
        written_off = booked.filter(kind=Kind.DAMAGED).aggregate(units=Sum("on_hand_change"))
        room = (returned["units"] or 0) + (written_off["units"] or 0)
        if quantity > room or quantity > row.on_hand:
            raise StockChangeRefused(
                _(
                    "Only %(count)d returned units of %(sku)s from order %(number)s can be "
                    "written off."
                )
                % {"count": min(room, row.on_hand), "sku": sku, "number": order.number},
                code="write_off_exceeds_return",
            )
        movement = movement_apply(
            row,
            StockMovement(
                kind=Kind.DAMAGED,
                on_hand_change=-quantity,
                order=order,
                reason=reason[:300],
                actor=staff_or_none(actor),
            ),
        )
        log(
            row,
            "commerce.stock.damaged",
            user=staff_or_none(actor),
            data={"quantity": quantity, "order": order.number},
        )
    return movement
