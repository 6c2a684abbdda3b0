"""A tea shop of six products and helpers for baskets: paid orders and visits' product views."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from analytics.models import Event
from commerce.models import OrderLine
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.orders import make_order


@pytest.fixture
def teas(site_tree):
    """Products a…f in the category "Tea", ten of each in stock, none sold yet."""
    category = make_category("Tea", "tea")
    kind = make_product_type("Tea")
    made = {
        letter: make_product(category=category, product_type=kind, name=f"Tea {letter.upper()}")
        for letter in "abcdef"
    }
    return SimpleNamespace(**made, category=category, kind=kind)


def paid_order(*products, status: str = "paid", paid: bool = True):
    """An order holding one line per product, paid now unless ``paid`` is False."""
    order = make_order(
        lines=False,
        status=status,
        paid_at=timezone.now() if paid else None,
        total=Decimal("10.00") * len(products),
    )
    for product in products:
        OrderLine.objects.create(
            order=order,
            product=product,
            sku=product.variants.first().sku,
            product_name=product.name,
            unit_price=Decimal("10.00"),
            quantity=1,
            discount=Decimal("0.00"),
            line_total=Decimal("10.00"),
        )
    return order


def visit(session: str, *products, days_ago: int = 0, user_id: int | None = None):
    """A visit's stored product views (one event per product, a minute apart)."""
    start = timezone.now() - datetime.timedelta(days=days_ago)
    Event.objects.bulk_create(
        Event(
            occurred_at=start + datetime.timedelta(minutes=index),
            kind="product_view",
            product_id=product.pk,
            session=session,
            user_id=user_id,
        )
        for index, product in enumerate(products)
    )
