"""Commerce data: shipping rules, carts and favourites, red packets, orders, e-mails.

Carts, orders, red packets, e-mails and addresses set ``wagtail_reference_index_ignore``:
they are written on every purchase and no editor asks "where is this used?" about
them, so Wagtail's reference index would only add writes inside the order
transaction.
"""

from ..cart.models import Cart, CartLine
from ..favourites.models import Favourite
from ..inventory.models import StockMovement
from ..orders.models import (
    Order,
    OrderLine,
    OrderStatus,
    OrderStatusChange,
    PaymentMethod,
    new_order_number,
)
from ..outbox.models import OutgoingEmail
from ..payments.models import Payment, PaymentEvent, Refund
from ..red_packets.models import RedPacket, RedPacketType
from ..shipping.models import MONEY, Carrier, RegionRule, ShippingMethod
from .fulfilment import CodCollection
from .orders import StaffNote

__all__ = [
    "MONEY",
    "Cart",
    "CartLine",
    "Carrier",
    "CodCollection",
    "Favourite",
    "Order",
    "OrderLine",
    "OrderStatus",
    "OrderStatusChange",
    "OutgoingEmail",
    "Payment",
    "PaymentEvent",
    "PaymentMethod",
    "RedPacket",
    "RedPacketType",
    "Refund",
    "RegionRule",
    "ShippingMethod",
    "StaffNote",
    "StockMovement",
    "new_order_number",
]
