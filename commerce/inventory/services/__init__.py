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

from .ledger import (
    CENT,
    MAX_UNITS,
    OPENING_BALANCE,
    InsufficientStock,
    InvalidQuantity,
    Purchase,
    StockChangeRefused,
)
from .orders import (
    stock_release,
    stock_reserve,
    stock_return,
    stock_ship,
    stock_write_off_damaged,
)
from .warehouse import (
    opening_movements,
    stock_adjust,
    stock_count,
    stock_open,
    stock_receive,
    stock_receive_many,
)

__all__ = [
    "CENT",
    "InsufficientStock",
    "InvalidQuantity",
    "MAX_UNITS",
    "OPENING_BALANCE",
    "Purchase",
    "StockChangeRefused",
    "opening_movements",
    "stock_adjust",
    "stock_count",
    "stock_open",
    "stock_receive",
    "stock_receive_many",
    "stock_release",
    "stock_reserve",
    "stock_return",
    "stock_ship",
    "stock_write_off_damaged",
]
