"""The customer-service desk: notes, out-of-stock holds, order search, customer view, staff notes,
role gates."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from commerce.desks.service.services import (
    StaffNoteInvalid,
    order_search,
    service_counts,
    staff_note_add,
)
from commerce.models import Order, OrderStatus, Payment, StaffNote
from commerce.orders.services import order_transition
from tests.factories.commerce import (
    DELIVERY,
    give_red_packet,
    make_address,
    place_order,
)
from tests.factories.orders import make_order
from tests.factories.users import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(staff_user):
    return staff_user("Customer service")


def numbers(response) -> list[str]:
    """Order numbers in the page, in page order."""
    page = response.content.decode()
    found = [
        (page.find(number), number) for number in Order.objects.values_list("number", flat=True)
    ]
    return [number for position, number in sorted(found) if position >= 0]


# Lists
# -------------------------------------------------------------------------------------------------


def test_orders_with_a_customer_note_are_listed_newest_first_open_ones_by_default(
    client, shop, service
):
    older = make_order(shop, note="Ring twice")
    newer = make_order(shop, note="Leave at the reception")
    Order.objects.filter(pk=older.pk).update(placed_at=timezone.now() - timedelta(hours=2))
    make_order(shop)  # no note
    closed = make_order(shop, note="Gift wrap please")
    order_transition(order=closed, to_status=OrderStatus.CANCELLED)
    client.force_login(service)

    open_only = client.get(reverse("service:notes"))
    everything = client.get(reverse("service:notes"), {"all": "1"})

    assert numbers(open_only) == [newer.number, older.number]
    assert "Leave at the reception" in open_only.content.decode()
    assert numbers(everything) == [closed.number, newer.number, older.number]


def test_out_of_stock_holds_are_listed_with_their_staff_notes(client, shop, service):
    held = make_order(shop)
    for step in (OrderStatus.STOCKING, OrderStatus.OUT_OF_STOCK):
        held = order_transition(order=held, to_status=step)
    StaffNote.objects.create(order=held, text="Supplier delivers on Friday")
    make_order(shop)
    client.force_login(service)

    response = client.get(reverse("service:out_of_stock"))

    assert numbers(response) == [held.number]
    assert "Supplier delivers on Friday" in response.content.decode()


# Search
# -------------------------------------------------------------------------------------------------


def test_orders_are_found_by_number_mobile_or_e_mail_whole_or_prefix(shop):
    customer = UserFactory(email="li.na@example.com", mobile="13512345678")
    mine = make_order(shop, user=customer, mobile="13912345678")
    guest_order = place_order(
        user=None,
        quantities={shop.sku: 1},
        method=shop.method,
        email="Wang.Fang@Example.com",
        delivery=replace(DELIVERY, mobile="13787654321"),
    )
    other = make_order(shop)

    def found(query):
        return set(order_search(query).values_list("number", flat=True))

    assert found(mine.number) == {mine.number}
    assert mine.number in found(mine.number[:-2])
    assert found("13912345678") == {mine.number}
    assert found("139 1234") == {mine.number}
    assert found("13512345678") == {mine.number}  # the account's mobile
    assert found("li.na@example.com") == {mine.number}  # the account's e-mail
    assert found("wang.fang@example.com") == {guest_order.number}
    assert found("wang.f") == {guest_order.number}
    assert found("ab") == set()
    assert other.number not in found("13912345678")


def test_search_lists_orders_and_accounts_in_constant_queries(client, shop, service):
    customer = UserFactory(email="zhao.lei@example.com", mobile="13811112222")
    make_order(shop, user=customer)
    client.force_login(service)

    with CaptureQueriesContext(connection) as one_order:
        first = client.get(reverse("service:search"), {"q": "zhao.lei@"})
    for _ in range(6):
        make_order(shop, user=customer)
    with CaptureQueriesContext(connection) as seven_orders:
        second = client.get(reverse("service:search"), {"q": "zhao.lei@"})
    too_short = client.get(reverse("service:search"), {"q": "zh"})

    assert len(numbers(first)) == 1 and len(numbers(second)) == 7
    assert reverse("service:customer", args=[customer.pk]) in second.content.decode()
    assert len(seven_orders) == len(one_order)
    assert "Type at least 3 characters" in too_short.content.decode()


# One order, staff notes
# -----------------------------------------------------------------------------------


def test_the_order_page_shows_lines_history_and_notes_and_a_note_can_be_added(
    client, shop, service
):
    customer = UserFactory()
    order = make_order(shop, user=customer, note="Call before delivery")
    client.force_login(service)

    page = client.get(reverse("service:order", args=[order.number])).content.decode()
    response = client.post(
        reverse("service:order", args=[order.number]),
        {"text": "Called; delivery after 6 pm is fine."},
    )

    assert (
        "Green tea" in page
        and "Call before delivery" in page
        and "Confirmed (cash on delivery)" in page
    )
    assert reverse("service:customer", args=[customer.pk]) in page
    assert response.status_code == 302
    note = StaffNote.objects.get(order=order)
    assert (note.text, note.author) == ("Called; delivery after 6 pm is fine.", service)
    entry = ModelLogEntry.objects.get(object_id=str(order.pk), action="commerce.order.staff_note")
    assert entry.user == service
    assert (
        "Called; delivery after 6 pm is fine."
        in client.get(reverse("service:order", args=[order.number])).content.decode()
    )


def test_staff_notes_are_never_shown_to_the_customer(client, shop, service):
    customer = UserFactory()
    order = make_order(shop, user=customer)
    staff_note_add(order=order, text="Customer sounded upset", actor=service)

    client.login(username=customer.username, password=PASSWORD)
    page = client.get(reverse("order_detail", args=[order.number]))

    assert page.status_code == 200
    assert "Customer sounded upset" not in page.content.decode()


def test_an_empty_note_is_refused_and_nothing_is_written(client, shop, service):
    order = make_order(shop)
    client.force_login(service)

    response = client.post(reverse("service:order", args=[order.number]), {"text": "   "})

    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert StaffNote.objects.count() == 0
    with pytest.raises(StaffNoteInvalid):
        staff_note_add(order=order, text="", actor=service)


# Customer view
# --------------------------------------------------------------------------------------------


def test_the_customer_view_shows_profile_addresses_orders_and_red_packets(client, shop, service):
    customer = UserFactory(email="chen.jing@example.com", mobile="13822223333")
    make_address(customer, street="人民路 8 号")
    first, second = make_order(shop, user=customer), make_order(shop, user=customer)
    order_transition(order=second, to_status=OrderStatus.CANCELLED)
    give_red_packet(customer, name="Spring ¥20")
    client.force_login(service)

    response = client.get(reverse("service:customer", args=[customer.pk]))

    page = response.content.decode()
    assert "chen.jing@example.com" in page and "13822223333" in page and "人民路 8 号" in page
    assert first.number in page and second.number in page
    assert "2 orders, ¥78.00 spent" in page
    assert "Spring ¥20" in page


def test_the_customer_view_runs_the_same_queries_however_many_orders(client, shop, service):
    customer = UserFactory()
    make_order(shop, user=customer)
    client.force_login(service)

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("service:customer", args=[customer.pk]))
    for _ in range(5):
        make_order(shop, user=customer)
        give_red_packet(customer)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("service:customer", args=[customer.pk]))

    assert len(many) == len(few)


# Role gates, dashboard
# ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["Finance", "Logistics", "Editors"])
def test_other_roles_get_403_on_every_customer_service_page_and_write_no_note(
    client, shop, staff_user, role
):
    customer = UserFactory()
    order = make_order(shop, user=customer)
    client.force_login(staff_user(role))

    statuses = [
        client.get(reverse("service:notes")).status_code,
        client.get(reverse("service:out_of_stock")).status_code,
        client.get(reverse("service:search"), {"q": order.number}).status_code,
        client.get(reverse("service:order", args=[order.number])).status_code,
        client.get(reverse("service:customer", args=[customer.pk])).status_code,
        client.post(reverse("service:order", args=[order.number]), {"text": "hello"}).status_code,
    ]

    assert statuses == [403] * 6
    assert StaffNote.objects.count() == 0


def test_customer_service_cannot_confirm_payments_or_refund(client, shop, service):
    """The issue's role gate: customer service changes no payment state (403, nothing changed)."""
    order = make_order(shop, payment_method="bank_transfer")
    client.force_login(service)

    confirm = client.post(
        reverse("finance:confirm", args=[order.number]),
        {"reference": "CS-REF", "amount": str(order.total), "note": ""},
    )
    refund = client.post(
        reverse("finance:refund", args=[order.number]), {"amount": "1.00", "reason": "x"}
    )

    assert (confirm.status_code, refund.status_code) == (403, 403)
    order.refresh_from_db()
    assert (order.status, order.bank_reference, order.paid_at) == ("awaiting_payment", "", None)
    assert Payment.objects.filter(order=order).count() == 0


def test_managers_see_every_desk_and_its_dashboard_panel(client, shop, staff_user):
    make_order(shop, note="Ring twice")
    client.force_login(staff_user("Managers"))

    home = client.get(reverse("wagtailadmin_home")).content.decode()
    pages = [
        client.get(reverse(name)).status_code
        for name in ("service:notes", "finance:awaiting", "logistics:review")
    ]

    assert pages == [200, 200, 200]
    assert "1 open order with a customer note" in home and "bank transfers to confirm" in home
    assert service_counts() == {"notes": 1, "out_of_stock": 0}


def test_the_customer_service_panel_is_only_for_customer_service(
    client, shop, service, staff_user
):
    make_order(shop, note="Ring twice")

    client.force_login(service)
    service_home = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff_user("Finance"))
    finance_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert (
        "1 open order with a customer note" in service_home
        and reverse("service:notes") in service_home
    )
    assert (
        "open order with a customer note" not in finance_home
        and reverse("service:notes") not in finance_home
    )
