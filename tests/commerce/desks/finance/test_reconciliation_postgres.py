"""Two finance staff refunding the same duplicate capture at the same instant, on PostgreSQL."""

from decimal import Decimal

import pytest

from commerce.desks.finance.services import duplicate_payment_refund
from commerce.models import Order, Payment, Refund
from commerce.payments.notifications import notification_apply
from commerce.payments.providers.base import Notification
from tests.concurrency import run_together
from tests.factories.orders import make_order
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_clicks_on_refund_the_duplicate_refund_it_once(shop, settings):
    settings.PAYMENT_DEMO_GATEWAY = True
    order = make_order(shop, payment_method="demo")
    for trade_no in ("T1", "T2"):
        notification_apply(
            provider="demo",
            notification=Notification(
                event_id=trade_no,
                order_number=order.number,
                amount=order.total,
                currency="CNY",
                paid=True,
                raw="{}",
                reference=trade_no,
            ),
        )
    duplicate = Payment.objects.get(status="duplicate")
    staff = [UserFactory(), UserFactory()]

    outcomes = run_together(
        [
            lambda user=user: duplicate_payment_refund(payment=duplicate, actor=user)
            for user in staff
        ]
    )

    assert sum(isinstance(outcome, Refund) for outcome in outcomes) == 1
    assert Refund.objects.get().amount == order.total
    assert Order.objects.get(pk=order.pk).needs_reconciliation is False
    assert sum(Refund.objects.values_list("amount", flat=True)) == Decimal(order.total)
