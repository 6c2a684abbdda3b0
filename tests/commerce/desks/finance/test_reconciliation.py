"""The finance desk's reconciliation list: duplicate captures to refund, short and over-paid
bank transfers with their receipts, outstanding amounts and top-ups."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commerce.desks.finance.services import (
    FinanceInvalid,
    duplicate_payment_refund,
    reconciliation_queue,
)
from commerce.models import Order, OrderStatus, Payment, Refund
from commerce.payments.notifications import notification_apply
from commerce.payments.providers.base import Notification
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def finance(staff_user):
    return staff_user("Finance")


@pytest.fixture
def demo_on(settings):
    settings.PAYMENT_DEMO_GATEWAY = True


def capture(order, trade_no):
    return notification_apply(
        provider="demo",
        notification=Notification(
            event_id=f"evt-{trade_no}",
            order_number=order.number,
            amount=order.total,
            currency="CNY",
            paid=True,
            raw="{}",
            reference=trade_no,
        ),
    )


def paid_twice(shop):
    order = make_order(shop, payment_method="demo")
    capture(order, f"T1-{order.pk}")
    capture(order, f"T2-{order.pk}")
    return Order.objects.get(pk=order.pk)


# Duplicate captures
# ----------------------------------------------------------------------------------------


def test_a_duplicate_capture_is_listed_with_the_amount_to_refund(client, shop, finance, demo_on):
    order = paid_twice(shop)
    client.force_login(finance)

    page = client.get(reverse("finance:reconciliation")).content.decode()

    assert order.number in page
    assert (
        f"Duplicate payment ¥{order.total} through Online payment (demo) (T2-{order.pk})" in page
    )
    assert f"Refund the duplicate ¥{order.total}" in page
    row = reconciliation_queue().get(pk=order.pk)
    assert (row.due, row.paid, row.refunded, row.balance) == (
        order.total,
        2 * order.total,
        D("0.00"),
        order.total,
    )


def test_refunding_the_duplicate_goes_through_the_provider_and_resolves_the_order(
    client, shop, finance, demo_on
):
    order = paid_twice(shop)
    duplicate = Payment.objects.get(order=order, status="duplicate")
    client.force_login(finance)

    response = client.post(
        reverse("finance:refund_duplicate", args=[order.number, duplicate.pk]), follow=True
    )

    refund = Refund.objects.get()
    assert (refund.payment, refund.amount, refund.kind, refund.reference) == (
        duplicate,
        order.total,
        "provider",
        f"DEMO-REFUND-{order.number}-R{refund.pk}",
    )
    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation) == (OrderStatus.PAID, False)
    assert (
        order.reconciliation_note == f"Duplicate payment T2-{order.pk} refunded (¥{order.total})."
    )
    assert f"Refunded the duplicate payment of ¥{order.total}" in response.content.decode()
    assert order.number not in client.get(reverse("finance:reconciliation")).content.decode()


def test_a_duplicate_is_refunded_once(shop, finance, demo_on):
    order = paid_twice(shop)
    duplicate = Payment.objects.get(order=order, status="duplicate")
    duplicate_payment_refund(payment=duplicate, actor=finance)

    with pytest.raises(FinanceInvalid, match="already refunded"):
        duplicate_payment_refund(payment=duplicate, actor=finance)

    assert Refund.objects.count() == 1


def test_only_a_duplicate_can_be_refunded_from_the_list(shop, finance, demo_on):
    order = paid_twice(shop)
    original = Payment.objects.get(order=order, status="succeeded")

    with pytest.raises(FinanceInvalid, match="not a duplicate"):
        duplicate_payment_refund(payment=original, actor=finance)

    assert Refund.objects.count() == 0


def test_the_duplicate_refund_button_is_finance_only(client, shop, staff_user, demo_on):
    order = paid_twice(shop)
    duplicate = Payment.objects.get(order=order, status="duplicate")
    client.force_login(staff_user("Customer service"))

    response = client.post(reverse("finance:refund_duplicate", args=[order.number, duplicate.pk]))

    assert response.status_code == 403
    assert Refund.objects.count() == 0


def test_the_reconciliation_list_queries_do_not_grow_with_its_rows(
    client, shop, finance, demo_on, django_assert_max_num_queries
):
    client.force_login(finance)
    paid_twice(shop)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("finance:reconciliation"))
    for _ in range(4):
        paid_twice(shop)

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("finance:reconciliation")).content.decode()

    assert page.count("data-duplicate") == 5
