"""Which after-sales status may follow which, in one table (as ``commerce.orders.status``)."""

from .models import AfterSalesStatus as S

ALLOWED: dict[str, set[str]] = {
    S.SUBMITTED: {
        S.INFO_REQUESTED,
        S.AWAITING_PARCEL,
        S.REFUND_PENDING,
        S.EXCHANGED,
        S.CLOSED,
        S.REJECTED,
        S.CANCELLED,
    },
    S.INFO_REQUESTED: {S.SUBMITTED, S.REJECTED, S.CANCELLED},
    S.AWAITING_PARCEL: {S.RECEIVED, S.CANCELLED},
    S.RECEIVED: {S.REFUND_PENDING, S.EXCHANGED, S.REPAIRED, S.CLOSED},
    S.REFUND_PENDING: {S.REFUNDING},
    S.REFUNDING: {S.REFUNDED, S.REFUND_PENDING},  # the provider refused: back in the queue
    S.REFUNDED: set(),
    S.EXCHANGED: set(),
    S.REPAIRED: set(),
    S.CLOSED: set(),
    S.REJECTED: set(),
    S.CANCELLED: set(),
}
# The shopper may withdraw until the parcel is in the warehouse.
SHOPPER_CANCELLABLE = {S.SUBMITTED, S.INFO_REQUESTED, S.AWAITING_PARCEL}
# Waiting for customer service (the queue and its SLA clock).
WAITING_FOR_SERVICE = {S.SUBMITTED}
FINISHED = {S.REFUNDED, S.EXCHANGED, S.REPAIRED, S.CLOSED, S.REJECTED, S.CANCELLED}
# A request in these counts against what can still be returned of a line.
NOT_COUNTED = {S.REJECTED, S.CANCELLED}
# The steps the shopper's page shows, by type (and whether the parcel comes back).
TIMELINES = {
    ("return", True): [S.SUBMITTED, S.AWAITING_PARCEL, S.RECEIVED, S.REFUND_PENDING, S.REFUNDED],
    ("refund_only", True): [
        S.SUBMITTED,
        S.AWAITING_PARCEL,
        S.RECEIVED,
        S.REFUND_PENDING,
        S.REFUNDED,
    ],
    ("return", False): [S.SUBMITTED, S.REFUND_PENDING, S.REFUNDED],
    ("refund_only", False): [S.SUBMITTED, S.REFUND_PENDING, S.REFUNDED],
    ("exchange", True): [S.SUBMITTED, S.AWAITING_PARCEL, S.RECEIVED, S.EXCHANGED],
    ("repair", True): [S.SUBMITTED, S.AWAITING_PARCEL, S.RECEIVED, S.REPAIRED],
    ("complaint", False): [S.SUBMITTED, S.CLOSED],
}
# A request that ends here shows where it ended instead of the steps still to come.
ENDED_EARLY = {S.REJECTED, S.CANCELLED, S.CLOSED}


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED.get(from_status, set())
