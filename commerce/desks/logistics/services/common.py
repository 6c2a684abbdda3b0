"""What the logistics desk's steps share: the review statuses, the patterns an address and a
tracking number must match, and the desk's errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from core.errors import CommerceError

from ....orders.models import Order, OrderStatus

if TYPE_CHECKING:
    pass

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
