"""A product bought at ¥100.00 on a cash-on-delivery order, for the price-protection tests."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from commerce.models import Order, OrderStatus, OrderStatusChange
from commerce.price_protection.services import shop_settings
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method
from tests.factories.orders import Shop, make_order
from tests.factories.users import UserFactory


@dataclass
class Bought:
    product: object
    sku: str
    order: Order
    user: object

    @property
    def line(self):
        return self.order.lines.get()


def buy(*, quantity: int = 2, payment_method: str = "cod") -> Bought:
    product = make_product(
        category=make_category("Tea", "tea"),
        product_type=make_product_type(),
        name="Oolong",
        prices=["100.00"],
    )
    sku = product.variants.get().sku
    user = UserFactory()
    order = make_order(
        Shop(sku=sku, method=make_shipping_method(base_fee="0.00")),
        user=user,
        quantity=quantity,
        payment_method=payment_method,
    )
    return Bought(product=product, sku=sku, order=order, user=user)


def deliver(order: Order, *, days_ago: float = 0) -> None:
    when = timezone.now() - timedelta(days=days_ago)
    OrderStatusChange.objects.create(
        order=order, from_status=order.status, to_status=OrderStatus.DELIVERED, created_at=when
    )
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.DELIVERED)
    order.refresh_from_db()


def configure(**fields):
    settings = shop_settings()
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings
