"""Flash-sale caps under real concurrency: PostgreSQL, one connection per thread, released
together by a barrier, so the counter locks in ``order_place`` meet for real."""

from collections import Counter

import pytest

from commerce.models import Order, OrderLine, OrderStatus
from commerce.orders.services import order_transition
from commerce.promotions.models import FlashSaleCounter, FlashSalePurchase
from products.models import Stock
from tests.concurrency import run_together
from tests.factories.users import UserFactory

from .flash import LIST, SALE, buy, make_flash_shop, reviewed_now

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def kinds(outcomes) -> Counter:
    return Counter(type(outcome).__name__ for outcome in outcomes)


def test_a_cap_of_ten_with_forty_buyers_at_once_sells_exactly_ten_at_the_sale_price():
    shop = make_flash_shop(cap=10)
    buyers = [UserFactory() for _ in range(40)]
    reviews = [reviewed_now(shop, user=buyer) for buyer in buyers]  # all saw ¥60.00
    assert {review["total"] for review in reviews} == {"60.00"}

    outcomes = run_together(
        [
            lambda b=b, r=r: buy(shop, user=b, reviewed=r)
            for b, r in zip(buyers, reviews, strict=True)
        ]
    )

    assert kinds(outcomes) == Counter({"Order": 10, "TotalChanged": 30})
    assert {o.total for o in outcomes if isinstance(o, Order)} == {SALE}
    assert FlashSaleCounter.objects.get(sku=shop.sku).sold == 10
    assert sum(p.quantity for p in FlashSalePurchase.objects.all()) == 10
    assert Stock.objects.get(sku=shop.sku).reserved == 10


def test_forty_buyers_who_take_the_list_price_past_the_cap_still_get_ten_at_the_sale_price():
    shop = make_flash_shop(cap=10)
    buyers = [UserFactory() for _ in range(40)]

    outcomes = run_together([lambda b=b: buy(shop, user=b) for b in buyers])

    assert kinds(outcomes) == Counter({"Order": 40})
    totals = Counter(o.total for o in outcomes)
    assert totals == Counter({SALE: 10, LIST: 30})
    assert OrderLine.objects.filter(line_total=SALE).count() == 10
    assert FlashSaleCounter.objects.get(sku=shop.sku).sold == 10


def test_one_shopper_in_two_sessions_at_once_gets_the_limit_of_one_once():
    shop = make_flash_shop(cap=10, per_shopper=1)
    shopper = UserFactory()
    reviews = [reviewed_now(shop, user=shopper) for _ in range(2)]

    outcomes = run_together([lambda r=r: buy(shop, user=shopper, reviewed=r) for r in reviews])

    assert kinds(outcomes) == Counter({"Order": 1, "TotalChanged": 1})
    (changed,) = [o for o in outcomes if not isinstance(o, Order)]
    assert (changed.reviewed, changed.total) == (SALE, LIST)
    assert FlashSalePurchase.objects.get().quantity == 1
    assert FlashSaleCounter.objects.get(sku=shop.sku).sold == 1


def test_cancellations_and_new_orders_at_once_never_overshoot_the_cap():
    shop = make_flash_shop(cap=5)
    placed = [buy(shop, user=UserFactory()) for _ in range(5)]
    newcomers = [UserFactory() for _ in range(10)]

    outcomes = run_together(
        [
            lambda o=o: order_transition(order=o, to_status=OrderStatus.CANCELLED)
            for o in placed[:3]
        ]
        + [lambda b=b: buy(shop, user=b) for b in newcomers]
    )

    assert kinds(outcomes) == Counter({"Order": 13})
    live_at_sale = OrderLine.objects.filter(line_total=SALE).exclude(
        order__status=OrderStatus.CANCELLED
    )
    counter = FlashSaleCounter.objects.get(sku=shop.sku)
    assert counter.sold == live_at_sale.count() <= 5
    assert counter.sold == sum(p.quantity for p in FlashSalePurchase.objects.all())
