"""Placing orders at the same moment, on PostgreSQL with real threads.

Each thread has its own database connection (Django gives one per thread), so the
row locks in ``order_place`` meet for real. A barrier starts the threads together.
"""

from collections import Counter

import pytest

from commerce.errors import CommerceError, InsufficientStock, RedPacketInvalid
from commerce.models import Order, RedPacket
from products.models import Stock
from tests.concurrency import run_together
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import give_red_packet, make_shipping_method, place_order
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def make_skus(*stock_levels):
    kind = make_product_type()
    category = make_category("Hot", "hot")
    return [
        make_product(category=category, product_type=kind, prices=["50.00"], on_hand=level)
        .variants.get()
        .sku
        for level in stock_levels
    ]


def test_ten_buyers_for_the_last_unit_make_exactly_one_order():
    (sku,) = make_skus(1)
    method = make_shipping_method()
    buyers = [UserFactory() for _ in range(10)]

    outcomes = run_together(
        [lambda b=b: place_order(user=b, quantities={sku: 1}, method=method) for b in buyers]
    )

    kinds = Counter(type(outcome).__name__ for outcome in outcomes)
    assert kinds == Counter({"Order": 1, "InsufficientStock": 9})
    assert all("sold out" in o.message for o in outcomes if isinstance(o, InsufficientStock))
    row = Stock.objects.get(sku=sku)
    assert (row.on_hand, row.reserved) == (1, 1)
    assert Order.objects.count() == 1


def test_one_red_packet_in_five_concurrent_checkouts_is_used_once():
    (sku,) = make_skus(50)
    method = make_shipping_method()
    buyer = UserFactory()
    packet = give_red_packet(buyer, amount="10.00")

    outcomes = run_together(
        [
            lambda: place_order(user=buyer, quantities={sku: 1}, method=method, red_packet=packet)
            for _ in range(5)
        ]
    )

    assert Counter(type(outcome).__name__ for outcome in outcomes) == Counter(
        {"Order": 1, "RedPacketInvalid": 4}
    )
    assert all(isinstance(o, (Order, RedPacketInvalid)) for o in outcomes)
    packet.refresh_from_db()
    assert packet.status == RedPacket.Status.USED
    assert Order.objects.count() == 1
    assert Stock.objects.get(sku=sku).reserved == 1


def test_the_same_checkout_posted_twice_at_once_makes_one_order():
    (sku,) = make_skus(50)
    method = make_shipping_method()
    buyer = UserFactory()

    outcomes = run_together(
        [
            lambda: place_order(user=buyer, quantities={sku: 2}, method=method, key="double-click")
            for _ in range(2)
        ]
    )

    assert all(isinstance(outcome, Order) for outcome in outcomes), outcomes
    assert outcomes[0].pk == outcomes[1].pk
    assert Order.objects.count() == 1
    assert Stock.objects.get(sku=sku).reserved == 2


def test_orders_taking_the_same_skus_in_opposite_order_do_not_deadlock():
    first, second = make_skus(100, 100)
    method = make_shipping_method()
    buyers = [UserFactory() for _ in range(8)]
    calls = []
    for index, buyer in enumerate(buyers):
        quantities = {first: 1, second: 1} if index % 2 else {second: 1, first: 1}
        calls.append(
            lambda b=buyer, q=quantities: place_order(user=b, quantities=q, method=method)
        )

    outcomes = run_together(calls)

    assert not [o for o in outcomes if isinstance(o, (CommerceError, Exception))], outcomes
    assert Order.objects.count() == 8
    assert [Stock.objects.get(sku=sku).reserved for sku in (first, second)] == [8, 8]
