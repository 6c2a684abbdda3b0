"""Chinese wording that misled staff and shoppers, and dates shown in the wrong zone or
as "just now"; each case read as a person reads the page (the admin is in Chinese by
default)."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from commerce.models import OrderStatus, RedPacket
from tests.factories import UserFactory
from tests.factories.commerce import give_red_packet, make_red_packet_type
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def rows(html: str) -> str:
    """The body of the page's last table (the listing), not its filters or the admin's
    keyboard-shortcut help."""
    return html.rsplit("<tbody", 1)[1].split("</tbody>", 1)[0]


def test_every_order_status_reads_differently_in_chinese():
    with translation.override("zh-hans"):
        labels = [str(label) for label in OrderStatus.labels]

    assert len(set(labels)) == len(labels), labels
    with translation.override("zh-hans"):
        assert str(OrderStatus.PACKING.label) == "打包中"


def test_finance_confirms_a_payment_not_goods_received(client, staff_user):
    make_order(status="awaiting_payment", payment_method="bank_transfer")
    client.force_login(staff_user("Finance"))

    html = client.get(reverse("finance:awaiting")).content.decode()

    assert "确认收款" in html and "确认收货" not in html


def test_the_packing_slip_labels_the_delivery_address(client, staff_user):
    order = make_order(status="packing")
    client.force_login(staff_user("Logistics"))

    html = client.get(reverse("logistics:packing_list"), {"order": [order.pk]}).content.decode()

    assert "收货地址" in html and "网址" not in html


def test_a_red_packet_is_usable_not_for_sale(client):
    shopper = UserFactory()
    give_red_packet(shopper)
    client.force_login(shopper)

    html = client.get("/account/red-packets/").content.decode()

    assert "可用" in html and "可售" not in html


def test_an_expired_packet_reads_expired_to_customer_service_and_in_the_admin(client, staff_user):
    shopper = UserFactory()
    ended = make_red_packet_type(name="Ended type")
    ended.valid_until = timezone.now() - timedelta(hours=1)
    ended.save()
    packet = give_red_packet(shopper, ended)
    assert packet.status == RedPacket.Status.AVAILABLE  # stored status never changes

    client.force_login(staff_user("Customer service"))
    service = client.get(reverse("service:customer", args=[shopper.pk])).content.decode()
    client.force_login(UserFactory(is_superuser=True))
    listing = client.get(reverse("red_packets:index")).content.decode()

    for html in (service, listing):
        assert "已过期" in rows(html) and "可用" not in rows(html)


def test_a_future_end_date_reads_as_a_date_not_just_now(client):
    ends = datetime(2027, 3, 7, 23, 59, tzinfo=SHANGHAI)
    packet_type = make_red_packet_type(name="Spring")
    packet_type.valid_until = ends
    packet_type.save()
    client.force_login(UserFactory(is_superuser=True))

    html = client.get(reverse("red_packet_types:index")).content.decode()

    assert "2027-03-07 23:59" in html
    assert "刚刚" not in rows(html)


def test_the_order_page_in_the_admin_shows_shanghai_time_and_no_none(client):
    placed = datetime(2026, 12, 7, 1, 30, tzinfo=ZoneInfo("UTC"))  # 09:30 in Shanghai
    order = make_order(placed_at=placed)  # unpaid: no payment time
    client.force_login(UserFactory(is_superuser=True))

    html = client.get(reverse("orders:inspect", args=[order.pk])).content.decode()

    assert "2026-12-07 09:30" in html
    assert not re.search(r">\s*None\s*<", html)
