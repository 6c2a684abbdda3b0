"""Opening after-sales requests and moving them step by step, from the shopper to the refund.

Every step locks the request row (``commerce.locks``), re-reads its status and asks
``commerce.after_sales.status`` whether the step is allowed, so two staff members
clicking at once move it once. Each step writes an ``AfterSalesEvent`` and queues the
shopper's e-mail in the same transaction. Money leaves only through
``commerce.payments.services.refund_create``: the request is first claimed
(``refund_pending`` → ``refunding``) under its lock, the refund runs after that lock is
released (it may call the provider), then the request is finalised or given back.
"""

from .refunds import after_sales_refund
from .requests import (
    AFTER_DELIVERY,
    TAKES_UNITS,
    TEXT_LENGTH,
    WINDOW_SETTINGS,
    AfterSalesRefused,
    after_sales_request_create,
    delivered_at,
    plain_text,
    units_available,
    units_taken,
    window_days,
    window_deadline,
    window_problem,
)
from .steps import (
    after_sales_approve,
    after_sales_ask_info,
    after_sales_cancel,
    after_sales_finish,
    after_sales_note_add,
    after_sales_reject,
    after_sales_reply,
    after_sales_ship_back,
)
from .warehouse import after_sales_receive, after_sales_replacement_create, exchange_choices

__all__ = [
    "AFTER_DELIVERY",
    "TAKES_UNITS",
    "TEXT_LENGTH",
    "WINDOW_SETTINGS",
    "AfterSalesRefused",
    "after_sales_approve",
    "after_sales_ask_info",
    "after_sales_cancel",
    "after_sales_finish",
    "after_sales_note_add",
    "after_sales_receive",
    "after_sales_refund",
    "after_sales_reject",
    "after_sales_replacement_create",
    "after_sales_reply",
    "after_sales_request_create",
    "after_sales_ship_back",
    "delivered_at",
    "exchange_choices",
    "plain_text",
    "units_available",
    "units_taken",
    "window_days",
    "window_deadline",
    "window_problem",
]
