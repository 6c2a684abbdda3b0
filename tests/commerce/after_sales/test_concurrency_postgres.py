"""Two staff members (or two shoppers) acting on the same request at the same instant, in real
threads on PostgreSQL: the request moves once, the money leaves once, the stock comes back once."""

from collections import Counter
from decimal import Decimal

import pytest
from django.db.models import Sum

from commerce.after_sales.services import (
    after_sales_approve,
    after_sales_receive,
    after_sales_refund,
    after_sales_reject,
    after_sales_request_create,
)
from commerce.models import AfterSalesRequest, OutgoingEmail, Refund, StockMovement
from commerce.payments.services import order_paid_total, order_refunded_total
from products.models import Stock
from tests.concurrency import run_together

from .conftest import line_of

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def staff(staff_user):
    return {
        "service": [staff_user("Customer service") for _ in range(2)],
        "logistics": [staff_user("Logistics") for _ in range(2)],
        "finance": [staff_user("Finance") for _ in range(2)],
    }


def file_return(order, user, *, units=1, kind="return"):
    return after_sales_request_create(
        order=order,
        user=user,
        kind=kind,
        reason="no_reason",
        description="",
        quantities={line_of(order, "tea").pk: units},
    )


def names(outcomes) -> Counter:
    return Counter(type(outcome).__name__ for outcome in outcomes)


def test_two_finance_staff_refunding_at_once_pay_once(delivered, shopper, staff):
    request = file_return(delivered, shopper)
    after_sales_approve(
        request=request, actor=staff["service"][0], return_needed=False, refund_amount="68.00"
    )

    outcomes = run_together(
        [
            lambda user=user: after_sales_refund(
                request=AfterSalesRequest.objects.get(pk=request.pk), actor=user, kind="provider"
            )
            for user in staff["finance"]
        ]
    )

    assert names(outcomes) == Counter({"Refund": 1, "AfterSalesRefused": 1})
    assert Refund.objects.filter(order=delivered).count() == 1
    assert order_refunded_total(delivered) == Decimal("68.00") <= order_paid_total(delivered)
    request.refresh_from_db()
    assert request.status == "refunded"
    assert (
        OutgoingEmail.objects.filter(kind="after_sales", subject__endswith="Refunded").count() == 1
    )


def test_two_refunds_of_two_requests_never_exceed_what_was_paid(place, shopper, staff):
    order = place(tea=2, cup=0)  # ¥136.00 + ¥10.00 shipping = ¥146.00 paid
    first = file_return(order, shopper)
    second = file_return(order, shopper)
    for request, amount in ((first, "100.00"), (second, "100.00")):
        after_sales_approve(
            request=request, actor=staff["service"][0], return_needed=False, refund_amount=amount
        )

    outcomes = run_together(
        [
            lambda request=request, user=user: after_sales_refund(
                request=request, actor=user, kind="manual", reference=f"B-{request.pk}"
            )
            for request, user in zip((first, second), staff["finance"], strict=True)
        ]
    )

    assert names(outcomes) == Counter({"Refund": 1, "RefundInvalid": 1})
    assert order_refunded_total(order) == Decimal("100.00")
    statuses = sorted(AfterSalesRequest.objects.values_list("status", flat=True))
    assert statuses == ["refund_pending", "refunded"]  # the refused one waits again


def test_two_logistics_staff_booking_the_same_parcel_in_put_it_back_once(
    delivered, shopper, staff, goods
):
    request = file_return(delivered, shopper, units=2)
    after_sales_approve(
        request=request, actor=staff["service"][0], return_needed=True, refund_amount="136.00"
    )
    line = request.lines.get()
    on_hand = Stock.objects.get(sku=goods.tea.sku).on_hand

    outcomes = run_together(
        [
            lambda user=user: after_sales_receive(
                request=request, actor=user, received={line.pk: (2, "resaleable")}
            )
            for user in staff["logistics"]
        ]
    )

    assert names(outcomes) == Counter({"AfterSalesRequest": 1, "AfterSalesRefused": 1})
    assert Stock.objects.get(sku=goods.tea.sku).on_hand == on_hand + 2
    booked = StockMovement.objects.filter(sku=goods.tea.sku).aggregate(units=Sum("on_hand_change"))
    assert booked["units"] == Stock.objects.get(sku=goods.tea.sku).on_hand


def test_approve_and_reject_at_once_answer_once(delivered, shopper, staff):
    request = file_return(delivered, shopper)
    first, second = staff["service"]

    outcomes = run_together(
        [
            lambda: after_sales_approve(
                request=request, actor=first, return_needed=True, refund_amount="68.00"
            ),
            lambda: after_sales_reject(request=request, actor=second, reason="Seal broken."),
        ]
    )

    assert names(outcomes) == Counter({"AfterSalesRequest": 1, "AfterSalesRefused": 1})
    request.refresh_from_db()
    assert request.status in {"awaiting_parcel", "rejected"}
    assert request.events.exclude(to_status="").count() == 2  # submitted + one answer


def test_two_requests_for_the_last_units_at_once_take_them_once(delivered, shopper):
    outcomes = run_together([lambda: file_return(delivered, shopper, units=2) for _ in range(2)])

    assert names(outcomes) == Counter({"AfterSalesRequest": 1, "AfterSalesRefused": 1})
    assert AfterSalesRequest.objects.count() == 1
