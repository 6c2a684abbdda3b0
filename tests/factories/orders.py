"""Orders for tests: one factory, two ways of making an order.

* ``make_order(shop, …)`` places the order through ``order_place``, as checkout does
  (prices from the catalogue, stock reserved, history and e-mails written), then walks
  it to ``status`` along the allowed steps. Desk and payment tests need this.
* ``make_order(…)`` without a shop writes a bare order row: two "Tea & Cups" at 100.00
  with 20.00 off and 10.00 shipping, 190.00 in all, unless ``fields`` say otherwise
  (``lines=False`` leaves the lines out). Enough to own a red packet, to be e-mailed
  about or to count in a customer segment, without a catalogue.
"""

import itertools
import secrets
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils import timezone

from commerce.checkout.services import Delivery
from commerce.models import Order, OrderLine, OrderStatus, ShippingMethod
from commerce.orders.services import order_transition

from .commerce import DELIVERY, place_order
from .users import UserFactory

# Every placed order gets a mobile number and street of its own, so logistics' "three orders
# from one mobile or address in 24 hours" check only fires when a test asks for it.
_fresh_numbers = itertools.count(13500000000)

# The steps a placed (confirmed or awaiting-payment) order takes to reach a desk's queue.
_STEPS_TO = {
    OrderStatus.PAID: [OrderStatus.PAID],
    OrderStatus.STOCKING: [OrderStatus.STOCKING],
    OrderStatus.PACKING: [OrderStatus.STOCKING, OrderStatus.PACKING],
    OrderStatus.OUT_OF_STOCK: [OrderStatus.STOCKING, OrderStatus.OUT_OF_STOCK],
}


@dataclass(frozen=True)
class Shop:
    """What placing an order needs: a SKU in stock and a shipping method."""

    sku: str
    method: ShippingMethod


def make_order(
    shop: Shop | None = None,
    *,
    user=None,
    status: str | None = None,
    payment_method: str | None = None,
    quantity: int = 1,
    note: str = "",
    email: str = "buyer@example.com",
    lines: bool = True,
    **fields,
) -> Order:
    """An order (see the module docstring). With ``shop``, ``fields`` are delivery details
    (mobile, street, province…); without, they are the row's own fields."""
    if shop is not None:
        return _placed_order(
            shop,
            user=user if user is not None else UserFactory(),
            status=status,
            payment_method=payment_method or "cod",
            quantity=quantity,
            note=note,
            email=email,
            delivery=fields,
        )
    order = Order.objects.create(
        **{
            **_ROW,
            "user": user,
            "email": email,
            "status": status or "awaiting_payment",
            "payment_method": payment_method or "bank_transfer",
            "customer_note": note,
            "checkout_key": secrets.token_urlsafe(16),
            "placed_at": timezone.now(),
            **fields,
        }
    )
    if lines:
        OrderLine.objects.create(
            order=order,
            sku="P1-1",
            product_name="Tea & Cups",
            options="Red / L",
            unit_price=Decimal("100.00"),
            quantity=2,
            discount=Decimal("20.00"),
            line_total=Decimal("180.00"),
        )
    return order


_ROW = {
    "language": "en",
    "recipient": "Li Lei",
    "mobile": "13800138000",
    "province": "beijing",
    "city": "北京市",
    "district": "朝阳区",
    "street": "建国路 1 号",
    "shipping_method_name": "Standard",
    "subtotal": Decimal("200.00"),
    "discount_total": Decimal("20.00"),
    "shipping_fee": Decimal("10.00"),
    "total": Decimal("190.00"),
}


def _placed_order(
    shop: Shop,
    *,
    user,
    status: str | None,
    payment_method: str,
    quantity: int,
    note: str,
    email: str,
    delivery: dict,
) -> Order:
    number = next(_fresh_numbers)
    details: Delivery = replace(
        DELIVERY, **{"mobile": str(number), "street": f"科技园路 {number % 1000} 号", **delivery}
    )
    order = place_order(
        user=user,
        quantities={shop.sku: quantity},
        method=shop.method,
        payment_method=payment_method,
        delivery=details,
        note=note,
        email=email,
    )
    for step in _STEPS_TO.get(status, []):
        order = order_transition(order=order, to_status=step)
    return order


def shipping_snapshot(*orders):
    """What bulk shipping may change on an order."""
    return [
        Order.objects.values_list(
            "status", "tracking_number", "carrier", "shipping_carrier_id"
        ).get(pk=order.pk)
        for order in orders
    ]
