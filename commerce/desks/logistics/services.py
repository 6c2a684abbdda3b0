"""The logistics desk's decisions: review new orders, stock, pack and ship them.

Orders arrive paid (or confirmed, for cash on delivery) and wait for review: the
address must be complete enough for a courier and the order must not look like
abuse (a burst of orders from one phone or one address, a region no shipping
method reaches). Reviewed orders go to the shelves (stocking), then to packing,
then out with a carrier and tracking number. Every status change goes through
``commerce.orders.services.order_transition`` (which also takes shipped goods off the
shelf); this module adds the checks, the carrier and the audit-log entries.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError
from core.regions import PROVINCE_CODES

from ...locks import lock_order, lock_orders
from ...orders.models import Order, OrderStatus
from ...orders.services import order_ship, order_transition
from ...shipping.models import Carrier, ShippingMethod
from ..service.models import StaffNote

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from accounts.models import User

REVIEW_STATUSES = (OrderStatus.PAID, OrderStatus.CONFIRMED)
# Suspicious: this many orders (the one under review included) from one mobile
# number, or to one address, within one window.
BURST_COUNT = 3
BURST_WINDOW = timedelta(hours=24)
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
POSTCODE_RE = re.compile(r"^\d{6}$")
TRACKING_RE = re.compile(r"^[A-Za-z0-9-]{1,60}$")
MIN_STREET_LENGTH = 4
MAX_CSV_ROWS = 2000
CSV_HEADER_WORDS = {"order", "order number", "order_number", "number", "订单号", "订单编号"}
FLAG_REASON_LENGTH = Order._meta.get_field("flag_reason").max_length


class ShipmentInvalid(CommerceError):
    code = "shipment_invalid"


@dataclass(frozen=True)
class RowError:
    """One bad line of a bulk-ship file: its line number, the order number as written, why."""

    line: int
    order_number: str
    message: str


class BulkShipInvalid(CommerceError):
    """Nothing was shipped; ``row_errors`` says which lines are wrong."""

    code = "bulk_ship_invalid"

    def __init__(self, row_errors: list[RowError]):
        super().__init__(
            _("Nothing was shipped: %(count)d lines have problems.") % {"count": len(row_errors)}
        )
        self.row_errors = row_errors


@dataclass(frozen=True)
class ReviewProblem:
    """Something the reviewer should look at before the order goes to the shelves."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


# --- review
# -------------------------------------------------------------------------------------------


def order_review_checks(order: Order) -> list[ReviewProblem]:
    """What is wrong or suspicious about one order (empty: nothing found)."""
    return orders_review_checks([order])[order.pk]


def orders_review_checks(orders) -> dict[int, list[ReviewProblem]]:
    """``order_review_checks`` for a whole list page, in a fixed handful of queries."""
    orders = list(orders)
    unreachable = unreachable_provinces() if orders else set()
    mobile_bursts = _bursts(orders, field="mobile", key=lambda o: o.mobile)
    address_bursts = _bursts(orders, field="district", key=address_key)
    problems = {}
    for order in orders:
        found = address_problems(order)
        if order.province in unreachable:
            found.append(
                ReviewProblem(
                    "unreachable", _("No shipping method in use delivers to this province.")
                )
            )
        if order.pk in mobile_bursts:
            found.append(
                ReviewProblem(
                    "mobile_burst",
                    _("%(count)d or more orders from this mobile number within 24 hours.")
                    % {"count": BURST_COUNT},
                )
            )
        if order.pk in address_bursts:
            found.append(
                ReviewProblem(
                    "address_burst",
                    _("%(count)d or more orders to this address within 24 hours.")
                    % {"count": BURST_COUNT},
                )
            )
        if order.needs_reconciliation:
            found.append(
                ReviewProblem(
                    "needs_reconciliation",
                    _("The payment does not match; finance must reconcile it first."),
                )
            )
        problems[order.pk] = found
    return problems


def address_problems(order: Order) -> list[ReviewProblem]:
    """Completeness of the delivery details a courier needs: name, reachable phone, full
    address."""
    checks = [
        (not order.recipient.strip(), "no_recipient", _("The recipient's name is missing.")),
        (
            not MOBILE_RE.match(order.mobile),
            "bad_mobile",
            _("The mobile number is not an 11-digit mainland number."),
        ),
        (
            order.province not in PROVINCE_CODES,
            "bad_province",
            _("The province is not one we know."),
        ),
        (
            not order.city.strip() or not order.district.strip(),
            "no_city",
            _("The city or district is missing."),
        ),
        (
            len(order.street.strip()) < MIN_STREET_LENGTH,
            "short_street",
            _("The street address is too short to find the door."),
        ),
        (
            bool(order.postcode) and not POSTCODE_RE.match(order.postcode),
            "bad_postcode",
            _("The postcode is not six digits."),
        ),
    ]
    return [ReviewProblem(code, message) for failed, code, message in checks if failed]


def unreachable_provinces() -> set[str]:
    """Provinces where every active shipping method says "not delivered" (all, if none is
    active)."""
    methods = list(ShippingMethod.objects.filter(active=True).prefetch_related("region_rules"))
    closed = [
        {rule.province for rule in method.region_rules.all() if rule.unavailable}
        for method in methods
    ]
    return {code for code in PROVINCE_CODES if all(code in provinces for provinces in closed)}


def address_key(order: Order) -> str:
    """The address without spacing or case, so "科技园路 1 号" and "科技园路1号" are one door."""
    return re.sub(
        r"\s+", "", "|".join([order.province, order.city, order.district, order.street])
    ).lower()


def _bursts(orders: list[Order], *, field: str, key) -> set[int]:
    """Pks of ``orders`` that fall in a 24-hour window holding ``BURST_COUNT`` orders with the same
    key.

    One query fetches every order near the page's orders that shares ``field``
    (a cheap, indexed pre-filter); ``key`` then groups them exactly.
    """
    if not orders:
        return set()
    moments = [order.placed_at for order in orders]
    nearby = Order.objects.filter(
        **{f"{field}__in": {getattr(order, field) for order in orders}},
        placed_at__range=(min(moments) - BURST_WINDOW, max(moments) + BURST_WINDOW),
    )
    times = defaultdict(list)
    for other in nearby.only(
        "pk", "placed_at", "province", "city", "district", "street", "mobile"
    ):
        times[key(other)].append(other.placed_at)
    return {order.pk for order in orders if _in_burst(order.placed_at, times[key(order)])}


def _in_burst(moment, moments) -> bool:
    """Is there a window of BURST_WINDOW containing ``moment`` and at least BURST_COUNT of
    ``moments``?"""
    for start in moments:
        in_window = start <= moment <= start + BURST_WINDOW
        if in_window and sum(start <= o <= start + BURST_WINDOW for o in moments) >= BURST_COUNT:
            return True
    return False


def order_review_accept(*, order: Order, actor: User, note: str = "") -> Order:
    """The reviewer lets the order go to the shelves (stocking); a flag on it is lifted.

    An order whose payment does not match waits for finance, whatever the reviewer thinks.
    """
    order.refresh_from_db(fields=["needs_reconciliation", "flagged", "flag_reason"])
    if order.needs_reconciliation:
        raise CommerceError(
            _("Finance must reconcile this order's payment before it is stocked."),
            code="needs_reconciliation",
        )
    was_flagged, reason = order.flagged, order.flag_reason
    with transaction.atomic():
        order = order_transition(
            order=order,
            to_status=OrderStatus.STOCKING,
            actor=actor,
            note=note or _("Reviewed by logistics."),
        )
        if was_flagged:
            Order.objects.filter(pk=order.pk).update(flagged=False)
            order.flagged = False
        log(
            order,
            "commerce.logistics.accept",
            user=actor,
            data={"was_flagged": was_flagged, "flag_reason": reason},
        )
    return order


def order_flag(*, order: Order, reason: str, actor: User) -> Order:
    """Hold a suspicious order in review with the reason; customer service sees the flag too."""
    reason = " ".join(reason.split())
    if not reason:
        raise CommerceError(_("Say why the order is suspicious."), code="flag_reason_missing")
    with transaction.atomic():
        locked = lock_order(order)
        if locked.status not in REVIEW_STATUSES:
            raise CommerceError(
                _("Only orders waiting for review can be flagged."), code="not_in_review"
            )
        Order.objects.filter(pk=order.pk).update(
            flagged=True, flag_reason=reason[:FLAG_REASON_LENGTH]
        )
        log(
            locked,
            "commerce.logistics.flag",
            user=actor,
            data={"reason": reason[:FLAG_REASON_LENGTH]},
        )
    order.refresh_from_db()
    return order


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
