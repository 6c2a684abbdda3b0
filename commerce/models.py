"""Every model of commerce, defined in its feature's ``models.py``, imported here so that
Django (the ``commerce`` app) and the migrations find them all in one place.

Carts, orders, red packets, e-mails, payments, stock movements, cash collections and
staff notes set ``wagtail_reference_index_ignore`` ("busy rows"): they are written on
every purchase and no editor asks "where is this used?" about them, so Wagtail's
reference index would only add writes inside the order transaction.
"""

from .cart.models import Cart, CartLine
from .desks.finance.models import CodCollection
from .desks.service.models import StaffNote
from .favourites.models import Favourite
from .fields import MONEY
from .inventory.models import StockMovement
from .orders.models import (
    Order,
    OrderLine,
    OrderStatus,
    OrderStatusChange,
    PaymentMethod,
    new_order_number,
)
from .outbox.models import OutgoingEmail
from .payments.models import Payment, PaymentEvent, Refund
from .red_packets.models import RedPacket, RedPacketType
from .shipping.models import Carrier, RegionRule, ShippingMethod

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
