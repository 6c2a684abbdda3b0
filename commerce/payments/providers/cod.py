"""Cash on delivery: the courier collects the money; finance records it afterwards."""

from ...orders.models import PaymentMethod
from .base import PaymentProvider


class CashOnDelivery(PaymentProvider):
    code = PaymentMethod.CASH_ON_DELIVERY.value
    label = PaymentMethod.CASH_ON_DELIVERY.label
