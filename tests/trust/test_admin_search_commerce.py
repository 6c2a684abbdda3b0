"""Each commerce listing with a search box finds what staff type: an order number, a
mobile number, a recipient's name, a red packet's name or holder, a SKU, a carrier, an
e-mail address — and only that."""

import pytest
from django.urls import reverse

from commerce.models import Carrier, OutgoingEmail, StockMovement
from tests.factories import UserFactory
from tests.factories.commerce import give_red_packet, make_red_packet_type, make_shipping_method
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True))
    return client


def found(client, url: str, query: str) -> str:
    """The listing's table (not the search box, which echoes the query); "" when empty."""
    response = client.get(url, {"q": query})
    assert response.status_code == 200, f"{url}?q={query} answered {response.status_code}"
    html = response.content.decode()
    start, end = html.find("<table"), html.rfind("</table>")
    return html[start:end] if start != -1 else ""


def test_orders_by_number_mobile_recipient_and_email(admin_client):
    wanted = make_order(
        number="SH20261207001", mobile="13911112222", recipient="韩梅梅", email="mei@example.com"
    )
    other = make_order(
        number="SH20261207002", mobile="13633334444", recipient="Li Lei", email="lei@example.com"
    )
    url = reverse("orders:index")

    for query in [wanted.number, "20261207001", "13911112222", "韩梅", "mei@example"]:
        html = found(admin_client, url, query)
        assert wanted.number in html and other.number not in html, query


def test_red_packet_types_by_name(admin_client):
    make_red_packet_type(name="新人红包 Welcome")
    make_red_packet_type(name="Double eleven")
    url = reverse("red_packet_types:index")

    for query in ["新人", "welcome"]:
        html = found(admin_client, url, query)
        assert "新人红包 Welcome" in html and "Double eleven" not in html, query


def test_red_packets_by_holder(admin_client):
    give_red_packet(UserFactory(username="meimei", first_name="梅梅", last_name="韩"))
    give_red_packet(UserFactory(username="lilei", first_name="雷", last_name="李"))
    url = reverse("red_packets:index")

    for query in ["meimei", "meimei@example"]:
        html = found(admin_client, url, query)
        assert "梅梅" in html and "雷" not in html, query


def test_stock_movements_by_sku_and_supplier_reference(admin_client):
    StockMovement.objects.create(
        sku="COF-250G", kind="purchase_in", on_hand_change=5, supplier_reference="PO-7781"
    )
    StockMovement.objects.create(sku="TEA-100G", kind="purchase_in", on_hand_change=5)
    url = reverse("stock_movements:index")

    for query in ["COF-250G", "cof-250", "PO-7781"]:
        html = found(admin_client, url, query)
        assert "COF-250G" in html and "TEA-100G" not in html, query


def test_carriers_by_name_and_code(admin_client):
    Carrier.objects.create(name="顺丰速运 SF Express", code="sf-test")
    Carrier.objects.create(name="EMS test", code="ems-test")
    url = reverse("wagtailsnippets_commerce_carrier:list")

    for query in ["顺丰", "sf express", "sf-test"]:
        html = found(admin_client, url, query)
        assert "顺丰速运 SF Express" in html and "EMS test" not in html, query


def test_shipping_methods_by_name_and_code(admin_client):
    make_shipping_method(code="express", name="次日达 Express")
    make_shipping_method(code="economy", name="Economy")
    url = reverse("wagtailsnippets_commerce_shippingmethod:list")

    for query in ["次日达", "express"]:
        html = found(admin_client, url, query)
        assert "次日达 Express" in html and "Economy" not in html, query


def test_outgoing_emails_by_recipient_and_subject(admin_client):
    OutgoingEmail.objects.create(
        kind="order_placed", dedupe_key="a", to="mei@example.com", subject="订单已提交 SH1"
    )
    OutgoingEmail.objects.create(
        kind="order_placed", dedupe_key="b", to="lei@example.com", subject="Order SH2"
    )
    url = reverse("outgoing_emails:index")

    for query in ["mei@example", "订单已提交"]:
        html = found(admin_client, url, query)
        assert "mei@example.com" in html and "lei@example.com" not in html, query
