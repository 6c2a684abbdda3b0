"""What the finance desk's lists and actions share: the payment methods it handles, input
limits and patterns, and its errors."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import (
    DecimalField,
)
from django.utils.translation import gettext as _

from core.errors import CommerceError

from ....orders.models import Order, OrderStatus, PaymentMethod

if TYPE_CHECKING:
    pass

BANK_TRANSFER = PaymentMethod.BANK_TRANSFER
COD = PaymentMethod.CASH_ON_DELIVERY
# The courier has the cash once the parcel is delivered; a completed order was delivered too.
COD_COLLECTABLE = (OrderStatus.DELIVERED, OrderStatus.COMPLETED)
REFERENCE_LENGTH = Order._meta.get_field("bank_reference").max_length
NOTE_LENGTH = Order._meta.get_field("reconciliation_note").max_length
REFERENCE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./_-]*$")
AMOUNT_RE = re.compile(r"^\d{1,8}(\.\d{1,2})?$")
MAX_TOTALS_DAYS = 366
ZERO = Decimal("0.00")
MONEY_OUTPUT = DecimalField(max_digits=12, decimal_places=2)


class FinanceInvalid(CommerceError):
    code = "finance_invalid"


class CodDifference(CommerceError):
    """The cash handed in is not what the chosen orders add up to; nothing was recorded."""

    code = "cod_difference"

    def __init__(self, *, expected: Decimal, received: Decimal):
        self.expected, self.received, self.difference = expected, received, received - expected
        super().__init__(
            _(
                "The selected orders add up to ¥%(expected)s but ¥%(received)s was handed in "
                "(%(difference)s). Nothing was recorded: check the selection, or tick “Record "
                "with the difference” and explain it in the note."
            )
            % {
                "expected": expected,
                "received": received,
                "difference": (
                    _("¥%(amount)s more") if received > expected else _("¥%(amount)s less")
                )
                % {"amount": abs(received - expected)},
            }
        )


def clean_note(text: str, length: int = NOTE_LENGTH) -> str:
    return " ".join((text or "").split())[:length]
