"""Flash sales' caps and per-shopper limits in the order transaction (one connection)."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from commerce.checkout.services import TotalChanged
from commerce.models import OrderStatus
from commerce.orders.services import order_transition
from commerce.promotions.models import FlashSaleCounter, FlashSalePurchase
from tests.factories.users import UserFactory

from .flash import LIST, SALE, buy, make_flash_shop, reviewed_now

D = Decimal
pytestmark = pytest.mark.django_db


def sold(shop) -> int:
    return FlashSaleCounter.objects.get(campaign=shop.campaign, sku=shop.sku).sold


def test_an_order_at_the_flash_price_counts_its_units_and_the_shoppers_purchase():
    shop = make_flash_shop(cap=10)
    buyer = UserFactory()

    order = buy(shop, user=buyer, quantity=2)

    assert [(line.unit_price, line.line_total) for line in order.lines.all()] == [(LIST, SALE * 2)]
    assert sold(shop) == 2
    purchase = FlashSalePurchase.objects.get()
    assert (purchase.order, purchase.user, purchase.quantity) == (order, buyer, 2)


def test_units_past_the_cap_are_charged_the_list_price():
    shop = make_flash_shop(cap=3)

    order = buy(shop, user=UserFactory(), quantity=5)

    assert order.lines.get().line_total == SALE * 3 + LIST * 2
    assert sold(shop) == 3
    assert buy(shop, user=UserFactory()).total == LIST


def test_a_sold_out_cap_after_review_is_confirmed_not_charged():
    shop = make_flash_shop(cap=1)
    late = UserFactory()
    reviewed = reviewed_now(shop, user=late)
    assert reviewed["total"] == "60.00"
    buy(shop, user=UserFactory())

    with pytest.raises(TotalChanged) as refused:
        buy(shop, user=late, reviewed=reviewed)

    assert (refused.value.reviewed, refused.value.total) == (SALE, LIST)
    assert refused.value.changes == ["Midnight flash (−¥40.00) no longer applies."]
    assert sold(shop) == 1
    assert FlashSalePurchase.objects.count() == 1


def test_the_per_shopper_limit_counts_every_order_of_the_shopper():
    shop = make_flash_shop(cap=10, per_shopper=1)
    buyer = UserFactory()

    first = buy(shop, user=buyer, quantity=2)
    second = buy(shop, user=buyer)

    assert (first.total, second.total) == (SALE + LIST, LIST)
    assert buy(shop, user=UserFactory()).total == SALE
    assert sold(shop) == 2


def test_a_guests_limit_goes_by_their_email():
    shop = make_flash_shop(cap=10, per_shopper=1)
    guest = AnonymousUser()

    first = buy(shop, user=guest, email="guest@example.com")
    again = buy(shop, user=guest, email="GUEST@example.com")
    other = buy(shop, user=guest, email="other@example.com")

    assert (first.total, again.total, other.total) == (SALE, LIST, SALE)


def test_cancelling_gives_the_units_back_to_the_sale_and_to_the_shopper():
    shop = make_flash_shop(cap=1, per_shopper=1)
    buyer = UserFactory()
    order = buy(shop, user=buyer)
    assert sold(shop) == 1

    order_transition(order=order, to_status=OrderStatus.CANCELLED)

    assert sold(shop) == 0
    assert not FlashSalePurchase.objects.exists()
    assert buy(shop, user=buyer).total == SALE


def test_a_flash_sale_that_has_not_started_locks_and_counts_nothing():
    shop = make_flash_shop(cap=1)
    shop.campaign.unpublish()

    order = buy(shop, user=UserFactory())

    assert order.total == LIST
    assert not FlashSaleCounter.objects.filter(sold__gt=0).exists()
