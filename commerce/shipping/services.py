"""Shipping fees: one function used by the product-page calculator and by checkout.

Rounding: every amount is Decimal quantised to 0.01 (ROUND_HALF_UP); weights are
whole grams and partial steps count as whole steps (a 1,001 g parcel with 1,000 g
steps pays two steps).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from core.regions import PROVINCE_CODES

from .models import ShippingMethod

CENT = Decimal("0.01")


class ShippingError(Exception):
    """A quote that cannot be given (unknown province, bad quantity); ``message`` is for the
    shopper."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ShippingQuote:
    method: ShippingMethod
    fee: Decimal | None  # None: this method does not deliver there
    free: bool = False

    @property
    def available(self) -> bool:
        return self.fee is not None


def _steps(weight_grams: int, method: ShippingMethod) -> int:
    """Further weight steps beyond the first (partial steps count whole)."""
    extra = max(0, weight_grams - method.first_weight_grams)
    return -(-extra // method.step_grams)


def shipping_fee(
    *, method: ShippingMethod, province: str, goods_total: Decimal, weight_grams: int
) -> Decimal | None:
    """The fee for one method, or None when it does not deliver to ``province``."""
    rule = next((rule for rule in method.region_rules.all() if rule.province == province), None)
    if rule is not None and rule.unavailable:
        return None
    surcharge = rule.surcharge if rule is not None else Decimal("0")
    threshold = method.free_shipping_threshold
    if threshold is not None and goods_total >= threshold:
        waived = rule is None or rule.surcharge_waived_when_free
        return Decimal("0.00") if waived else surcharge.quantize(CENT, ROUND_HALF_UP)
    fee = method.base_fee + method.step_fee * _steps(weight_grams, method) + surcharge
    return fee.quantize(CENT, ROUND_HALF_UP)


def shipping_quotes(
    *, province: str, goods_total: Decimal, weight_grams: int
) -> list[ShippingQuote]:
    """A quote from every offered method for this destination and parcel."""
    if province not in PROVINCE_CODES:
        raise ShippingError(
            "unknown_province", _("Please choose a province or region from the list.")
        )
    if goods_total < 0 or weight_grams < 0:
        raise ShippingError("negative", _("Amounts and weights cannot be negative."))
    methods = ShippingMethod.objects.filter(active=True).prefetch_related("region_rules")
    quotes = []
    for method in methods:
        fee = shipping_fee(
            method=method, province=province, goods_total=goods_total, weight_grams=weight_grams
        )
        quotes.append(ShippingQuote(method=method, fee=fee, free=fee == Decimal("0.00")))
    return quotes
