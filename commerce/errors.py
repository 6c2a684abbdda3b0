"""Every domain error of commerce, for callers outside it; each is defined next to its
rules in its feature's ``services.py``, on ``core.errors.CommerceError``.

Each has a code for programs and a message for people. Views turn them into form
errors or messages; they never become 500s. Code inside commerce imports an error
from its feature, never from here.
"""

from core.errors import CommerceError

from .cart.services import ProductUnavailable
from .checkout.services import CheckoutInvalid
from .desks.finance.services import CodDifference, FinanceInvalid
from .desks.logistics.services import BulkShipInvalid, ShipmentInvalid
from .desks.service.services import StaffNoteInvalid
from .inventory.services import InsufficientStock, InvalidQuantity, StockChangeRefused
from .orders.services import IllegalTransition
from .payments.providers.base import InvalidSignature, NotSupported, ProviderError
from .payments.services import PaymentMismatch, RefundInvalid
from .red_packets.services import RedPacketInvalid
from .shipping.services import ShippingError

__all__ = [
    "BulkShipInvalid",
    "CheckoutInvalid",
    "CodDifference",
    "CommerceError",
    "FinanceInvalid",
    "IllegalTransition",
    "InsufficientStock",
    "InvalidQuantity",
    "InvalidSignature",
    "NotSupported",
    "PaymentMismatch",
    "ProductUnavailable",
    "ProviderError",
    "RedPacketInvalid",
    "RefundInvalid",
    "ShipmentInvalid",
    "ShippingError",
    "StaffNoteInvalid",
    "StockChangeRefused",
]
