"""Staff cancel an order with a reason: who may cancel what, and nothing lost on the way."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commerce.after_sales.cancellation import CancelRefused, order_cancel_by_staff
from commerce.desks.finance.services import order_refund, refund_queue
from commerce.desks.logistics.services import order_review_accept
from commerce.models import Order, OrderStatus, OutgoingEmail, RedPacket
from commerce.orders.services import order_transition
from products.models import Stock
from tests.factories.commerce import give_red_packet, make_fixed_red_packet_type

pytestmark = pytest.mark.django_db
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def staff(staff_user):
    return {
        role: staff_user(group)
        for role, group in {
            "service": "Customer service",
            "logistics": "Logistics",
            "finance": "Finance",
            "manager": "Managers",
        }.items()
    }


def reserved(goods):
    return {sku: Stock.objects.get(sku=sku).reserved for sku in (goods.tea.sku, goods.cup.sku)}


def test_service_cancels_a_paid_order_stock_red_packet_and_refund_follow(
    place, shopper, staff, goods
):
    packet = give_red_packet(shopper, make_fixed_red_packet_type(min_spend=Decimal("100.00")))
    before = reserved(goods)
    order = place(delivered=False, red_packet=packet)
    order = order_transition(order=order, to_status=OrderStatus.STOCKING)

    order_cancel_by_staff(order=order, actor=staff["service"], reason="Address does not exist.")

    order.refresh_from_db()
    packet.refresh_from_db()
    assert order.status == "cancelled"
    assert reserved(goods) == before
    assert packet.status == RedPacket.Status.AVAILABLE and packet.used_on is None
    assert list(refund_queue()) == [order]
    email = OutgoingEmail.objects.get(order=order, kind="cancelled")
    assert "Address does not exist." in email.text_body
    change = order.status_changes.get(to_status="cancelled")
    assert (change.actor, change.note) == (staff["service"], "Address does not exist.")


def test_the_refund_of_a_cancelled_order_is_e_mailed(place, staff):
    order = place(delivered=False)
    order_cancel_by_staff(order=order, actor=staff["manager"], reason="Out of production.")

    refund = order_refund(
        order=order, amount=order.total, reason="Cancelled", actor=staff["finance"]
    )

    email = OutgoingEmail.objects.get(kind="refunded")
    assert email.dedupe_key == f"refund:{refund.pk}" and email.to == order.email
    assert email.subject == f"[Shop] ¥{order.total} refunded on order {order.number}"
    assert list(refund_queue()) == []


def test_after_shipping_cancel_is_refused_with_a_message(delivered, staff):
    for role in ("service", "manager", "logistics"):
        with pytest.raises(CancelRefused) as refused:
            order_cancel_by_staff(order=delivered, actor=staff[role], reason="Too late.")
        assert refused.value.message == (
            f"Order {delivered.number} is “Delivered”: it has left the warehouse and can no "
            "longer be cancelled. Open an after-sales request for it instead."
        )
    delivered.refresh_from_db()
    assert delivered.status == "delivered"


def test_logistics_cancels_from_the_review_queue_only(place, staff):
    in_review = place(delivered=False)
    stocking = place(delivered=False)
    order_review_accept(order=stocking, actor=staff["logistics"])

    order_cancel_by_staff(order=in_review, actor=staff["logistics"], reason="Fake address.")
    with pytest.raises(CancelRefused) as refused:
        order_cancel_by_staff(order=stocking, actor=staff["logistics"], reason="Fake address.")

    assert Order.objects.get(pk=in_review.pk).status == "cancelled"
    assert refused.value.message.startswith("Logistics cancels orders from the review queue only")


def test_finance_may_not_cancel_and_a_reason_is_needed(place, staff):
    order = place(delivered=False)

    with pytest.raises(CancelRefused) as finance:
        order_cancel_by_staff(order=order, actor=staff["finance"], reason="No.")
    with pytest.raises(CancelRefused) as empty:
        order_cancel_by_staff(order=order, actor=staff["service"], reason="   ")
    with pytest.raises(CancelRefused) as long:
        order_cancel_by_staff(order=order, actor=staff["service"], reason="x" * 301)

    assert finance.value.message == "Your role cannot cancel orders."
    assert empty.value.message == "Please give the reason the customer will read."
    assert long.value.message == "Please keep the reason under 300 characters."
    assert Order.objects.get(pk=order.pk).status == "paid"


def test_the_cancel_page_cancels_and_the_shopper_reads_the_escaped_reason(
    client, place, shopper, staff
):
    order = place(delivered=False)
    url = reverse("after_sales:cancel_order", kwargs={"number": order.number})
    client.force_login(staff["service"])

    form = client.get(url).content.decode()
    done = client.post(url, {"reason": XSS}, follow=True).content.decode()
    client.force_login(shopper)
    page = client.get(order.get_absolute_url()).content.decode()

    assert "Cancel the order" in form and "its refund goes to finance" in form
    assert f"Order {order.number} was cancelled; the customer was told why." in done
    assert XSS not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "What you paid will be refunded" in page


def test_the_cancel_page_is_closed_to_finance_and_explains_refusals(client, delivered, staff):
    url = reverse("after_sales:cancel_order", kwargs={"number": delivered.number})

    client.force_login(staff["finance"])
    forbidden = client.get(url)
    client.force_login(staff["service"])
    refused = client.post(url, {"reason": "Please."})

    assert forbidden.status_code == 403
    assert refused.status_code == 200
    assert "it has left the warehouse" in refused.content.decode()
    delivered.refresh_from_db()
    assert delivered.status == "delivered"


def test_the_desks_link_to_the_cancel_page(client, place, staff):
    order = place(delivered=False)
    url = reverse("after_sales:cancel_order", kwargs={"number": order.number})

    client.force_login(staff["logistics"])
    review = client.get(reverse("logistics:review")).content.decode()
    client.force_login(staff["service"])
    service = client.get(
        reverse("service:order", kwargs={"number": order.number})
    ).content.decode()

    assert f'href="{url}"' in review and "Reject and cancel" in review
    assert f'href="{url}"' in service
