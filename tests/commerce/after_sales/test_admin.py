"""The after-sales desk in the admin: each role sees its queue and takes its own steps only."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from commerce.after_sales.selectors import sla_colour
from commerce.after_sales.services import after_sales_approve, after_sales_request_create
from commerce.models import AfterSalesRequest, Refund, StockMovement
from products.models import Stock

from .conftest import line_of

pytestmark = pytest.mark.django_db
XSS = "<script>alert(1)</script>"


@pytest.fixture
def staff(staff_user):
    return {
        role: staff_user(group)
        for role, group in {
            "service": "Customer service",
            "logistics": "Logistics",
            "finance": "Finance",
            "manager": "Managers",
            "editor": "Editors",
            "merchandiser": "Merchandisers",
        }.items()
    }


def file_request(order, user, **fields):
    values = {
        "kind": "return",
        "reason": "no_reason",
        "description": "Too big.",
        "quantities": {line_of(order, "tea").pk: 1},
    }
    values.update(fields)
    return after_sales_request_create(order=order, user=user, **values)


def action(case, name):
    return reverse("after_sales:action", kwargs={"number": case.number, "action": name})


PAGES = {
    "after_sales:queue": {"service", "manager"},
    "after_sales:expected": {"logistics", "manager"},
    "after_sales:received": {"logistics", "manager"},
    "after_sales:refunds": {"finance", "manager"},
    "after_sales:reports": {"service", "logistics", "finance", "manager", "merchandiser"},
}


@pytest.mark.parametrize("url_name", PAGES)
def test_each_queue_opens_for_its_roles_only(client, staff, url_name):
    for role, user in staff.items():
        client.force_login(user)
        status = client.get(reverse(url_name)).status_code
        assert status == (200 if role in PAGES[url_name] else 403), (role, url_name)


def test_the_request_page_opens_for_the_three_roles_not_for_editors(
    client, staff, delivered, shopper
):
    case = file_request(delivered, shopper)
    url = reverse("after_sales:detail", kwargs={"number": case.number})

    statuses = {}
    for role, user in staff.items():
        client.force_login(user)
        statuses[role] = client.get(url).status_code

    assert statuses == {
        "service": 200,
        "logistics": 200,
        "finance": 200,
        "manager": 200,
        "editor": 403,
        "merchandiser": 403,
    }


def test_the_queue_shows_oldest_first_with_sla_colours_in_few_queries(
    client, staff, place, shopper, django_assert_max_num_queries
):
    cases = [file_request(place(), shopper) for _ in range(4)]
    now = timezone.now()
    AfterSalesRequest.objects.filter(pk=cases[0].pk).update(created_at=now - timedelta(hours=30))
    AfterSalesRequest.objects.filter(pk=cases[1].pk).update(created_at=now - timedelta(hours=13))
    client.force_login(staff["service"])

    with django_assert_max_num_queries(14):
        page = client.get(reverse("after_sales:queue")).content.decode()

    positions = [page.index(case.number) for case in cases]
    assert positions == sorted(positions)
    badge = 'class="after-sales-sla after-sales-sla--'
    assert [page.count(badge + colour) for colour in ("late", "due", "ok")] == [1, 1, 2]


def test_sla_colour_turns_at_half_and_at_the_limit(settings):
    settings.AFTER_SALES_SLA_HOURS = 10
    now = timezone.now()

    assert sla_colour(now - timedelta(hours=4, minutes=59), now=now) == "ok"
    assert sla_colour(now - timedelta(hours=5), now=now) == "due"
    assert sla_colour(now - timedelta(hours=10), now=now) == "late"


def test_service_approves_logistics_receives_finance_refunds(
    client, staff, delivered, shopper, goods
):
    case = file_request(delivered, shopper)
    on_hand = Stock.objects.get(sku=goods.tea.sku).on_hand

    client.force_login(staff["service"])
    client.post(action(case, "approve"), {"return_needed": "on", "refund_amount": "68.00"})
    client.force_login(staff["logistics"])
    client.post(
        action(case, "receive"),
        {f"units_{case.lines.get().pk}": "1", f"condition_{case.lines.get().pk}": "resaleable"},
    )
    client.force_login(staff["finance"])
    client.post(action(case, "refund"), {"kind": "manual", "amount": "68.00", "reference": "B-1"})

    case.refresh_from_db()
    assert case.status == "refunded" and case.refund.amount == Decimal("68.00")
    assert Stock.objects.get(sku=goods.tea.sku).on_hand == on_hand + 1


def test_a_role_cannot_take_another_roles_step(client, staff, delivered, shopper):
    case = file_request(delivered, shopper)

    client.force_login(staff["logistics"])
    approve = client.post(action(case, "approve"), {"return_needed": "on"})
    client.force_login(staff["finance"])
    reject = client.post(action(case, "reject"), {"message": "No."})
    client.force_login(staff["editor"])
    note = client.post(action(case, "note"), {"note": "hi"})

    assert (approve.status_code, reject.status_code, note.status_code) == (403, 403, 403)
    case.refresh_from_db()
    assert case.status == "submitted" and not case.events.filter(internal=True).exists()


def test_a_manual_refund_needs_the_transfer_reference(client, staff, delivered, shopper):
    case = file_request(delivered, shopper, kind="refund_only", reason="missing")
    after_sales_approve(
        request=case, actor=staff["service"], return_needed=False, refund_amount="68.00"
    )
    client.force_login(staff["finance"])

    response = client.post(
        action(case, "refund"), {"kind": "manual", "amount": "68.00"}, follow=True
    )

    assert "Enter the reference of the bank transfer you made." in response.content.decode()
    assert not Refund.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"units_X": "abc", "condition_X": "resaleable"}, "Quantities are whole numbers."),
        (
            {"units_X": "5", "condition_X": "resaleable"},
            "At most 1 of “Green tea” were announced.",
        ),
        (
            {"units_X": "1", "condition_X": "broken"},
            "Choose the condition of every item received.",
        ),
        ({"units_X": "0", "condition_X": "resaleable"}, "Enter how many items arrived."),
    ],
)
def test_bad_receipts_are_messages_and_change_nothing(
    client, staff, delivered, shopper, data, message
):
    case = file_request(delivered, shopper)
    after_sales_approve(
        request=case, actor=staff["service"], return_needed=True, refund_amount="68.00"
    )
    pk = str(case.lines.get().pk)
    movements = StockMovement.objects.count()
    client.force_login(staff["logistics"])

    response = client.post(
        action(case, "receive"), {k.replace("X", pk): v for k, v in data.items()}, follow=True
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    case.refresh_from_db()
    assert case.status == "awaiting_parcel" and StockMovement.objects.count() == movements


def test_the_shoppers_text_is_escaped_in_the_admin(client, staff, delivered, shopper):
    case = file_request(delivered, shopper, description=XSS)
    client.force_login(staff["service"])

    detail = client.get(reverse("after_sales:detail", kwargs={"number": case.number}))
    queue = client.get(reverse("after_sales:queue"))

    for page in (detail.content.decode(), queue.content.decode()):
        assert XSS not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_notes_stay_with_staff(client, staff, delivered, shopper):
    case = file_request(delivered, shopper)
    client.force_login(staff["logistics"])

    client.post(action(case, "note"), {"note": "Box was crushed on arrival."})
    client.force_login(shopper)
    page = client.get(case.get_absolute_url()).content.decode()

    assert case.events.get(internal=True).message == "Box was crushed on arrival."
    assert "crushed" not in page


def test_an_unknown_request_is_404_for_staff_and_403_for_others(client, staff):
    url = reverse("after_sales:detail", kwargs={"number": "AS000"})

    client.force_login(staff["service"])
    found = client.get(url).status_code
    client.force_login(staff["editor"])
    other = client.get(url).status_code

    assert (found, other) == (404, 403)


def test_the_numbers_page_counts_and_rates(client, staff, delivered, shopper):
    file_request(delivered, shopper)
    client.force_login(staff["service"])

    page = client.get(reverse("after_sales:reports")).content.decode()

    assert "1 request since" in page
    assert "Changed my mind (no reason)" in page
    assert "50%" in page  # one of the two tins of tea asked back


def test_the_dashboard_panel_counts_for_the_role(client, staff, delivered, shopper):
    file_request(delivered, shopper)
    client.force_login(staff["service"])

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "1 request waiting for an answer" in page
    assert "refunds to pay" not in page


def test_logistics_sends_an_exchange_and_ships_it_like_any_order(
    client, staff, delivered, shopper, goods
):
    from commerce.desks.logistics.services import (
        order_review_accept,
        order_ship_with_carrier,
        order_stock_confirm,
    )
    from commerce.inventory.selectors import stock_ledger_mismatches
    from commerce.models import Carrier

    case = file_request(delivered, shopper, kind="exchange", reason="wrong_item")
    after_sales_approve(request=case, actor=staff["service"], return_needed=True)
    line = case.lines.get()
    client.force_login(staff["logistics"])
    client.post(
        action(case, "receive"), {f"units_{line.pk}": "1", f"condition_{line.pk}": "resaleable"}
    )
    page = client.get(
        reverse("after_sales:detail", kwargs={"number": case.number})
    ).content.decode()
    assert f'name="sku_{line.pk}"' in page and "Create the replacement order" in page

    done = client.post(action(case, "replace"), {f"sku_{line.pk}": goods.tea.sku}, follow=True)

    case.refresh_from_db()
    replacement = case.replacement_order
    assert f"Replacement order {replacement.number}" in done.content.decode()
    assert replacement.number in client.get(reverse("logistics:review")).content.decode()
    order_review_accept(order=replacement, actor=staff["logistics"])
    order_stock_confirm(order=replacement, actor=staff["logistics"])
    order_ship_with_carrier(
        order=replacement,
        carrier=Carrier.objects.get(code="sf"),
        tracking_number="SF100200300",
        actor=staff["logistics"],
    )
    replacement.refresh_from_db()
    assert replacement.status == "shipped"
    assert list(stock_ledger_mismatches()) == []
    client.force_login(shopper)
    order_page = client.get(replacement.get_absolute_url()).content.decode()
    assert f"Replacement for after-sales request {case.number}, at no charge." in order_page
    request_page = client.get(case.get_absolute_url()).content.decode()
    assert f'href="{replacement.get_absolute_url()}" data-replacement' in request_page


def test_median_times_read_as_hours_and_days():
    from commerce.after_sales.selectors import duration_text

    assert [
        duration_text(value)
        for value in (
            None,
            timedelta(seconds=40),
            timedelta(hours=3, minutes=5, seconds=59),
            timedelta(days=2, hours=4, minutes=30),
        )
    ] == ["—", "under a minute", "3 h 5 min", "2 d 4 h"]
