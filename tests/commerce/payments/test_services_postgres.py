"""Notifications and refunds at the same instant, on PostgreSQL with real threads.

Each thread has its own connection, so the unique event row and the order row lock
meet for real: the same notification three times pays once and sends one e-mail; a
notification racing the shopper's return pays once; refunds never exceed what was paid.
"""

import json
from collections import Counter
from decimal import Decimal

import pytest
from django.test import Client

from commerce.models import OrderStatus, OutgoingEmail, Payment, PaymentEvent, Refund
from commerce.payments.links import payment_token
from commerce.payments.notifications import notification_apply
from commerce.payments.providers.alipay import Alipay
from commerce.payments.providers.base import Notification
from commerce.payments.providers.demo import demo_sign
from commerce.payments.services import RefundInvalid, refund_create
from tests.concurrency import run_together
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
D = Decimal


def make_order(payment_method="demo"):
    sku = (
        make_product(
            category=make_category("Hot", "hot"),
            product_type=make_product_type(),
            prices=["100.00"],
            on_hand=10,
        )
        .variants.get()
        .sku
    )
    return place_order(
        user=UserFactory(),
        quantities={sku: 1},
        method=make_shipping_method(base_fee="10.00"),
        payment_method=payment_method,
    )


def post_notification(body: bytes) -> int:
    return (
        Client()
        .post(
            "/payments/notify/demo/",
            data=body,
            content_type="application/json",
            HTTP_X_DEMO_SIGNATURE=demo_sign(body),
        )
        .status_code
    )


def test_the_same_notification_delivered_three_times_at_once_pays_once_and_mails_once():
    order = make_order()
    body = json.dumps(
        {
            "event_id": "evt-1",
            "trade_no": "T1",
            "order_number": order.number,
            "amount": "110.00",
            "currency": "CNY",
            "status": "paid",
        }
    ).encode()

    answers = run_together([lambda: post_notification(body) for _ in range(3)])

    assert answers == [200, 200, 200]
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert Payment.objects.filter(order=order).count() == 1
    assert PaymentEvent.objects.count() == 1
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1
    assert order.status_changes.filter(to_status=OrderStatus.PAID).count() == 1


def test_different_captures_for_one_order_at_once_pay_once_and_keep_the_rest_as_duplicates():
    order = make_order()
    notifications = [
        Notification(
            event_id=f"evt-{i}",
            order_number=order.number,
            amount=D("110.00"),
            currency="CNY",
            paid=True,
            raw="{}",
            reference=f"T{i}",
        )
        for i in range(4)
    ]

    run_together(
        [lambda n=n: notification_apply(provider="demo", notification=n) for n in notifications]
    )

    assert Counter(Payment.objects.filter(order=order).values_list("status", flat=True)) == (
        Counter({"succeeded": 1, "duplicate": 3})
    )
    assert Counter(PaymentEvent.objects.values_list("outcome", flat=True)) == Counter(
        {"applied": 1, "flagged": 3}
    )
    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation) == (OrderStatus.PAID, True)
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


def test_a_notification_racing_the_shoppers_return_makes_one_payment(settings, monkeypatch):
    settings.ALIPAY_APP_ID, settings.ALIPAY_PRIVATE_KEY, settings.ALIPAY_PUBLIC_KEY = (
        "app",
        "key",
        "key",
    )
    order = make_order(payment_method="alipay")
    paid = {
        "order_number": order.number,
        "amount": D("110.00"),
        "currency": "CNY",
        "paid": True,
        "raw": "{}",
        "reference": "2024010122001",
    }
    # Alipay's answer to the return page's status query; the notification arrives at the same
    # moment.
    monkeypatch.setattr(
        Alipay, "query", lambda self, order: Notification(event_id="query:2024010122001", **paid)
    )
    return_url = f"/payments/return/{order.number}/?token={payment_token(order)}"

    outcomes = run_together(
        [
            lambda: Client().get(return_url).status_code,
            lambda: notification_apply(
                provider="alipay", notification=Notification(event_id="n-1", **paid)
            ),
        ]
    )

    assert outcomes[0] == 200 and not isinstance(outcomes[1], Exception)
    assert Payment.objects.filter(order=order).count() == 1
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


def paid_order():
    order = make_order()
    notification_apply(
        provider="demo",
        notification=Notification(
            event_id="evt-1",
            order_number=order.number,
            amount=D("110.00"),
            currency="CNY",
            paid=True,
            raw="{}",
        ),
    )
    return order


def test_two_refunds_at_once_never_exceed_what_was_paid():
    order = paid_order()

    outcomes = run_together(
        [
            lambda: refund_create(order=order, amount="60.00", reason="Return", actor=None)
            for _ in range(2)
        ]
    )

    assert Counter(type(o).__name__ for o in outcomes) == Counter(
        {"Refund": 1, "RefundInvalid": 1}
    )
    assert [o.message for o in outcomes if isinstance(o, RefundInvalid)] == [
        "At most ¥50.00 can still be refunded (paid ¥110.00, already refunded ¥60.00)."
    ]
    assert list(Refund.objects.values_list("amount", flat=True)) == [D("60.00")]


def test_five_provider_refunds_at_once_stop_at_what_was_paid():
    order = paid_order()

    outcomes = run_together(
        [
            lambda: refund_create(
                order=order, amount="30.00", reason="Return", actor=None, kind="provider"
            )
            for _ in range(5)
        ]
    )

    assert Counter(type(o).__name__ for o in outcomes) == Counter(
        {"Refund": 3, "RefundInvalid": 2}
    )
    assert sum(Refund.objects.values_list("amount", flat=True)) == D("90.00")
    assert all(r.reference.startswith("DEMO-REFUND-") for r in Refund.objects.all())
