"""Which order status may follow which, in one table.

Everything that moves an order (the shopper cancelling, the auto-cancel job, the
staff desks, payment notifications) goes through ``order_transition`` in
``commerce.orders.services``, which asks this table first.
"""

from .models import OrderStatus as S

ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.AWAITING_PAYMENT: {S.PAID, S.CANCELLED},
    S.PAID: {S.STOCKING, S.CANCELLED},
    S.CONFIRMED: {S.STOCKING, S.CANCELLED},  # cash on delivery: confirmed without payment
    S.STOCKING: {S.PACKING, S.OUT_OF_STOCK, S.CANCELLED},
    S.OUT_OF_STOCK: {S.STOCKING, S.CANCELLED},
    S.PACKING: {S.SHIPPED, S.CANCELLED},
    S.SHIPPED: {S.IN_TRANSIT, S.DELIVERED},
    S.IN_TRANSIT: {S.DELIVERED},
    S.DELIVERED: {S.COMPLETED},
    S.COMPLETED: set(),
    S.CANCELLED: set(),
}

# The shopper may cancel until the parcel leaves; after that it is an after-sales case.
CUSTOMER_CANCELLABLE = {S.AWAITING_PAYMENT, S.PAID, S.CONFIRMED, S.STOCKING, S.OUT_OF_STOCK}
# Stock is reserved from placing until shipping (then it leaves the shelf) or cancelling.
HOLDS_RESERVATION = {
    S.AWAITING_PAYMENT,
    S.PAID,
    S.CONFIRMED,
    S.STOCKING,
    S.OUT_OF_STOCK,
    S.PACKING,
}
# The steps the shopper's timeline shows, in order; cash on delivery is confirmed instead
# of paid, and the rest is the same.
_FULFILMENT = [S.STOCKING, S.PACKING, S.SHIPPED, S.IN_TRANSIT, S.DELIVERED, S.COMPLETED]
TIMELINE = [S.AWAITING_PAYMENT, S.PAID, *_FULFILMENT]
COD_TIMELINE = [S.CONFIRMED, *_FULFILMENT]


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED_TRANSITIONS.get(from_status, set())
