"""Money as the shop keeps it: ``Decimal`` with two places, never float."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .errors import CommerceError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(amount) -> Decimal:
    """An amount as the shop keeps it: Decimal with two places, half up."""
    return Decimal(amount).quantize(CENT, ROUND_HALF_UP)


def money_amount(value) -> Decimal:
    """``value`` as Decimal cents; anything else (text, floats' noise, a third decimal) is
    refused."""
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise CommerceError(
            _("Please enter an amount such as 12.50."), code="invalid_amount"
        ) from None
    if not amount.is_finite() or amount != amount.quantize(CENT):
        raise CommerceError(_("Please enter an amount such as 12.50."), code="invalid_amount")
    return amount.quantize(CENT)
