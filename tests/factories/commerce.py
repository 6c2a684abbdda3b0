"""Commerce objects for tests: shipping methods, addresses, red packets, placed orders."""

import secrets
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import Address
from commerce.checkout.services import Delivery
from commerce.models import RedPacket, RedPacketType, ShippingMethod
from commerce.orders.services import order_place


def make_shipping_method(
    code: str = "standard", base_fee: str = "10.00", free_from: str | None = "199.00", **kwargs
) -> ShippingMethod:
    """A flat-fee method (one step covers any weight unless kwargs say otherwise)."""
    defaults = {
        "name": code.title(),
        "first_weight_grams": 100_000,
        "step_grams": 1000,
        "step_fee": Decimal("0"),
    }
    defaults.update(kwargs)
    return ShippingMethod.objects.create(
        code=code,
        base_fee=Decimal(base_fee),
        free_shipping_threshold=Decimal(free_from) if free_from is not None else None,
        **defaults,
    )


def make_address(
    user, *, province: str = "guangdong", is_default: bool = True, **kwargs
) -> Address:
    fields = {
        "recipient": "王小明",
        "mobile": "13800138000",
        "city": "深圳市",
        "district": "南山区",
        "street": "科技园路 1 号",
        "postcode": "518000",
    }
    fields.update(kwargs)
    return Address.objects.create(user=user, province=province, is_default=is_default, **fields)


def make_red_packet_type(
    *,
    amount: str | None = "20.00",
    percent: str | None = None,
    cap: str | None = None,
    min_spend: str = "0.00",
    days: int = 30,
    **kwargs,
) -> RedPacketType:
    kind = RedPacketType.Kind.PERCENT if percent else RedPacketType.Kind.FIXED
    now = timezone.now()
    return RedPacketType.objects.create(
        name=kwargs.pop("name", f"¥{amount} off" if amount else f"{percent}% off"),
        kind=kind,
        amount=Decimal(amount) if amount and not percent else None,
        percent=Decimal(percent) if percent else None,
        cap=Decimal(cap) if cap else None,
        min_spend=Decimal(min_spend),
        valid_from=now - timedelta(days=1),
        valid_until=now + timedelta(days=days),
        **kwargs,
    )


def give_red_packet(user, packet_type: RedPacketType | None = None, **kwargs) -> RedPacket:
    return RedPacket.objects.create(
        user=user, packet_type=packet_type or make_red_packet_type(**kwargs)
    )


DELIVERY = Delivery(
    recipient="王小明",
    mobile="13800138000",
    province="guangdong",
    city="深圳市",
    district="南山区",
    street="科技园路 1 号",
    postcode="518000",
)


def place_order(
    *,
    user,
    quantities: dict[str, int],
    method: ShippingMethod,
    payment_method: str = "cod",
    red_packet: RedPacket | None = None,
    key: str | None = None,
    email: str = "buyer@example.com",
    delivery: Delivery = DELIVERY,
    note: str = "",
):
    """Place an order straight through the domain function, as the checkout view does."""
    return order_place(
        checkout_key=key or secrets.token_urlsafe(16),
        user=user,
        email=getattr(user, "email", "") or email,
        language="en",
        quantities=quantities,
        delivery=delivery,
        shipping_method_id=method.pk,
        payment_method=payment_method,
        red_packet_id=red_packet.pk if red_packet else None,
        customer_note=note,
    )


def make_fixed_red_packet_type(**fields) -> RedPacketType:
    """A running fixed ¥20-off type unless told otherwise."""
    now = timezone.now()
    values = {
        "name": "¥20 off ¥199",
        "kind": "fixed",
        "amount": Decimal("20.00"),
        "min_spend": Decimal("199.00"),
        "valid_from": now - timedelta(days=1),
        "valid_until": now + timedelta(days=30),
    }
    values.update(fields)
    return RedPacketType.objects.create(**values)
