"""Bank transfer: the shopper transfers with the order number as the note; finance confirms it."""

from ...orders.models import PaymentMethod
from .base import PaymentProvider


class BankTransfer(PaymentProvider):
    code = PaymentMethod.BANK_TRANSFER.value
    label = PaymentMethod.BANK_TRANSFER.label
