"""Shipping: one order with a carrier and tracking number, or many from a carrier's CSV file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError

from ....locks import lock_orders
from ....orders.models import Order, OrderStatus
from ....orders.services import order_ship
from ....shipping.models import Carrier

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from accounts.models import User
from .common import (
    CSV_HEADER_WORDS,
    MAX_CSV_ROWS,
    TRACKING_RE,
    BulkShipInvalid,
    RowError,
    ShipmentInvalid,
)

# --- shipping
# -----------------------------------------------------------------------------------------


def tracking_number_problem(
    *, carrier: Carrier | None, tracking_number: str, order: Order | None = None
) -> str:
    """Why this carrier and tracking number cannot be used ("" when they can)."""
    if carrier is None or not carrier.active:
        return _("Choose a carrier that is in use.")
    if not tracking_number:
        return _("Enter the tracking number.")
    if not TRACKING_RE.match(tracking_number):
        return _("A tracking number has at most 60 letters, digits and hyphens.")
    taken = Order.objects.filter(shipping_carrier=carrier, tracking_number=tracking_number)
    if order is not None:
        taken = taken.exclude(pk=order.pk)
    if taken.exists():
        return _("Tracking number %(number)s of %(carrier)s is already on another order.") % {
            "number": tracking_number,
            "carrier": carrier.name,
        }
    return ""


def order_ship_with_carrier(
    *, order: Order, carrier: Carrier, tracking_number: str, actor: User
) -> Order:
    """Hand a packed order to a carrier from the managed list, so the shopper gets a tracking link.

    The carrier is saved before ``order_ship`` marks the order shipped, so the
    "shipped" e-mail queued in that transition already links to the tracking page.
    """
    tracking_number = tracking_number.strip()
    problem = tracking_number_problem(
        carrier=carrier, tracking_number=tracking_number, order=order
    )
    if problem:
        raise ShipmentInvalid(problem)
    with transaction.atomic():
        Order.objects.filter(pk=order.pk).update(shipping_carrier=carrier)
        order = order_ship(
            order=order, carrier=carrier.name, tracking_number=tracking_number, actor=actor
        )
        log(
            order,
            "commerce.logistics.ship",
            user=actor,
            data={"carrier": carrier.code, "tracking_number": tracking_number},
        )
    return order


@dataclass(frozen=True)
class _PlannedShipment:
    line: int
    order: Order
    carrier: Carrier
    tracking_number: str


def bulk_ship_from_csv(
    *, rows: Iterable[Sequence[str]], actor: User, default_carrier: Carrier | None = None
) -> list[Order]:
    """Ship every order a CSV names, or none of them.

    ``rows`` are the CSV's rows as lists of cells (``csv.reader``): order number,
    carrier code, tracking number — or order number and tracking number, with
    ``default_carrier``. Every row is checked before anything is written; if any
    is wrong, ``BulkShipInvalid`` lists them all. Then all orders are locked (pk
    order) and shipped in one transaction, so a failure on the last row, e.g. an
    order cancelled meanwhile, undoes the first.
    """
    plan, errors = _bulk_ship_plan(list(rows), default_carrier)
    if errors:
        raise BulkShipInvalid(errors)
    with transaction.atomic():
        lock_orders(item.order.pk for item in plan)
        shipped = []
        for item in plan:
            try:
                shipped.append(
                    order_ship_with_carrier(
                        order=item.order,
                        carrier=item.carrier,
                        tracking_number=item.tracking_number,
                        actor=actor,
                    )
                )
            except CommerceError as error:
                raise BulkShipInvalid(
                    [RowError(item.line, item.order.number, error.message)]
                ) from error
    return shipped


def _bulk_ship_plan(rows: list, default_carrier) -> tuple[list[_PlannedShipment], list[RowError]]:
    """Check every row against the database (three queries) and the rows before it."""
    numbered = [
        (line, [cell.strip() for cell in cells])
        for line, cells in enumerate(rows, start=1)
        if any(cell.strip() for cell in cells)
    ]
    if numbered and numbered[0][1][0].lower() in CSV_HEADER_WORDS:
        numbered = numbered[1:]
    if not numbered:
        return [], [RowError(0, "", _("The file has no order lines."))]
    if len(numbered) > MAX_CSV_ROWS:
        return [], [RowError(0, "", _("At most %(max)d lines at a time.") % {"max": MAX_CSV_ROWS})]
    orders = Order.objects.in_bulk([cells[0] for _line, cells in numbered], field_name="number")
    carriers = {carrier.code.lower(): carrier for carrier in Carrier.objects.filter(active=True)}
    tracking_numbers = [cells[-1] for _line, cells in numbered]
    taken = set(
        Order.objects.filter(
            tracking_number__in=tracking_numbers, shipping_carrier__isnull=False
        ).values_list("shipping_carrier_id", "tracking_number")
    )
    plan, errors, seen_orders, seen_tracking = [], [], set(), set()
    for line, cells in numbered:
        problem, item = _plan_row(line, cells, orders, carriers, default_carrier)
        if not problem:
            problem = _duplicate_problem(item, seen_orders, seen_tracking, taken)
        if problem:
            errors.append(RowError(line, cells[0], problem))
        else:
            plan.append(item)
    return plan, errors


def _plan_row(
    line, cells, orders, carriers, default_carrier
) -> tuple[str, _PlannedShipment | None]:
    if len(cells) not in (2, 3):
        return _("Expected: order number, carrier code, tracking number."), None
    number, tracking_number = cells[0], cells[-1]
    carrier = carriers.get(cells[1].lower()) if len(cells) == 3 else default_carrier
    order = orders.get(number)
    if order is None:
        return _("No order has this number."), None
    if order.status != OrderStatus.PACKING:
        return _("The order is “%(status)s”; only orders being packed can be shipped.") % {
            "status": order.get_status_display()
        }, None
    if carrier is None or not carrier.active:
        return (
            _("Unknown carrier code “%(code)s”.") % {"code": cells[1]}
            if len(cells) == 3
            else _("No carrier: add a carrier code column or choose a carrier.")
        ), None
    if not tracking_number:
        return _("Enter the tracking number."), None
    if not TRACKING_RE.match(tracking_number):
        return _("A tracking number has at most 60 letters, digits and hyphens."), None
    return "", _PlannedShipment(line, order, carrier, tracking_number)


def _duplicate_problem(
    item: _PlannedShipment, seen_orders: set, seen_tracking: set, taken: set
) -> str:
    tracking = (item.carrier.pk, item.tracking_number)
    if item.order.pk in seen_orders:
        return _("This order is already on an earlier line.")
    if tracking in seen_tracking:
        return _("This tracking number is already on an earlier line.")
    if tracking in taken:
        return _("Tracking number %(number)s of %(carrier)s is already on another order.") % {
            "number": item.tracking_number,
            "carrier": item.carrier.name,
        }
    seen_orders.add(item.order.pk)
    seen_tracking.add(tracking)
    return ""
