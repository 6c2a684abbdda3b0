"""The ledger's ground rules: the errors, limits and the only code that writes a Stock row
together with the movement explaining it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import F
from django.utils.translation import gettext as _

from core.errors import CommerceError
from products.models import ProductVariant, Stock

from ...locks import lock_stock_rows
from ..models import StockMovement

if TYPE_CHECKING:
    pass


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


def rows_ensure(skus) -> None:
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


def row_locked(sku: str) -> Stock:
    """The SKU's stock row, locked; created empty for a catalogue variant that has none yet."""
    rows_ensure([sku])
    return lock_stock_rows([sku])[sku]


def movement_apply(row: Stock, movement: StockMovement) -> StockMovement:
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


def movements_apply(rows: dict[str, Stock], movements: list[StockMovement]) -> None:
    """Order-driven movements of several SKUs: one update per row, one insert for all movements."""
    for movement in movements:
        Stock.objects.filter(pk=rows[movement.sku].pk).update(
            on_hand=F("on_hand") + movement.on_hand_change,
            reserved=F("reserved") + movement.reserved_change,
        )
    StockMovement.objects.bulk_create(movements)


def staff_or_none(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def whole_units(value, *, allow_zero: bool = False) -> int:
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
