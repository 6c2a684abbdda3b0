"""The logistics desk's decisions: review new orders, stock, pack and ship them.

Orders arrive paid (or confirmed, for cash on delivery) and wait for review: the
address must be complete enough for a courier and the order must not look like
abuse (a burst of orders from one phone or one address, a region no shipping
method reaches). Reviewed orders go to the shelves (stocking), then to packing,
then out with a carrier and tracking number. Every status change goes through
``commerce.orders.services.order_transition`` (which also takes shipped goods off the
shelf); this package adds the checks, the carrier and the audit-log entries.
"""

from .common import (
    BURST_COUNT,
    BURST_WINDOW,
    CSV_HEADER_WORDS,
    FLAG_REASON_LENGTH,
    MAX_CSV_ROWS,
    MIN_STREET_LENGTH,
    MOBILE_RE,
    POSTCODE_RE,
    REVIEW_STATUSES,
    TRACKING_RE,
    BulkShipInvalid,
    ReviewProblem,
    RowError,
    ShipmentInvalid,
)
from .review import (
    address_key,
    address_problems,
    order_flag,
    order_review_accept,
    order_review_checks,
    orders_review_checks,
    unreachable_provinces,
)
from .shipping import (
    bulk_ship_from_csv,
    order_ship_with_carrier,
    tracking_number_problem,
)
from .stocking import (
    logistics_counts,
    order_back_in_stock,
    order_mark_out_of_stock,
    order_stock_confirm,
)

__all__ = [
    "BURST_COUNT",
    "BURST_WINDOW",
    "BulkShipInvalid",
    "CSV_HEADER_WORDS",
    "FLAG_REASON_LENGTH",
    "MAX_CSV_ROWS",
    "MIN_STREET_LENGTH",
    "MOBILE_RE",
    "POSTCODE_RE",
    "REVIEW_STATUSES",
    "ReviewProblem",
    "RowError",
    "ShipmentInvalid",
    "TRACKING_RE",
    "address_key",
    "address_problems",
    "bulk_ship_from_csv",
    "logistics_counts",
    "order_back_in_stock",
    "order_flag",
    "order_mark_out_of_stock",
    "order_review_accept",
    "order_review_checks",
    "order_ship_with_carrier",
    "order_stock_confirm",
    "orders_review_checks",
    "tracking_number_problem",
    "unreachable_provinces",
]
