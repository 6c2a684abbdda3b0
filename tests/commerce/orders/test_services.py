"""Placing orders and moving them through their statuses (domain functions)."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from commerce.errors import (
    CheckoutInvalid,
    IllegalTransition,
    InsufficientStock,
    ProductUnavailable,
    RedPacketInvalid,
)
from commerce.models import Order, OrderStatus, OutgoingEmail, RedPacket, RegionRule
from commerce.orders.services import (
    order_cancel_by_customer,
    order_confirm_receipt,
    order_ship,
    order_transition,
    orders_cancel_unpaid,
)
from products.models import ProductVariant, Stock
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import give_red_packet, make_shipping_method, place_order
from tests.factories.users import UserFactory

D = Decimal


@pytest.fixture
def shop(db):
    kind = make_product_type()
    category = make_category("Audio", "audio")
    earbuds = make_product(
        category=category, product_type=kind, name="Earbuds", prices=["100.00"], on_hand=5
    )
    cable = make_product(
        category=category, product_type=kind, name="Cable", prices=["19.90"], on_hand=1
    )
    return {
        "earbuds": earbuds.variants.get().sku,
        "cable": cable.variants.get().sku,
        "method": make_shipping_method(base_fee="10.00", free_from="199.00"),
        "buyer": UserFactory(),
    }


def stock(sku):
    row = Stock.objects.get(sku=sku)
    return row.on_hand, row.reserved


def test_cash_on_delivery_order_is_confirmed_priced_on_the_server_and_reserves_stock(shop):
    order = place_order(
        user=shop["buyer"],
        quantities={shop["earbuds"]: 1, shop["cable"]: 1},
        method=shop["method"],
        note="Please call before delivery",
    )

    assert order.status == OrderStatus.CONFIRMED
    assert (order.subtotal, order.shipping_fee, order.discount_total, order.total) == (
        D("119.90"),
        D("10.00"),
        D("0.00"),
        D("129.90"),
    )
    assert [
        (line.product_name, line.sku, line.unit_price, line.quantity, line.line_total)
        for line in order.lines.all()
    ] == [
        ("Earbuds", shop["earbuds"], D("100.00"), 1, D("100.00")),
        ("Cable", shop["cable"], D("19.90"), 1, D("19.90")),
    ]
    assert stock(shop["earbuds"]) == (5, 1)
    assert stock(shop["cable"]) == (1, 1)
    assert order.customer_note == "Please call before delivery"
    assert [(c.from_status, c.to_status) for c in order.status_changes.all()] == [
        ("", "confirmed")
    ]
    assert order.pay_by is None
    assert OutgoingEmail.objects.filter(order=order, kind="placed").count() == 1


def test_bank_transfer_order_awaits_payment_until_its_pay_by_time(shop, settings):
    settings.ORDER_PAYMENT_TIMEOUT_MINUTES = 30
    before = timezone.now()

    order = place_order(
        user=shop["buyer"],
        quantities={shop["earbuds"]: 2},
        method=shop["method"],
        payment_method="bank_transfer",
    )

    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert before + timedelta(minutes=30) <= order.pay_by <= timezone.now() + timedelta(minutes=30)
    assert (order.subtotal, order.shipping_fee, order.total) == (
        D("200.00"),
        D("0.00"),
        D("200.00"),
    )


def test_order_lines_keep_the_price_paid_when_the_catalogue_changes_later(shop):
    order = place_order(user=shop["buyer"], quantities={shop["earbuds"]: 1}, method=shop["method"])
    variant = order.lines.get().product.variants.get()
    variant.price = D("150.00")
    variant.save()

    assert order.lines.get().unit_price == D("100.00")


def test_the_same_checkout_key_returns_the_same_order_and_reserves_once(shop):
    first = place_order(
        user=shop["buyer"], quantities={shop["earbuds"]: 1}, method=shop["method"], key="k-1"
    )
    second = place_order(
        user=shop["buyer"], quantities={shop["earbuds"]: 1}, method=shop["method"], key="k-1"
    )

    assert first.pk == second.pk
    assert Order.objects.count() == 1
    assert stock(shop["earbuds"]) == (5, 1)


def test_another_buyers_checkout_key_is_refused(shop):
    place_order(
        user=shop["buyer"], quantities={shop["earbuds"]: 1}, method=shop["method"], key="k-1"
    )

    with pytest.raises(CheckoutInvalid):
        place_order(
            user=UserFactory(), quantities={shop["earbuds"]: 1}, method=shop["method"], key="k-1"
        )


def test_not_enough_stock_refuses_the_whole_order_and_changes_nothing(shop):
    with pytest.raises(InsufficientStock) as refused, translation.override("en"):
        place_order(
            user=shop["buyer"],
            quantities={shop["earbuds"]: 1, shop["cable"]: 2},
            method=shop["method"],
        )

    assert "only 1 of Cable left" in refused.value.message
    assert Order.objects.count() == 0
    assert stock(shop["earbuds"]) == (5, 0)
    assert stock(shop["cable"]) == (1, 0)


def test_an_unpublished_product_cannot_be_ordered(shop):
    ProductVariant.objects.get(sku=shop["cable"]).product.unpublish()

    with pytest.raises(ProductUnavailable):
        place_order(user=shop["buyer"], quantities={shop["cable"]: 1}, method=shop["method"])
    assert stock(shop["cable"]) == (1, 0)


def test_a_method_that_does_not_deliver_to_the_province_is_refused_and_nothing_is_held(shop):
    RegionRule.objects.create(method=shop["method"], province="guangdong", unavailable=True)

    with pytest.raises(CheckoutInvalid):
        place_order(user=shop["buyer"], quantities={shop["earbuds"]: 1}, method=shop["method"])
    assert stock(shop["earbuds"]) == (5, 0)


def test_red_packet_is_spent_on_the_order_and_spread_over_its_lines(shop):
    packet = give_red_packet(shop["buyer"], amount="20.00")

    order = place_order(
        user=shop["buyer"],
        quantities={shop["earbuds"]: 1, shop["cable"]: 1},
        method=shop["method"],
        red_packet=packet,
    )

    packet.refresh_from_db()
    assert (packet.status, packet.used_on_id) == (RedPacket.Status.USED, order.pk)
    assert (order.discount_total, order.total, order.red_packet_name) == (
        D("20.00"),
        D("109.90"),
        "¥20.00 off",
    )
    assert sum(line.discount for line in order.lines.all()) == D("20.00")


@pytest.mark.parametrize("problem", ["min_spend", "someone_elses", "expired", "used"])
def test_a_red_packet_that_cannot_be_spent_refuses_the_order_and_changes_nothing(shop, problem):
    owner = UserFactory() if problem == "someone_elses" else shop["buyer"]
    packet = give_red_packet(
        owner, amount="20.00", min_spend="500.00" if problem == "min_spend" else "0.00"
    )
    if problem == "expired":
        packet.packet_type.valid_until = timezone.now() - timedelta(minutes=1)
        packet.packet_type.save()
    if problem == "used":
        place_order(
            user=shop["buyer"],
            quantities={shop["earbuds"]: 1},
            method=shop["method"],
            red_packet=packet,
        )

    with pytest.raises(RedPacketInvalid):
        place_order(
            user=shop["buyer"],
            quantities={shop["earbuds"]: 1},
            method=shop["method"],
            red_packet=packet,
        )
    assert stock(shop["earbuds"]) == (5, 1 if problem == "used" else 0)


def test_cancelling_an_unpaid_order_releases_stock_and_returns_the_red_packet(shop):
    packet = give_red_packet(shop["buyer"], amount="20.00")
    order = place_order(
        user=shop["buyer"],
        quantities={shop["earbuds"]: 2},
        method=shop["method"],
        payment_method="bank_transfer",
        red_packet=packet,
    )

    order_cancel_by_customer(order=order, actor=shop["buyer"])

    order.refresh_from_db()
    packet.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert stock(shop["earbuds"]) == (5, 0)
    assert (packet.status, packet.used_on_id) == (RedPacket.Status.AVAILABLE, None)
    last = order.status_changes.last()
    assert (last.from_status, last.to_status, last.actor) == (
        "awaiting_payment",
        "cancelled",
        shop["buyer"],
    )
    assert OutgoingEmail.objects.filter(order=order, kind="cancelled").count() == 1


def test_illegal_transitions_raise_and_change_nothing(shop):
    order = place_order(user=shop["buyer"], quantities={shop["earbuds"]: 1}, method=shop["method"])

    with pytest.raises(IllegalTransition):
        order_transition(order=order, to_status=OrderStatus.DELIVERED)
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED
    assert order.status_changes.count() == 1


def test_shipping_needs_a_tracking_number_and_takes_the_goods_off_the_shelf(shop):
    order = place_order(user=shop["buyer"], quantities={shop["earbuds"]: 2}, method=shop["method"])
    order_transition(order=order, to_status=OrderStatus.STOCKING)
    order_transition(order=order, to_status=OrderStatus.PACKING)

    with pytest.raises(IllegalTransition):
        order_transition(order=order, to_status=OrderStatus.SHIPPED)
    order_ship(order=order, carrier="SF Express", tracking_number="SF1234567890")

    order.refresh_from_db()
    assert (order.status, order.carrier, order.tracking_number) == (
        "shipped",
        "SF Express",
        "SF1234567890",
    )
    assert stock(shop["earbuds"]) == (3, 0)
    assert OutgoingEmail.objects.filter(order=order, kind="shipped").count() == 1


def test_shopper_cannot_cancel_once_shipped_but_can_confirm_receipt(shop):
    order = place_order(user=shop["buyer"], quantities={shop["earbuds"]: 1}, method=shop["method"])
    for status in (OrderStatus.STOCKING, OrderStatus.PACKING):
        order_transition(order=order, to_status=status)
    order_ship(order=order, carrier="ZTO", tracking_number="ZT1")

    with pytest.raises(IllegalTransition):
        order_cancel_by_customer(order=order, actor=shop["buyer"])
    order = order_confirm_receipt(order=order, actor=shop["buyer"])

    assert order.status == OrderStatus.COMPLETED
    assert order.paid_at is not None  # cash on delivery: collected on delivery
    assert [c.to_status for c in order.status_changes.all()] == [
        "confirmed",
        "stocking",
        "packing",
        "shipped",
        "delivered",
        "completed",
    ]


def test_unpaid_orders_past_their_time_are_cancelled_by_the_command(shop):
    overdue = place_order(
        user=shop["buyer"],
        quantities={shop["earbuds"]: 1},
        method=shop["method"],
        payment_method="bank_transfer",
    )
    fresh = place_order(
        user=shop["buyer"],
        quantities={shop["earbuds"]: 1},
        method=shop["method"],
        payment_method="bank_transfer",
    )
    Order.objects.filter(pk=overdue.pk).update(pay_by=timezone.now() - timedelta(minutes=1))

    call_command("cancel_unpaid_orders", stdout=io.StringIO())

    overdue.refresh_from_db()
    fresh.refresh_from_db()
    assert (overdue.status, fresh.status) == ("cancelled", "awaiting_payment")
    assert stock(shop["earbuds"]) == (5, 1)
    assert orders_cancel_unpaid() == 0
