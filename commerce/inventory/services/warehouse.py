"""Stock that logistics moves: purchases received, adjustments with a reason, stock-takes and
opening balances."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from products.models import Stock

from ...locks import lock_stock_rows
from ..models import StockMovement

if TYPE_CHECKING:
    from accounts.models import User

from .ledger import (
    CENT,
    MAX_UNITS,
    OPENING_BALANCE,
    InvalidQuantity,
    Kind,
    Purchase,
    StockChangeRefused,
    movement_apply,
    row_locked,
    rows_ensure,
    staff_or_none,
    whole_units,
)


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
        quantity=whole_units(purchase.quantity),
        supplier_reference=reference,
        unit_cost=_cost(purchase.unit_cost),
    )


def stock_receive_many(*, purchases: list[Purchase], actor: User | None) -> list[StockMovement]:
    """Book several purchase-ins in one transaction: all of them, or (on any error) none."""
    checked = [_check_purchase(purchase) for purchase in purchases]
    with transaction.atomic():
        skus = {purchase.sku for purchase in checked}
        rows_ensure(skus)
        rows = lock_stock_rows(skus)  # all at once, in pk order
        movements = [
            movement_apply(
                rows[purchase.sku],
                StockMovement(
                    kind=Kind.PURCHASE_IN,
                    on_hand_change=purchase.quantity,
                    actor=staff_or_none(actor),
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
                user=staff_or_none(actor),
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
        row = row_locked(sku)
        if row.on_hand + on_hand_change < row.reserved:
            raise _below_reserved(row, row.on_hand + on_hand_change)
        movement = movement_apply(
            row,
            StockMovement(
                kind=Kind.ADJUSTMENT,
                on_hand_change=on_hand_change,
                reason=reason[:300],
                actor=staff_or_none(actor),
            ),
        )
        log(
            row,
            "commerce.stock.adjust",
            user=staff_or_none(actor),
            data={"change": on_hand_change, "reason": reason},
        )
    return movement


def stock_count(*, sku: str, counted: int, actor: User | None) -> StockMovement:
    """A stock-take: the shelf holds ``counted`` units; the movement is the difference to on hand.

    A count that matches is recorded too (a zero movement), so the list shows when
    each SKU was last counted.
    """
    counted = whole_units(counted, allow_zero=True)
    with transaction.atomic():
        row = row_locked(sku)
        if counted < row.reserved:
            raise _below_reserved(row, counted)
        before = row.on_hand
        movement = movement_apply(
            row,
            StockMovement(
                kind=Kind.STOCKTAKE,
                on_hand_change=counted - before,
                reason=f"{before} → {counted}",
                actor=staff_or_none(actor),
            ),
        )
        log(
            row,
            "commerce.stock.count",
            user=staff_or_none(actor),
            data={"counted": counted, "before": before},
        )
    return movement


def stock_open(*, sku: str, on_hand: int, actor: User | None = None) -> Stock:
    """Start a SKU's stock with an opening balance: the Stock row and its first movement."""
    on_hand = whole_units(on_hand, allow_zero=True)
    with transaction.atomic():
        row = Stock.objects.create(sku=sku, on_hand=on_hand)
        StockMovement.objects.create(
            sku=sku,
            kind=Kind.ADJUSTMENT,
            on_hand_change=on_hand,
            reason=OPENING_BALANCE,
            actor=staff_or_none(actor),
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
