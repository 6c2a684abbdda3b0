"""Every model of commerce, defined in its feature's ``models.py``, imported here so that
Django (the ``commerce`` app) and the migrations find them all in one place.

Carts, orders, red packets, e-mails, payments, stock movements, cash collections and
staff notes set ``wagtail_reference_index_ignore`` ("busy rows"): they are written on
every purchase and no editor asks "where is this used?" about them, so Wagtail's
reference index would only add writes inside the order transaction.
"""

from .after_sales.models import (
    AfterSalesEvent,
    AfterSalesLine,
    AfterSalesPhoto,
    AfterSalesRequest,
)
from .bundles.models import Bundle, BundleItem
from .cart.models import Cart, CartLine
from .desks.finance.models import CodCollection
from .desks.service.models import StaffNote
from .favourites.models import Favourite
from .fields import MONEY
from .guide_comments.models import GuideComment
from .inventory.models import StockMovement
from .moderation.models import BlockedWord, ModerationStatus
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
from .price_protection.models import (
    PriceProtectionClaim,
    PriceProtectionSettings,
    PriceRecord,
)
from .promotions.models import (
    Campaign,
    CampaignProduct,
    CampaignTier,
    FlashSaleCounter,
    FlashSalePurchase,
)
from .promotions.pages import CampaignPage
from .questions.models import Question, QuestionStatus
from .red_packets.models import RedPacket, RedPacketType
from .reviews.models import Review, ReviewPhoto, ReviewVote
from .shipping.models import Carrier, RegionRule, ShippingMethod

__all__ = [
    "MONEY",
    "AfterSalesEvent",
    "AfterSalesLine",
    "AfterSalesPhoto",
    "AfterSalesRequest",
    "BlockedWord",
    "Bundle",
    "BundleItem",
    "Campaign",
    "CampaignPage",
    "CampaignProduct",
    "CampaignTier",
    "Cart",
    "CartLine",
    "Carrier",
    "CodCollection",
    "Favourite",
    "FlashSaleCounter",
    "FlashSalePurchase",
    "GuideComment",
    "ModerationStatus",
    "Order",
    "OrderLine",
    "OrderStatus",
    "OrderStatusChange",
    "OutgoingEmail",
    "Payment",
    "PriceProtectionClaim",
    "PriceProtectionSettings",
    "PriceRecord",
    "PaymentEvent",
    "PaymentMethod",
    "Question",
    "QuestionStatus",
    "RedPacket",
    "RedPacketType",
    "Refund",
    "Review",
    "ReviewPhoto",
    "ReviewVote",
    "RegionRule",
    "ShippingMethod",
    "StaffNote",
    "StockMovement",
    "new_order_number",
]
