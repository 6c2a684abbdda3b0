"""Tracking: the file-based fake adapter moves shipped orders to in transit and delivered."""

import json

import pytest
from django.core.management import call_command

from commerce.desks.logistics.services import order_ship_with_carrier
from commerce.models import Carrier, Order, OrderStatus, OutgoingEmail
from commerce.shipping.tracking import FileTrackingAdapter, order_tracking_url, tracking_poll
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db


def shipped_order(shop, number):
    order = make_order(shop, status=OrderStatus.PACKING)
    return order_ship_with_carrier(
        order=order, carrier=Carrier.objects.get(code="sto"), tracking_number=number, actor=None
    )


@pytest.fixture
def tracking_file(tmp_path):
    path = tmp_path / "tracking.json"

    def write(statuses):
        path.write_text(json.dumps(statuses), encoding="utf-8")
        return FileTrackingAdapter(path)

    return write


def status(order):
    return Order.objects.get(pk=order.pk).status


def test_poll_moves_shipped_orders_on_as_the_carrier_reports(shop, tracking_file):
    moving, arrived, silent = (
        shipped_order(shop, "ST1"),
        shipped_order(shop, "ST2"),
        shipped_order(shop, "ST3"),
    )
    adapter = tracking_file(
        {"sto:ST1": "in_transit", "sto:ST2": {"status": "delivered", "description": "Signed"}}
    )

    first = tracking_poll(adapter=adapter)
    tracking_file({"sto:ST1": "delivered"})
    second = tracking_poll(adapter=adapter)

    assert first == {"in_transit": 1, "delivered": 1, "unknown": 1}
    assert second == {"in_transit": 0, "delivered": 1, "unknown": 1}
    assert [status(moving), status(arrived), status(silent)] == [
        "delivered",
        "delivered",
        "shipped",
    ]
    assert Order.objects.get(pk=arrived.pk).status_changes.last().note == "Signed"
    assert OutgoingEmail.objects.filter(kind="delivered").count() == 2


def test_poll_without_an_adapter_changes_nothing(shop, settings):
    settings.COMMERCE_TRACKING_ADAPTER = ""
    order = shipped_order(shop, "ST9")

    assert tracking_poll() == {"in_transit": 0, "delivered": 0, "unknown": 0}
    assert status(order) == OrderStatus.SHIPPED


def test_command_uses_the_configured_adapter(shop, settings, tracking_file, tmp_path, capsys):
    order = shipped_order(shop, "ST5")
    tracking_file({"sto:ST5": "in_transit"})
    settings.COMMERCE_TRACKING_ADAPTER = "commerce.shipping.tracking.FileTrackingAdapter"
    settings.COMMERCE_TRACKING_OPTIONS = {"path": str(tmp_path / "tracking.json")}

    call_command("tracking_poll")

    assert status(order) == OrderStatus.IN_TRANSIT
    assert capsys.readouterr().out == "In transit: 1, delivered: 0, unchanged: 0.\n"


def test_tracking_url_is_empty_without_a_managed_carrier(shop):
    order = make_order(shop)

    assert order_tracking_url(order) == ""
    assert order_tracking_url(shipped_order(shop, "ST7")) == "https://www.sto.cn/?bill=ST7"
