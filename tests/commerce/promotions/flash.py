"""A flash sale to buy from, for the flash-sale tests (SQLite and PostgreSQL)."""

import secrets
from dataclasses import dataclass
from decimal import Decimal

from commerce.checkout.services import checkout_price, price_snapshot
from commerce.orders.services import order_place
from commerce.pricing import variants_for_pricing
from commerce.promotions.models import Campaign, CampaignKind
from commerce.shipping.models import ShippingMethod
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import DELIVERY, make_shipping_method
from tests.factories.promotions import make_campaign


@dataclass
class FlashShop:
    sku: str
    method: ShippingMethod
    campaign: Campaign


def make_flash_shop(*, cap: int, per_shopper: int | None = None, on_hand: int = 100) -> FlashShop:
    """Headphones listed at ¥100.00, ¥60.00 in a flash sale of ``cap`` units; free shipping."""
    product = make_product(
        category=make_category("Audio", "audio"),
        product_type=make_product_type(),
        name="Headphones",
        prices=["100.00"],
        on_hand=on_hand,
    )
    sku = product.variants.get().sku
    campaign = make_campaign(
        kind=CampaignKind.FLASH_SALE,
        name="Midnight flash",
        sku_table=f"{sku}, 60.00, {cap}",
        per_shopper_limit=per_shopper,
    )
    return FlashShop(sku=sku, method=make_shipping_method(base_fee="0.00"), campaign=campaign)


def reviewed_now(shop: FlashShop, *, user, quantity: int = 1, email: str = "") -> dict:
    """What the shopper's review page would show now (the snapshot ``order_place`` compares)."""
    variants = variants_for_pricing([shop.sku])
    breakdown, _packet = checkout_price(
        lines=[(variants[shop.sku], quantity)],
        user=user,
        shipping_method=shop.method,
        province=DELIVERY.province,
        red_packet_id=None,
        email=email,
    )
    return price_snapshot(breakdown)


def buy(shop: FlashShop, *, user, quantity: int = 1, email="buyer@example.com", reviewed=None):
    """Place an order for ``quantity`` units, as the checkout does (``reviewed``: the snapshot)."""
    return order_place(
        checkout_key=secrets.token_urlsafe(16),
        user=user,
        email=getattr(user, "email", "") or email,
        language="en",
        quantities={shop.sku: quantity},
        delivery=DELIVERY,
        shipping_method_id=shop.method.pk,
        payment_method="cod",
        reviewed=reviewed,
    )


SALE = Decimal("60.00")
LIST = Decimal("100.00")
