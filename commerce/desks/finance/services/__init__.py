"""The finance desk's decisions: bank transfers received, cash collected by couriers,
refunds paid out, and the day's takings by payment method.

Only finance may say that money arrived or left (``commerce.record_payment``); the
views check that, these functions do the bookkeeping. Money is recorded through
``commerce.payments.services`` (one successful payment per order, refunds never above what was
paid, both checked with the order row locked); this module adds what finance knows
and the shop does not: the bank's reference, the amount that really arrived, which
orders a courier's cash belongs to. Every action is written to Wagtail's audit log.
"""

from .bank import (
    awaiting_bank_transfers,
    bank_reference_problem,
    duplicate_payment_refund,
    order_confirm_bank_transfer,
    order_excess_refund,
    order_outstanding,
    order_receipts,
    order_reconcile,
    reconciliation_queue,
)
from .cod import (
    cod_awaiting_collection,
    cod_collection_record,
    cod_collections,
)
from .common import (
    AMOUNT_RE,
    BANK_TRANSFER,
    COD,
    COD_COLLECTABLE,
    MAX_TOTALS_DAYS,
    MONEY_OUTPUT,
    NOTE_LENGTH,
    REFERENCE_LENGTH,
    REFERENCE_RE,
    ZERO,
    CodDifference,
    FinanceInvalid,
    clean_note,
)
from .refunds import (
    order_refund,
    refund_queue,
    refundable_amount,
    refundable_orders,
    with_balances,
)
from .totals import (
    DailyTotal,
    daily_totals,
    day_range,
    finance_counts,
    totals_by_method,
)

__all__ = [
    "AMOUNT_RE",
    "BANK_TRANSFER",
    "COD",
    "COD_COLLECTABLE",
    "CodDifference",
    "DailyTotal",
    "FinanceInvalid",
    "MAX_TOTALS_DAYS",
    "MONEY_OUTPUT",
    "NOTE_LENGTH",
    "REFERENCE_LENGTH",
    "REFERENCE_RE",
    "ZERO",
    "awaiting_bank_transfers",
    "bank_reference_problem",
    "clean_note",
    "cod_awaiting_collection",
    "cod_collection_record",
    "cod_collections",
    "daily_totals",
    "day_range",
    "duplicate_payment_refund",
    "finance_counts",
    "order_confirm_bank_transfer",
    "order_excess_refund",
    "order_outstanding",
    "order_receipts",
    "order_reconcile",
    "order_refund",
    "reconciliation_queue",
    "refund_queue",
    "refundable_amount",
    "refundable_orders",
    "totals_by_method",
    "with_balances",
]
