"""After-sales fixtures: a shopper's delivered order of two lines, paid online or on delivery.

The order is placed, paid, picked, packed, shipped and delivered through the domain
functions, so stock, ledger and payments are what a real order leaves behind.
"""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from commerce.models import Carrier, Order, OrderStatus
from commerce.orders.services import order_ship, order_transition
from commerce.payments.notifications import notification_apply
from commerce.payments.providers.base import Notification
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory


class Goods:
    """A tin of tea (¥68.00) and a cup (¥25.00), 100 of each on the shelf."""

    def __init__(self):
        category, product_type = make_category("Tea", "tea"), make_product_type()
        self.tea = make_product(
            category=category,
            product_type=product_type,
            name="Green tea",
            prices=["68.00"],
            on_hand=100,
        ).variants.get()
        self.cup = make_product(
            category=category,
            product_type=product_type,
            name="Tea cup",
            prices=["25.00"],
            on_hand=100,
        ).variants.get()
        self.method = make_shipping_method()


@pytest.fixture
def goods(db):
    return Goods()


@pytest.fixture
def shopper(db):
    return UserFactory(username="shopper", email="shopper@example.com")


def pay_online(order: Order) -> Order:
    notification_apply(
        provider="demo",
        notification=Notification(
            event_id=f"evt-{order.pk}",
            order_number=order.number,
            amount=order.total,
            currency="CNY",
            paid=True,
            raw="{}",
        ),
    )
    order.refresh_from_db()
    return order


def deliver(order: Order) -> Order:
    """Pick, pack, ship and deliver a paid or confirmed order."""
    order = order_transition(order=order, to_status=OrderStatus.STOCKING)
    order = order_transition(order=order, to_status=OrderStatus.PACKING)
    Order.objects.filter(pk=order.pk).update(shipping_carrier=Carrier.objects.get(code="sf"))
    order = order_ship(order=order, carrier="sf", tracking_number=f"SF{order.pk:08d}")
    return order_transition(order=order, to_status=OrderStatus.DELIVERED)


@pytest.fixture
def place(goods, shopper, settings):
    """``place(tea=2, cup=1, paid=True, delivered=True, user=…)``: an order in that state."""
    settings.PAYMENT_DEMO_GATEWAY = True

    def make(
        *, tea=2, cup=1, paid=True, delivered=True, user=None, payment_method=None, red_packet=None
    ):
        quantities = {goods.tea.sku: tea, goods.cup.sku: cup}
        order = place_order(
            user=user or shopper,
            quantities={sku: units for sku, units in quantities.items() if units},
            method=goods.method,
            payment_method=payment_method or ("demo" if paid else "cod"),
            red_packet=red_packet,
        )
        if paid and order.status == OrderStatus.AWAITING_PAYMENT:
            order = pay_online(order)
        return deliver(order) if delivered else order

    return make


@pytest.fixture
def delivered(place):
    """Two tins of tea and a cup, paid online and delivered."""
    return place()


NAMES = {"tea": "Green tea", "cup": "Tea cup"}


def line_of(order: Order, which: str):
    """The order's "tea" or "cup" line."""
    return order.lines.get(product_name=NAMES[which])


def photo(name="photo.jpg", *, exif=False, size=(40, 30)) -> SimpleUploadedFile:
    """A small real JPEG (with a camera's EXIF block when asked)."""
    buffer = io.BytesIO()
    picture = Image.new("RGB", size, (200, 40, 40))
    if exif:
        data = Image.Exif()
        data[0x010F] = "SpyCam"  # Make
        data[0x0110] = "Model X"  # Model
        picture.save(buffer, format="JPEG", exif=data.tobytes())
    else:
        picture.save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


ZERO = Decimal("0.00")
