"""Commerce data: shipping rules, carts and favourites, red packets, orders, e-mails."""

from .carts import Cart, CartLine, Favourite
from .emails import OutgoingEmail
from .orders import Order, OrderLine, OrderStatus, OrderStatusChange, PaymentMethod, new_order_number
from .red_packets import RedPacket, RedPacketType
from .shipping import MONEY, RegionRule, ShippingMethod

__all__ = [
    "MONEY",
    "Cart",
    "CartLine",
    "Favourite",
    "Order",
    "OrderLine",
    "OrderStatus",
    "OrderStatusChange",
    "OutgoingEmail",
    "PaymentMethod",
    "RedPacket",
    "RedPacketType",
    "RegionRule",
    "ShippingMethod",
    "new_order_number",
]
