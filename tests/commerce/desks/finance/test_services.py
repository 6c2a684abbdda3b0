"""The finance desk: bank transfers, reconciliation, cash on delivery, refunds, daily totals, role
gates."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from commerce.desks.finance.services import (
    CodDifference,
    FinanceInvalid,
    cod_collection_record,
    daily_totals,
    finance_counts,
    order_confirm_bank_transfer,
    order_excess_refund,
    order_outstanding,
    order_refund,
)
from commerce.models import (
    Carrier,
    CodCollection,
    Order,
    OrderStatus,
    OutgoingEmail,
    Payment,
    Refund,
)
from commerce.orders.services import order_ship, order_transition
from commerce.payments.services import payment_record_success
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def finance(staff_user):
    return staff_user("Finance")


def delivered_cod_order(shop, *, carrier_code="sf", quantity=1):
    order = make_order(shop, payment_method="cod", quantity=quantity)
    order = order_transition(order=order, to_status=OrderStatus.STOCKING)
    order = order_transition(order=order, to_status=OrderStatus.PACKING)
    Order.objects.filter(pk=order.pk).update(
        shipping_carrier=Carrier.objects.get(code=carrier_code)
    )
    order = order_ship(order=order, carrier=carrier_code, tracking_number=f"T{order.pk}")
    return order_transition(order=order, to_status=OrderStatus.DELIVERED)


def paid_order(shop, finance, *, reference=None, quantity=1):
    order = make_order(shop, quantity=quantity, payment_method="bank_transfer")
    payment_record_success(
        order=order,
        provider="bank_transfer",
        amount=order.total,
        reference=reference or f"BANK-{order.pk}",
        actor=finance,
    )
    return order


def state(order):
    """Everything finance can change on an order."""
    return (
        Order.objects.values_list(
            "status", "bank_reference", "needs_reconciliation", "cod_collection_id", "paid_at"
        ).get(pk=order.pk),
        Payment.objects.filter(order=order).count(),
        Refund.objects.filter(order=order).count(),
    )


def log_actions(order):
    return list(
        ModelLogEntry.objects.filter(object_id=str(order.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


# Bank transfers
# ----------------------------------------------------------------------------------------


def test_finance_confirms_a_bank_transfer_and_the_order_goes_to_logistics(
    client, shop, finance, staff_user
):
    order = make_order(shop, payment_method="bank_transfer")
    client.force_login(finance)

    form = client.get(reverse("finance:confirm", args=[order.number]))
    response = client.post(
        reverse("finance:confirm", args=[order.number]),
        {"reference": "ICBC-20250301-001", "amount": "78.00", "note": "Statement 3 March"},
    )

    assert form.status_code == 200 and 'value="78.00"' in form.content.decode()
    assert response.status_code == 302 and response["Location"] == reverse("finance:awaiting")
    order.refresh_from_db()
    assert (order.status, order.bank_reference, order.needs_reconciliation) == (
        "paid",
        "ICBC-20250301-001",
        False,
    )
    payment = Payment.objects.get(order=order)
    assert (
        payment.provider,
        payment.amount,
        payment.reference,
        payment.status,
        payment.recorded_by,
    ) == ("bank_transfer", Decimal("78.00"), "ICBC-20250301-001", "succeeded", finance)
    assert "commerce.order.confirm_payment" in log_actions(order)
    entry = ModelLogEntry.objects.get(
        object_id=str(order.pk), action="commerce.order.confirm_payment"
    )
    assert (
        entry.user == finance
        and entry.data["note"] == "Statement 3 March"
        and entry.data["matched"] is True
    )
    client.force_login(staff_user("Logistics"))
    assert order.number in client.get(reverse("logistics:review")).content.decode()


def test_a_bank_reference_used_before_is_a_form_error_and_nothing_changes(client, shop, finance):
    first, second = (
        make_order(shop, payment_method="bank_transfer"),
        make_order(shop, payment_method="bank_transfer"),
    )
    order_confirm_bank_transfer(
        order=first, reference="REF-1", amount_received="78.00", actor=finance
    )
    before = state(second)
    client.force_login(finance)

    response = client.post(
        reverse("finance:confirm", args=[second.number]),
        {"reference": "REF-1", "amount": "78.00", "note": ""},
    )

    assert response.status_code == 200
    assert (
        f"Bank reference REF-1 was already used for order {first.number}."
        in response.content.decode()
    )
    assert state(second) == before


def test_the_unique_constraint_stops_a_reference_that_slipped_past_the_check(
    shop, finance, monkeypatch
):
    first, second = (
        make_order(shop, payment_method="bank_transfer"),
        make_order(shop, payment_method="bank_transfer"),
    )
    order_confirm_bank_transfer(
        order=first, reference="REF-2", amount_received="78.00", actor=finance
    )
    before = state(second)
    monkeypatch.setattr(
        "commerce.desks.finance.services.bank.bank_reference_problem", lambda **kwargs: ""
    )

    with pytest.raises(FinanceInvalid) as refused:
        order_confirm_bank_transfer(
            order=second, reference="REF-2", amount_received="78.00", actor=finance
        )

    assert refused.value.code == "bank_reference"
    assert state(second) == before


def test_a_short_transfer_is_kept_as_a_part_payment_and_flagged_with_what_is_outstanding(
    client, shop, finance
):
    order = make_order(shop, payment_method="bank_transfer")
    client.force_login(finance)

    response = client.post(
        reverse("finance:confirm", args=[order.number]),
        {"reference": "REF-3", "amount": "70.00", "note": "short"},
        follow=True,
    )

    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation, order.bank_reference) == (
        "awaiting_payment",
        True,
        "REF-3",
    )
    assert order.reconciliation_note == (
        "REF-3: ¥70.00 received; ¥70.00 of ¥78.00 so far, ¥8.00 outstanding. short"
    )
    assert list(Payment.objects.filter(order=order).values_list("amount", "status")) == [
        (Decimal("70.00"), "part")
    ]
    assert "¥8.00 is outstanding" in response.content.decode()
    awaiting = client.get(reverse("finance:awaiting")).content.decode()
    reconciliation = client.get(reverse("finance:reconciliation")).content.decode()
    assert order.number not in awaiting and order.number in reconciliation
    assert "Record a top-up (¥8.00 outstanding)" in reconciliation


def test_a_top_up_reaching_the_total_pays_the_order_and_lifts_the_flag(shop, finance):
    order = make_order(shop, payment_method="bank_transfer")
    order_confirm_bank_transfer(
        order=order, reference="REF-4", amount_received="70.00", actor=finance
    )

    order = order_confirm_bank_transfer(
        order=order, reference="REF-4B", amount_received="8.00", note="rest paid", actor=finance
    )

    assert (order.status, order.needs_reconciliation) == ("paid", False)
    assert order.reconciliation_note == "Settled: ¥78.00 received, the last REF-4B."
    assert list(
        Payment.objects.filter(order=order).order_by("pk").values_list("status", "amount")
    ) == [
        ("part", Decimal("70.00")),
        ("succeeded", Decimal("8.00")),
    ]
    assert order.bank_reference == "REF-4"
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


def test_a_top_up_cannot_reuse_the_first_transfers_reference(shop, finance):
    order = make_order(shop, payment_method="bank_transfer")
    order_confirm_bank_transfer(
        order=order, reference="REF-7", amount_received="70.00", actor=finance
    )

    with pytest.raises(FinanceInvalid, match="a top-up has a reference of its own"):
        order_confirm_bank_transfer(
            order=order, reference="REF-7", amount_received="8.00", actor=finance
        )

    assert Payment.objects.filter(order=order).count() == 1


def test_two_short_transfers_add_up_and_stay_outstanding(client, shop, finance):
    order = make_order(shop, payment_method="bank_transfer")
    for reference, amount in (("A-1", "30.00"), ("A-2", "20.50")):
        order_confirm_bank_transfer(
            order=order, reference=reference, amount_received=amount, actor=finance
        )
    client.force_login(finance)

    form = client.get(reverse("finance:confirm", args=[order.number])).content.decode()

    assert Order.objects.get(pk=order.pk).status == "awaiting_payment"
    assert "A-1" in form and "A-2" in form and "¥27.50 is outstanding" in form
    assert 'value="27.50"' in form  # the top-up's amount is filled in


def test_an_over_paid_transfer_pays_the_order_and_flags_the_excess_for_a_refund(
    client, shop, finance
):
    order = make_order(shop, payment_method="bank_transfer")
    order = order_confirm_bank_transfer(
        order=order, reference="REF-9", amount_received="100.00", actor=finance
    )
    assert (order.status, order.needs_reconciliation) == ("paid", True)
    assert order.reconciliation_note == (
        "REF-9: ¥100.00 received for ¥78.00 due; refund the excess of ¥22.00."
    )
    client.force_login(finance)
    assert (
        "Refund the excess ¥22.00"
        in client.get(reverse("finance:reconciliation")).content.decode()
    )

    client.post(reverse("finance:refund_excess", args=[order.number]))

    refund = Refund.objects.get()
    assert (refund.amount, refund.kind) == (Decimal("22.00"), "manual")
    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation) == ("paid", False)
    assert order.reconciliation_note == "Excess of ¥22.00 refunded."


def test_an_order_without_excess_has_nothing_to_refund_from_the_list(shop, finance):
    order = make_order(shop, payment_method="bank_transfer")
    order_confirm_bank_transfer(
        order=order, reference="REF-10", amount_received="70.00", actor=finance
    )

    with pytest.raises(FinanceInvalid, match="nothing beyond what is due"):
        order_excess_refund(order=order, actor=finance)

    assert Refund.objects.count() == 0


def test_the_amount_received_is_a_decimal_never_a_float(shop, finance):
    order = make_order(shop, payment_method="bank_transfer")
    for reference, amount in (("F-1", "0.10"), ("F-2", "0.20")):
        order_confirm_bank_transfer(
            order=order, reference=reference, amount_received=amount, actor=finance
        )

    assert order_outstanding(order) == Decimal("77.70")


def test_reconciling_needs_a_note_and_lifts_the_flag(client, shop, finance):
    order = make_order(shop, payment_method="bank_transfer")
    order_confirm_bank_transfer(
        order=order, reference="REF-5", amount_received="80.00", actor=finance
    )
    client.force_login(finance)

    empty = client.post(
        reverse("finance:reconcile", args=[order.number]), {"note": " "}, follow=True
    )
    still_flagged = Order.objects.get(pk=order.pk).needs_reconciliation
    client.post(
        reverse("finance:reconcile", args=[order.number]),
        {"note": "¥2.00 returned to the customer"},
    )

    assert (
        still_flagged is True and "Say how the difference was settled." in empty.content.decode()
    )
    order.refresh_from_db()
    assert (order.needs_reconciliation, order.reconciliation_note) == (
        False,
        "¥2.00 returned to the customer",
    )
    assert "commerce.order.reconcile" in log_actions(order)


def test_an_order_not_awaiting_payment_cannot_be_confirmed(shop, finance):
    order = paid_order(shop, finance)
    before = state(order)

    with pytest.raises(FinanceInvalid) as refused:
        order_confirm_bank_transfer(
            order=order, reference="REF-6", amount_received="78.00", actor=finance
        )

    assert refused.value.message == f"Order {order.number} is “Paid”, not awaiting payment."
    assert state(order) == before


def test_the_awaiting_list_searches_by_number_and_amount_in_constant_queries(
    client, shop, finance
):
    small, large = (
        make_order(shop, payment_method="bank_transfer"),
        make_order(shop, quantity=3, payment_method="bank_transfer"),
    )  # 78.00 and 204.00 (free shipping)
    make_order(shop, payment_method="cod")
    client.force_login(finance)

    with CaptureQueriesContext(connection) as few:
        everything = client.get(reverse("finance:awaiting")).content.decode()
    for _ in range(5):
        make_order(shop, payment_method="bank_transfer")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("finance:awaiting"))
    by_amount = client.get(reverse("finance:awaiting"), {"q": "204"}).content.decode()
    by_number = client.get(reverse("finance:awaiting"), {"q": small.number}).content.decode()

    assert small.number in everything and large.number in everything
    assert large.number in by_amount and small.number not in by_amount
    assert small.number in by_number and large.number not in by_number
    assert len(many) == len(few)


# Cash on delivery
# ----------------------------------------------------------------------------------------


def test_recording_a_collection_that_adds_up_pays_the_orders_and_logs(client, shop, finance):
    one, two = delivered_cod_order(shop), delivered_cod_order(shop, quantity=2)  # 78.00 + 146.00
    other_carrier = delivered_cod_order(shop, carrier_code="zto")
    sf = Carrier.objects.get(code="sf")
    client.force_login(finance)

    listing = client.get(reverse("finance:cod"), {"carrier": sf.pk}).content.decode()
    response = client.post(
        reverse("finance:cod"),
        {
            "carrier": sf.pk,
            "day": timezone.localdate().isoformat(),
            "amount": "224.00",
            "orders": [one.pk, two.pk],
            "note": "",
        },
    )

    assert one.number in listing and two.number in listing and other_carrier.number not in listing
    assert response.status_code == 302 and response["Location"] == reverse(
        "finance:cod_collections"
    )
    collection = CodCollection.objects.get()
    assert (collection.carrier, collection.amount, collection.recorded_by) == (
        sf,
        Decimal("224.00"),
        finance,
    )
    assert set(collection.orders.values_list("pk", flat=True)) == {one.pk, two.pk}
    assert sorted(
        Payment.objects.filter(order__in=[one, two], status="succeeded").values_list(
            "provider", "amount"
        )
    ) == [("cod", Decimal("78.00")), ("cod", Decimal("146.00"))]
    assert "commerce.cod.collect" in log_actions(one) and "commerce.cod.collect" in log_actions(
        two
    )
    assert one.number not in client.get(reverse("finance:cod")).content.decode()
    collections = client.get(reverse("finance:cod_collections")).content.decode()
    assert "224.00" in collections


def test_a_collection_that_does_not_add_up_explains_the_difference_and_records_nothing(
    client, shop, finance
):
    one, two = delivered_cod_order(shop), delivered_cod_order(shop)
    sf = Carrier.objects.get(code="sf")
    client.force_login(finance)
    data = {
        "carrier": sf.pk,
        "day": timezone.localdate().isoformat(),
        "amount": "150.00",
        "orders": [one.pk, two.pk],
        "note": "",
    }

    response = client.post(reverse("finance:cod"), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "The selected orders add up to ¥156.00 but ¥150.00 was handed in (¥6.00 less)." in page
    assert 'name="accept_difference"' in page
    assert CodCollection.objects.count() == 0 and Payment.objects.count() == 0
    assert Order.objects.filter(cod_collection__isnull=False).count() == 0


def test_a_difference_is_recorded_only_when_accepted_with_a_note(shop, finance):
    one = delivered_cod_order(shop)
    sf = Carrier.objects.get(code="sf")
    args = {
        "carrier": sf,
        "day": timezone.localdate(),
        "amount": "75.00",
        "orders": [one],
        "actor": finance,
    }

    with pytest.raises(CodDifference) as refused:
        cod_collection_record(**args)
    with pytest.raises(FinanceInvalid) as no_note:
        cod_collection_record(accept_difference=True, **args)
    collection = cod_collection_record(
        accept_difference=True, note="Courier kept ¥3 change", **args
    )

    assert refused.value.difference == Decimal("-3.00")
    assert no_note.value.message == "Explain the difference in the note."
    assert (collection.amount, collection.note) == (Decimal("75.00"), "Courier kept ¥3 change")
    one.refresh_from_db()
    assert one.cod_collection == collection


def test_a_carrier_hands_in_once_a_day_and_an_order_is_collected_once(shop, finance):
    one, two = delivered_cod_order(shop), delivered_cod_order(shop)
    sf, zto = Carrier.objects.get(code="sf"), Carrier.objects.get(code="zto")
    today = timezone.localdate()
    cod_collection_record(carrier=sf, day=today, amount="78.00", orders=[one], actor=finance)

    with pytest.raises(FinanceInvalid) as same_day:
        cod_collection_record(carrier=sf, day=today, amount="78.00", orders=[two], actor=finance)
    with pytest.raises(FinanceInvalid) as twice:
        cod_collection_record(
            carrier=sf, day=today - timedelta(days=1), amount="78.00", orders=[one], actor=finance
        )
    with pytest.raises(FinanceInvalid) as wrong_carrier:
        cod_collection_record(carrier=zto, day=today, amount="78.00", orders=[two], actor=finance)

    assert same_day.value.code == "collection_exists"
    assert twice.value.message == f"The cash for order {one.number} was already recorded."
    assert wrong_carrier.value.message == f"Order {two.number} was delivered by another carrier."
    assert CodCollection.objects.count() == 1
    assert Order.objects.get(pk=two.pk).cod_collection_id is None


def test_an_undelivered_cod_order_cannot_be_collected(shop, finance):
    order = make_order(shop, payment_method="cod")

    with pytest.raises(FinanceInvalid) as refused:
        cod_collection_record(
            carrier=Carrier.objects.get(code="sf"),
            day=timezone.localdate(),
            amount="78.00",
            orders=[order],
            actor=finance,
        )

    assert refused.value.code == "not_collectable"
    assert CodCollection.objects.count() == 0


# Refunds
# -------------------------------------------------------------------------------------------------


def test_a_cancelled_paid_order_waits_in_the_refund_queue_and_is_refunded_in_parts(
    client, shop, finance
):
    order = paid_order(shop, finance)
    order_transition(order=order, to_status=OrderStatus.CANCELLED)
    unpaid_cancelled = make_order(shop, payment_method="bank_transfer")
    order_transition(order=unpaid_cancelled, to_status=OrderStatus.CANCELLED)
    client.force_login(finance)

    queue = client.get(reverse("finance:refunds")).content.decode()
    form = client.get(reverse("finance:refund", args=[order.number])).content.decode()
    client.post(
        reverse("finance:refund", args=[order.number]), {"amount": "30.00", "reason": "Part one"}
    )
    after_first = client.get(reverse("finance:refunds")).content.decode()
    client.post(
        reverse("finance:refund", args=[order.number]), {"amount": "48.00", "reason": "The rest"}
    )

    assert order.number in queue and unpaid_cancelled.number not in queue
    assert 'value="78.00"' in form
    assert order.number in after_first and "48.00" in after_first
    assert sorted(Refund.objects.filter(order=order).values_list("amount", flat=True)) == [
        Decimal("30.00"),
        Decimal("48.00"),
    ]
    assert (
        reverse("finance:refund", args=[order.number])
        not in client.get(reverse("finance:refunds")).content.decode()
    )
    assert log_actions(order).count("commerce.order.refund") == 2


def test_a_refund_above_what_is_left_is_refused_and_nothing_changes(client, shop, finance):
    order = paid_order(shop, finance)
    order_refund(order=order, amount="50.00", reason="Damaged tin", actor=finance)
    before = state(order)
    client.force_login(finance)

    response = client.post(
        reverse("finance:refund", args=[order.number]), {"amount": "28.01", "reason": "More"}
    )

    assert response.status_code == 200
    assert f"At most ¥28.00 can be refunded on order {order.number}." in response.content.decode()
    assert state(order) == before


def test_any_paid_order_can_be_found_for_a_partial_refund(client, shop, finance):
    order = paid_order(shop, finance)
    unpaid = make_order(shop, payment_method="bank_transfer")
    client.force_login(finance)

    found = client.get(reverse("finance:refunds"), {"q": order.number}).content.decode()
    not_found = client.get(reverse("finance:refunds"), {"q": unpaid.number}).content.decode()

    assert reverse("finance:refund", args=[order.number]) in found
    assert reverse("finance:refund", args=[unpaid.number]) not in not_found


# Daily totals
# ----------------------------------------------------------------------------------------------


def at(day, hour=12):
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def test_daily_totals_are_payments_minus_refunds_per_day_and_method_in_one_query(
    client, shop, finance, django_assert_num_queries
):
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    transfer = paid_order(shop, finance)
    Payment.objects.filter(order=transfer).update(succeeded_at=at(yesterday, 23))
    order_refund(order=transfer, amount="8.00", reason="Late delivery", actor=finance)
    cod = delivered_cod_order(shop)
    cod_collection_record(
        carrier=Carrier.objects.get(code="sf"),
        day=today,
        amount="78.00",
        orders=[cod],
        actor=finance,
    )
    outside = paid_order(shop, finance)
    Payment.objects.filter(order=outside).update(succeeded_at=at(today - timedelta(days=10)))

    with django_assert_num_queries(1):
        rows = daily_totals(start=yesterday, end=today)

    assert [(row.day, row.method, row.received, row.refunded, row.net) for row in rows] == [
        (yesterday, "bank_transfer", Decimal("78.00"), Decimal("0.00"), Decimal("78.00")),
        (today, "bank_transfer", Decimal("0.00"), Decimal("8.00"), Decimal("-8.00")),
        (today, "cod", Decimal("78.00"), Decimal("0.00"), Decimal("78.00")),
    ]
    client.force_login(finance)
    page = client.get(
        reverse("finance:totals"), {"start": yesterday.isoformat(), "end": today.isoformat()}
    )
    assert page.status_code == 200 and "Cash on delivery" in page.content.decode()


def test_daily_totals_refuse_a_backwards_or_too_long_period(client, finance):
    client.force_login(finance)
    today = timezone.localdate()

    backwards = client.get(
        reverse("finance:totals"),
        {"start": today.isoformat(), "end": (today - timedelta(days=1)).isoformat()},
    )
    too_long = client.get(
        reverse("finance:totals"),
        {"start": (today - timedelta(days=400)).isoformat(), "end": today.isoformat()},
    )
    garbage = client.get(reverse("finance:totals"), {"start": "yesterday", "end": ""})

    assert "The end date is before the start date." in backwards.content.decode()
    assert "Choose at most 366 days." in too_long.content.decode()
    assert garbage.status_code == 200


# Role gates, dashboard, menu
# -----------------------------------------------------------------------------


def finance_requests(shop, finance):
    """Every finance URL with the POST that would change money, each on an order it would
    change."""
    awaiting = make_order(shop, payment_method="bank_transfer")
    flagged = make_order(shop, payment_method="bank_transfer")
    order_confirm_bank_transfer(
        order=flagged, reference="FLAG-1", amount_received="1.00", actor=finance
    )
    cod = delivered_cod_order(shop)
    refundable = paid_order(shop, finance)
    sf = Carrier.objects.get(code="sf")
    today = timezone.localdate().isoformat()
    return [awaiting, flagged, cod, refundable], [
        ("get", reverse("finance:awaiting"), {}),
        ("get", reverse("finance:reconciliation"), {}),
        ("get", reverse("finance:cod_collections"), {}),
        ("get", reverse("finance:refunds"), {}),
        ("get", reverse("finance:totals"), {}),
        (
            "post",
            reverse("finance:confirm", args=[awaiting.number]),
            {"reference": "CS-1", "amount": "78.00", "note": ""},
        ),
        ("post", reverse("finance:reconcile", args=[flagged.number]), {"note": "settled"}),
        (
            "post",
            reverse("finance:cod"),
            {"carrier": sf.pk, "day": today, "amount": "78.00", "orders": [cod.pk]},
        ),
        (
            "post",
            reverse("finance:refund", args=[refundable.number]),
            {"amount": "10.00", "reason": "goodwill"},
        ),
    ]


@pytest.mark.parametrize("role", ["Customer service", "Logistics", "Editors"])
def test_only_finance_changes_payment_state_everyone_else_gets_403_and_nothing_changes(
    client, shop, finance, staff_user, role
):
    orders, requests = finance_requests(shop, finance)
    before = [state(order) for order in orders]
    client.force_login(staff_user(role))

    statuses = [getattr(client, method)(url, data).status_code for method, url, data in requests]

    assert statuses == [403] * len(requests)
    assert [state(order) for order in orders] == before
    assert CodCollection.objects.count() == 0


def test_managers_use_the_finance_desk_too(client, shop, finance, staff_user):
    orders, requests = finance_requests(shop, finance)
    client.force_login(staff_user("Managers"))

    statuses = [getattr(client, method)(url, data).status_code for method, url, data in requests]

    assert statuses == [200] * 5 + [302] * 4
    awaiting, flagged, cod, refundable = orders
    assert Order.objects.get(pk=awaiting.pk).status == "paid"
    assert Order.objects.get(pk=flagged.pk).needs_reconciliation is False
    assert Order.objects.get(pk=cod.pk).cod_collection_id is not None
    assert Refund.objects.get(order=refundable).amount == Decimal("10.00")


def test_the_dashboard_panel_and_menu_show_the_counts_to_finance_only(
    client, shop, finance, staff_user
):
    make_order(shop, payment_method="bank_transfer")
    make_order(shop, payment_method="bank_transfer")
    delivered_cod_order(shop)

    client.force_login(finance)
    finance_home = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff_user("Customer service"))
    service_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert finance_counts() == {"awaiting": 2, "reconciliation": 0, "cod": 1, "refunds": 0}
    assert (
        "2 bank transfers to confirm" in finance_home
        and "1 cash-on-delivery order to collect" in finance_home
    )
    assert reverse("finance:awaiting") in finance_home
    assert (
        "bank transfers to confirm" not in service_home
        and reverse("finance:awaiting") not in service_home
    )
