"""The order page's timeline: the usual steps, or for a cancelled order placed → (the steps it
reached) → cancelled, with when and why."""

import pytest

from commerce.models import OrderStatus
from commerce.orders.services import order_cancel_by_customer, order_transition
from commerce.orders.views import order_timeline
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db


def timeline_of(order):
    return order_timeline(order, list(order.status_changes.all()))


def test_a_cancelled_unpaid_order_shows_placed_then_cancelled_with_why(client, shop):
    order = make_order(shop, payment_method="bank_transfer")
    order_cancel_by_customer(order=order, actor=order.user)
    order.refresh_from_db()

    steps = timeline_of(order)

    assert [(s["status"], s["label"]) for s in steps] == [
        ("placed", "Order placed"),
        ("cancelled", "Cancelled"),
    ]
    assert steps[0]["at"] == order.placed_at
    assert steps[1]["at"] is not None and steps[1]["note"] == "Cancelled by the customer."
    client.force_login(order.user)
    page = client.get(order.get_absolute_url()).content.decode()
    assert "timeline--cancelled" in page
    assert '<span class="timeline__note">Cancelled by the customer.</span>' in page
    for step in ("Stocking", "Packing", "Shipped", "Delivered", "Completed"):
        assert f'<span class="timeline__label">{step}</span>' not in page


def test_a_cancelled_paid_order_keeps_the_steps_it_reached(shop):
    order = make_order(shop, payment_method="bank_transfer", status=OrderStatus.PAID)
    order = order_transition(order=order, to_status=OrderStatus.STOCKING)
    order = order_transition(order=order, to_status=OrderStatus.CANCELLED, note="Out of stock")

    steps = timeline_of(order)

    assert [s["status"] for s in steps] == ["placed", "paid", "stocking", "cancelled"]
    assert steps[-1]["note"] == "Out of stock" and steps[-1]["current"] is True


def test_an_order_under_way_shows_the_usual_steps(shop):
    order = make_order(shop, payment_method="cod", status=OrderStatus.STOCKING)

    steps = timeline_of(order)

    assert [s["status"] for s in steps] == [
        "confirmed",
        "stocking",
        "packing",
        "shipped",
        "in_transit",
        "delivered",
        "completed",
    ]
