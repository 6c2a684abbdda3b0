"""A failed online payment says so ("Payment did not go through" / "支付未成功") on the return
page and the order page, with a retry button and the other ways to pay."""

import pytest
from django.urls import reverse

from commerce.errors import CommerceError
from commerce.models import Order, OrderStatus
from commerce.orders.services import order_transition
from commerce.payments.links import payment_token
from commerce.payments.notifications import demo_gateway_send
from commerce.payments.selectors import order_payment_failed
from commerce.payments.services import order_payment_method_change
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_order(shop, settings):
    settings.PAYMENT_DEMO_GATEWAY = True
    return make_order(shop, payment_method="demo")


def return_page(client, order, language="en"):
    url = reverse("payment_return", kwargs={"number": order.number})
    return client.get(
        f"{url}?token={payment_token(order)}", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()


def test_a_failed_attempt_is_told_on_the_return_page_with_a_retry(client, demo_order):
    demo_gateway_send(order=demo_order, paid=False)

    page = return_page(client, demo_order)

    assert "Payment did not go through" in page and "data-retry" in page
    assert "Try again with Online payment (demo)" in page
    assert "Refresh" not in page
    assert 'name="method" value="bank_transfer"' in page


def test_the_return_page_in_chinese_says_zhifu_weichenggong(client, demo_order, settings):
    settings.LANGUAGE_CODE = "zh-hans"  # the shop's default: Chinese at the root address
    demo_gateway_send(order=demo_order, paid=False)

    page = return_page(client, demo_order, language="zh-hans")

    assert "支付未成功" in page and "重新支付" in page and "换一种方式付款" in page


def test_the_order_page_shows_the_failure_too(client, demo_order):
    demo_gateway_send(order=demo_order, paid=False)
    client.force_login(demo_order.user)

    page = client.get(demo_order.get_absolute_url()).content.decode()

    assert "data-payment-failed" in page and "data-retry" in page and "data-other-methods" in page


def test_an_attempt_without_an_answer_yet_is_not_called_failed(client, demo_order):
    page = return_page(client, demo_order)

    assert "Payment did not go through" not in page
    assert "We have not received a confirmation of your payment yet" in page


def test_paying_after_a_failure_pays_and_the_failure_is_gone(client, demo_order):
    demo_gateway_send(order=demo_order, paid=False)
    demo_gateway_send(order=demo_order, paid=True)

    page = return_page(client, demo_order)

    assert Order.objects.get(pk=demo_order.pk).status == OrderStatus.PAID
    assert "Thank you! We have received your payment" in page
    assert order_payment_failed(Order.objects.get(pk=demo_order.pk)) is False


def test_switching_to_bank_transfer_after_a_failure_shows_the_transfer_details(client, demo_order):
    demo_gateway_send(order=demo_order, paid=False)
    client.force_login(demo_order.user)

    response = client.post(
        reverse("payment_switch", kwargs={"number": demo_order.number}),
        {"token": payment_token(demo_order), "method": "bank_transfer"},
        follow=True,
    )

    demo_order.refresh_from_db()
    assert (demo_order.payment_method, demo_order.status) == ("bank_transfer", "awaiting_payment")
    assert "Please pay by bank transfer" in response.content.decode()


def test_switching_to_another_online_provider_goes_straight_to_paying(client, shop, settings):
    settings.PAYMENT_DEMO_GATEWAY = True
    order = make_order(shop, payment_method="bank_transfer")

    response = client.post(
        reverse("payment_switch", kwargs={"number": order.number}),
        {"token": payment_token(order), "method": "demo"},
    )

    assert response["Location"].startswith(f"/payments/start/{order.number}/?token=")


@pytest.mark.parametrize("method", ["cod", "nonsense", ""])
def test_only_an_unpaid_order_switches_and_only_to_an_offered_way(demo_order, method):
    with pytest.raises(CommerceError):
        order_payment_method_change(order=demo_order, payment_method=method)

    assert Order.objects.get(pk=demo_order.pk).payment_method == "demo"


def test_a_paid_order_cannot_switch(demo_order):
    order_transition(order=demo_order, to_status=OrderStatus.PAID)

    with pytest.raises(CommerceError, match="not awaiting payment"):
        order_payment_method_change(order=demo_order, payment_method="bank_transfer")


def test_switching_needs_the_orders_token(client, demo_order):
    response = client.post(
        reverse("payment_switch", kwargs={"number": demo_order.number}),
        {"token": "forged", "method": "bank_transfer"},
    )

    assert response.status_code == 404
    assert Order.objects.get(pk=demo_order.pk).payment_method == "demo"
