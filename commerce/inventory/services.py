"""The inventory ledger: every change of stock is a ``StockMovement`` row.

On hand and reserved in ``products.Stock`` are a cache of the ledger: each function
here changes a Stock row and writes the movement that explains the change in the
same transaction, so ``commerce.inventory.selectors.stock_ledger_mismatches()`` is always
empty. Nothing else
may write ``on_hand`` or ``reserved``.

Orders reserve on placing, release on cancelling and take goods off the shelf on
shipping (call those inside the order's transaction); logistics receives purchases,
adjusts with a reason, records stock-takes and takes returns back.

Every function locks the SKUs' stock rows in primary-key order (``commerce.locks``), so
two transactions that take the same SKUs in a different order queue behind each other
instead of deadlocking, and it re-checks under the lock before writing with ``F()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError
from products.models import ProductVariant, Stock

from ..locks import lock_stock_rows
from ..orders.models import OrderStatus
from ..orders.status import HOLDS_RESERVATION
from .models import StockMovement

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

    from ..orders.models import Order

Kind = StockMovement.Kind
OPENING_BALANCE = (
    "Opening balance"  # the reason of opening rows; the data migration 0007 writes the same
)
MAX_UNITS = (
    1_000_000  # one movement never moves more; catches a cost typed into the quantity column
)
CENT = Decimal("0.01")


class InsufficientStock(CommerceError):
    """Fewer units are available than asked for (the message names what is left)."""

    code = "insufficient_stock"


class InvalidQuantity(CommerceError):
    """A number of units that is not a whole number in the allowed range."""

    code = "invalid_quantity"


class StockChangeRefused(CommerceError):
    """A staff stock change that cannot be made (unknown SKU, bad number, no reason, below
    reserved)."""

    code = "stock_change_refused"


@dataclass(frozen=True)
class Purchase:
    """One purchase-in line: units of a SKU received from a supplier at a unit cost."""

    sku: str
    quantity: int
    supplier_reference: str
    unit_cost: Decimal


# Locking and writing ---------------------------------------------------------------


def _ensure_rows(skus) -> None:
    """Create the missing, empty Stock rows of catalogue variants; refuse SKUs the catalogue does
    not know."""
    missing = set(skus) - set(
        Stock.objects.filter(sku__in=list(skus)).values_list("sku", flat=True)
    )
    if not missing:
        return
    known = set(ProductVariant.objects.filter(sku__in=list(missing)).values_list("sku", flat=True))
    if missing - known:
        raise StockChangeRefused(
            _("There is no product variant with SKU %(skus)s.")
            % {"skus": ", ".join(f"“{sku}”" for sku in sorted(missing - known))},
            code="unknown_sku",
        )
    for sku in sorted(known):
        Stock.objects.get_or_create(
            sku=sku
        )  # a racing creator meets the unique constraint; both go on


def _locked_row(sku: str) -> Stock:
    """The SKU's stock row, locked; created empty for a catalogue variant that has none yet."""
    _ensure_rows([sku])
    return lock_stock_rows([sku])[sku]


def _apply(row: Stock, movement: StockMovement) -> StockMovement:
    """Write one movement and the same change to its Stock row (the row is locked by the
    caller)."""
    Stock.objects.filter(pk=row.pk).update(
        on_hand=F("on_hand") + movement.on_hand_change,
        reserved=F("reserved") + movement.reserved_change,
    )
    row.on_hand += movement.on_hand_change
    row.reserved += movement.reserved_change
    movement.sku = row.sku
    movement.save()
    return movement


def _apply_many(rows: dict[str, Stock], movements: list[StockMovement]) -> None:
    """Order-driven movements of several SKUs: one update per row, one insert for all movements."""
    for movement in movements:
        Stock.objects.filter(pk=rows[movement.sku].pk).update(
            on_hand=F("on_hand") + movement.on_hand_change,
            reserved=F("reserved") + movement.reserved_change,
        )
    StockMovement.objects.bulk_create(movements)


def _staff(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


# Orders ------------------------------------------------------------------------------


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
    _apply_many(
        rows,
        [
            StockMovement(
                sku=sku,
                kind=Kind.RESERVE,
                reserved_change=quantity,
                order=order,
                actor=_staff(actor),
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
                    actor=_staff(actor),
                )
            )
    _apply_many(rows, movements)


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
                    actor=_staff(actor),
                )
            )
    _apply_many(rows, movements)


def stock_return(*, sku: str, quantity: int, order: Order, actor: User | None) -> StockMovement:
    """Goods a shopper sent back go on the shelf again; never more than the order took of that
    SKU."""
    quantity = _units(quantity)
    with transaction.atomic():
        row = _locked_row(sku)
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
        movement = _apply(
            row,
            StockMovement(
                kind=Kind.RETURN_IN, on_hand_change=quantity, order=order, actor=_staff(actor)
            ),
        )
        log(
            row,
            "commerce.stock.return_in",
            user=_staff(actor),
            data={"quantity": quantity, "order": order.number},
        )
    return movement


# Logistics ----------------------------------------------------------------------------


def _units(value, *, allow_zero: bool = False) -> int:
    """A whole, positive (or zero) number of units, or ``InvalidQuantity``."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < (0 if allow_zero else 1)
        or value > MAX_UNITS
    ):
        raise InvalidQuantity(
            _("Enter a whole number of units from %(low)d to %(high)d.")
            % {"low": 0 if allow_zero else 1, "high": MAX_UNITS}
        )
    return value


def _cost(value) -> Decimal:
    try:
        cost = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        cost = None
    if (
        cost is None
        or not cost.is_finite()
        or cost < 0
        or cost != cost.quantize(CENT)
        or cost >= 10**8
    ):
        raise StockChangeRefused(
            _("Enter a unit cost of 0 or more with at most two decimal places."),
            code="invalid_cost",
        )
    return cost.quantize(CENT)


def _check_purchase(purchase: Purchase) -> Purchase:
    reference = (purchase.supplier_reference or "").strip()
    if not reference or len(reference) > 80:
        raise StockChangeRefused(
            _(
                "Enter the supplier's reference (delivery note or invoice number, "
                "at most 80 characters)."
            ),
            code="supplier_reference_required",
        )
    return Purchase(
        sku=(purchase.sku or "").strip(),
        quantity=_units(purchase.quantity),
        supplier_reference=reference,
        unit_cost=_cost(purchase.unit_cost),
    )


def stock_receive_many(*, purchases: list[Purchase], actor: User | None) -> list[StockMovement]:
    """Book several purchase-ins in one transaction: all of them, or (on any error) none."""
    checked = [_check_purchase(purchase) for purchase in purchases]
    with transaction.atomic():
        skus = {purchase.sku for purchase in checked}
        _ensure_rows(skus)
        rows = lock_stock_rows(skus)  # all at once, in pk order
        movements = [
            _apply(
                rows[purchase.sku],
                StockMovement(
                    kind=Kind.PURCHASE_IN,
                    on_hand_change=purchase.quantity,
                    actor=_staff(actor),
                    supplier_reference=purchase.supplier_reference,
                    unit_cost=purchase.unit_cost,
                ),
            )
            for purchase in checked
        ]
        for movement in movements:
            log(
                rows[movement.sku],
                "commerce.stock.purchase_in",
                user=_staff(actor),
                data={
                    "quantity": movement.on_hand_change,
                    "supplier_reference": movement.supplier_reference,
                    "unit_cost": str(movement.unit_cost),
                },
            )
    return movements


def stock_receive(
    *,
    sku: str,
    quantity: int,
    supplier_reference: str,
    unit_cost: Decimal | str,
    actor: User | None,
) -> StockMovement:
    """Goods bought from a supplier arrive: on hand rises, the movement keeps reference and
    cost."""
    return stock_receive_many(
        purchases=[
            Purchase(
                sku=sku,
                quantity=quantity,
                supplier_reference=supplier_reference,
                unit_cost=unit_cost,
            )
        ],
        actor=actor,
    )[0]


def _below_reserved(row: Stock, on_hand: int) -> StockChangeRefused:
    return StockChangeRefused(
        _(
            "%(sku)s would have %(on_hand)d on hand but %(reserved)d are reserved for open "
            "orders; on hand cannot go below reserved."
        )
        % {"sku": row.sku, "on_hand": on_hand, "reserved": row.reserved},
        code="below_reserved",
    )


def stock_adjust(
    *, sku: str, on_hand_change: int, reason: str, actor: User | None
) -> StockMovement:
    """Correct on hand by ± units for a stated reason (breakage, found goods, samples)."""
    reason = (reason or "").strip()
    if not reason:
        raise StockChangeRefused(_("Say why the stock changes."), code="reason_required")
    if (
        isinstance(on_hand_change, bool)
        or not isinstance(on_hand_change, int)
        or not on_hand_change
        or abs(on_hand_change) > MAX_UNITS
    ):
        raise InvalidQuantity(_("Enter a change other than 0, such as 5 or -2."))
    with transaction.atomic():
        row = _locked_row(sku)
        if row.on_hand + on_hand_change < row.reserved:
            raise _below_reserved(row, row.on_hand + on_hand_change)
        movement = _apply(
            row,
            StockMovement(
                kind=Kind.ADJUSTMENT,
                on_hand_change=on_hand_change,
                reason=reason[:300],
                actor=_staff(actor),
            ),
        )
        log(
            row,
            "commerce.stock.adjust",
            user=_staff(actor),
            data={"change": on_hand_change, "reason": reason},
        )
    return movement


def stock_count(*, sku: str, counted: int, actor: User | None) -> StockMovement:
    """A stock-take: the shelf holds ``counted`` units; the movement is the difference to on hand.

    A count that matches is recorded too (a zero movement), so the list shows when
    each SKU was last counted.
    """
    counted = _units(counted, allow_zero=True)
    with transaction.atomic():
        row = _locked_row(sku)
        if counted < row.reserved:
            raise _below_reserved(row, counted)
        before = row.on_hand
        movement = _apply(
            row,
            StockMovement(
                kind=Kind.STOCKTAKE,
                on_hand_change=counted - before,
                reason=f"{before} → {counted}",
                actor=_staff(actor),
            ),
        )
        log(
            row,
            "commerce.stock.count",
            user=_staff(actor),
            data={"counted": counted, "before": before},
        )
    return movement


def stock_open(*, sku: str, on_hand: int, actor: User | None = None) -> Stock:
    """Start a SKU's stock with an opening balance: the Stock row and its first movement."""
    on_hand = _units(on_hand, allow_zero=True)
    with transaction.atomic():
        row = Stock.objects.create(sku=sku, on_hand=on_hand)
        StockMovement.objects.create(
            sku=sku,
            kind=Kind.ADJUSTMENT,
            on_hand_change=on_hand,
            reason=OPENING_BALANCE,
            actor=_staff(actor),
        )
    return row


def opening_movements(rows) -> list[StockMovement]:
    """Unsaved opening-balance movements for new Stock rows (bulk loaders insert both with
    bulk_create)."""
    return [
        StockMovement(
            sku=row.sku,
            kind=Kind.ADJUSTMENT,
            on_hand_change=row.on_hand,
            reserved_change=row.reserved,
            reason=OPENING_BALANCE,
        )
        for row in rows
    ]
