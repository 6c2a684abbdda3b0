"""The logistics desk in the admin: role gates, queues, shipping forms, bulk CSV, packing lists,
the dashboard panel, carriers, and the tracking link on the shopper's order page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commerce.models import Carrier, Order, OrderStatus, StaffNote
from tests.factories.orders import make_order, shipping_snapshot
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def logistics(client, staff_user):
    client.force_login(staff_user("Logistics"))
    return client


# Role gates
# -------------------------------------------------------------------------------------------------


def test_customer_service_cannot_ship_and_nothing_changes(client, staff_user, shop):
    order = make_order(shop, status=OrderStatus.PACKING)
    client.force_login(staff_user("Customer service"))

    ship = client.post(
        reverse("logistics:ship", args=[order.number]),
        {"carrier": Carrier.objects.get(code="sf").pk, "tracking_number": "SF1"},
    )
    bulk = client.post(reverse("logistics:bulk_ship"), {"csv_text": f"{order.number},sf,SF1"})

    assert (ship.status_code, bulk.status_code) == (403, 403)
    assert shipping_snapshot(order) == [(OrderStatus.PACKING, "", "", None)]


@pytest.mark.parametrize("role", ["Customer service", "Finance", "Editors"])
def test_other_roles_get_403_on_every_desk_page_and_action(client, staff_user, shop, role):
    order = make_order(shop, status=OrderStatus.STOCKING)
    client.force_login(staff_user(role))
    pages = [
        reverse("logistics:review"),
        reverse("logistics:stocking"),
        reverse("logistics:packing"),
        reverse("logistics:bulk_ship"),
        reverse("logistics:packing_list"),
        reverse("logistics:ship", args=[order.number]),
    ]

    responses = [client.get(url).status_code for url in pages]
    action = client.post(reverse("logistics:action", args=[order.number, "out-of-stock"]))

    assert responses == [403] * len(pages) and action.status_code == 403
    assert Order.objects.get(pk=order.pk).status == OrderStatus.STOCKING
    assert StaffNote.objects.count() == 0


def test_signed_out_visitors_are_sent_to_the_admin_login(client):
    response = client.get(reverse("logistics:review"))

    assert response.status_code == 302 and response["Location"].startswith(
        reverse("wagtailadmin_login")
    )


# Queues and actions
# -----------------------------------------------------------------------------------------------


def test_review_queue_lists_new_orders_with_their_problems(
    logistics, shop, django_assert_max_num_queries
):
    suspicious = [make_order(shop, mobile="13700000009") for _ in range(3)]
    clean = make_order(shop, status=OrderStatus.PAID, payment_method="bank_transfer")
    make_order(shop, status=OrderStatus.PACKING)
    for _ in range(10):
        make_order(shop)

    with django_assert_max_num_queries(20):
        response = logistics.get(reverse("logistics:review"))

    rows = {
        order.number: [problem.code for problem in problems]
        for order, problems in response.context["rows"]
    }
    assert len(rows) == 14
    assert [rows[order.number] for order in suspicious] == [["mobile_burst"]] * 3
    assert rows[clean.number] == []
    assert "3 or more orders from this mobile number within 24 hours." in response.content.decode()


def test_review_accept_and_flag_buttons_change_the_order_and_return_to_the_queue(logistics, shop):
    accepted, flagged = make_order(shop), make_order(shop)
    queue = reverse("logistics:review") + "?q=1"

    accept = logistics.post(
        reverse("logistics:action", args=[accepted.number, "accept"]), {"next": queue}, follow=True
    )
    flag = logistics.post(
        reverse("logistics:action", args=[flagged.number, "flag"]),
        {"reason": "Address is a parcel locker", "next": "https://evil.example/"},
    )

    assert accept.redirect_chain == [(queue, 302)]
    assert f"Order {accepted.number} was reviewed and goes to stocking." in messages_of(accept)
    assert flag["Location"] == reverse("logistics:review")
    assert Order.objects.get(pk=accepted.pk).status == OrderStatus.STOCKING
    assert Order.objects.values_list("flagged", "flag_reason").get(pk=flagged.pk) == (
        True,
        "Address is a parcel locker",
    )
    flagged_only = logistics.get(reverse("logistics:review") + "?flagged=1")
    assert [order.number for order, _problems in flagged_only.context["rows"]] == [flagged.number]


def test_a_refused_action_is_a_message_not_an_error_page(logistics, shop):
    order = make_order(shop, status=OrderStatus.PACKING)

    response = logistics.post(
        reverse("logistics:action", args=[order.number, "stock-confirm"]), follow=True
    )

    assert response.status_code == 200
    assert messages_of(response) == ["An order that is “Packing” cannot become “Packing”."]


def test_actions_need_post(logistics, shop):
    order = make_order(shop, status=OrderStatus.STOCKING)

    response = logistics.get(reverse("logistics:action", args=[order.number, "stock-confirm"]))

    assert response.status_code == 405
    assert Order.objects.get(pk=order.pk).status == OrderStatus.STOCKING


def test_stocking_page_confirms_stock_or_marks_out_of_stock(logistics, shop):
    ready, missing = (
        make_order(shop, status=OrderStatus.STOCKING),
        make_order(shop, status=OrderStatus.STOCKING),
    )

    page = logistics.get(reverse("logistics:stocking"))
    logistics.post(reverse("logistics:action", args=[ready.number, "stock-confirm"]))
    logistics.post(
        reverse("logistics:action", args=[missing.number, "out-of-stock"]), {"note": "Tea ran out"}
    )

    assert ready.number in page.content.decode() and missing.number in page.content.decode()
    assert Order.objects.get(pk=ready.pk).status == OrderStatus.PACKING
    assert Order.objects.get(pk=missing.pk).status == OrderStatus.OUT_OF_STOCK
    assert StaffNote.objects.get(order=missing).text.endswith("Tea ran out")


# Shipping
# -------------------------------------------------------------------------------------------------


def test_logistics_ships_an_order_with_a_carrier_and_tracking_number(logistics, shop):
    order = make_order(shop, status=OrderStatus.PACKING)
    sf = Carrier.objects.get(code="sf")

    form = logistics.get(reverse("logistics:ship", args=[order.number]))
    response = logistics.post(
        reverse("logistics:ship", args=[order.number]),
        {"carrier": sf.pk, "tracking_number": "SF1234567890"},
        follow=True,
    )

    assert 'name="tracking_number"' in form.content.decode()
    assert response.redirect_chain == [(reverse("logistics:packing"), 302)]
    assert f"Order {order.number} was shipped." in messages_of(response)
    assert shipping_snapshot(order) == [(OrderStatus.SHIPPED, "SF1234567890", sf.name, sf.pk)]


def test_a_refused_shipment_shows_the_reason_on_the_form(logistics, shop):
    order = make_order(shop, status=OrderStatus.STOCKING)

    response = logistics.post(
        reverse("logistics:ship", args=[order.number]),
        {"carrier": Carrier.objects.get(code="sf").pk, "tracking_number": "SF1"},
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "An order that is “Stocking” cannot become “Shipped”."
    ]
    assert shipping_snapshot(order) == [(OrderStatus.STOCKING, "", "", None)]


def test_bulk_csv_with_a_bad_row_leaves_every_order_unchanged_and_reports_the_row(logistics, shop):
    good, other = (
        make_order(shop, status=OrderStatus.PACKING),
        make_order(shop, status=OrderStatus.PACKING),
    )
    text = f"order_number,carrier,tracking\r\n{good.number},sf,SF1\r\n{other.number},nope,SF2\r\n"

    response = logistics.post(reverse("logistics:bulk_ship"), {"csv_text": text})

    assert response.status_code == 200
    assert [
        (row.line, row.order_number, row.message) for row in response.context["row_errors"]
    ] == [(3, other.number, "Unknown carrier code “nope”.")]
    page = response.content.decode()
    assert (
        "Nothing was shipped: 1 lines have problems." in page
        and "Unknown carrier code “nope”." in page
    )
    assert shipping_snapshot(good, other) == [(OrderStatus.PACKING, "", "", None)] * 2


def test_bulk_csv_upload_from_excel_ships_every_order(logistics, shop):
    first, second = (
        make_order(shop, status=OrderStatus.PACKING),
        make_order(shop, status=OrderStatus.PACKING),
    )
    upload = SimpleUploadedFile(
        "ship.csv",
        f"订单号,运单号\r\n{first.number},JD1\r\n{second.number},JD2\r\n".encode("gb18030"),
        content_type="text/csv",
    )
    jd = Carrier.objects.get(code="jd")

    response = logistics.post(
        reverse("logistics:bulk_ship"), {"csv_file": upload, "carrier": jd.pk}, follow=True
    )

    assert "2 orders were shipped." in messages_of(response)
    assert shipping_snapshot(first, second) == [
        (OrderStatus.SHIPPED, "JD1", jd.name, jd.pk),
        (OrderStatus.SHIPPED, "JD2", jd.name, jd.pk),
    ]


def test_bulk_form_needs_exactly_one_source(logistics):
    response = logistics.post(reverse("logistics:bulk_ship"), {"csv_text": ""})

    assert response.context["form"].non_field_errors() == [
        "Upload a CSV file or paste the lines (one of the two)."
    ]


def test_packing_list_prints_the_ticked_orders(logistics, shop):
    ticked, other = (
        make_order(shop, status=OrderStatus.PACKING),
        make_order(shop, status=OrderStatus.PACKING),
    )

    chosen = logistics.get(reverse("logistics:packing_list"), {"order": [ticked.pk]})
    everything = logistics.get(reverse("logistics:packing_list"))

    page = chosen.content.decode()
    assert f'data-order="{ticked.number}"' in page and f'data-order="{other.number}"' not in page
    assert "@media print" in page and "Collect ¥" in page and shop.sku in page
    assert everything.content.decode().count('class="packing-slip"') == 2


# Dashboard, menu, carriers
# ---------------------------------------------------------------------------------------


def test_dashboard_panel_shows_counts_to_logistics_only(client, staff_user, shop):
    make_order(shop)
    make_order(shop, status=OrderStatus.PACKING)
    client.force_login(staff_user("Logistics"))
    logistics_home = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff_user("Customer service"))
    service_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "data-logistics-panel" in logistics_home
    assert '<td data-count="review">1</td>' in logistics_home
    assert '<td data-count="packing">1</td>' in logistics_home
    assert reverse("logistics:review") in logistics_home  # the menu
    assert (
        "data-logistics-panel" not in service_home
        and reverse("logistics:review") not in service_home
    )


def test_logistics_edits_carriers_but_nobody_deletes_one(client, staff_user):
    sf = Carrier.objects.get(code="sf")
    client.force_login(staff_user("Logistics"))

    edit = client.post(
        reverse("wagtailsnippets_commerce_carrier:edit", args=[sf.pk]),
        {
            "name": sf.name,
            "code": "sf",
            "tracking_url_template": "https://sf.example/{number}",
            "sort_order": 0,
            "active": "on",
        },
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    delete = client.post(reverse("wagtailsnippets_commerce_carrier:delete", args=[sf.pk]))

    assert edit.status_code == 302
    assert Carrier.objects.get(pk=sf.pk).tracking_url("1") == "https://sf.example/1"
    assert delete.status_code in (302, 403) and Carrier.objects.filter(pk=sf.pk).exists()


def test_customer_service_cannot_change_carriers(client, staff_user):
    client.force_login(staff_user("Customer service"))

    response = client.get(reverse("wagtailsnippets_commerce_carrier:list"))

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


# The shopper's side
# ---------------------------------------------------------------------------------------------


def test_the_shoppers_order_page_links_to_the_carriers_tracking_page(client, logistics, shop):
    order = make_order(shop, status=OrderStatus.PACKING)
    logistics.post(
        reverse("logistics:ship", args=[order.number]),
        {"carrier": Carrier.objects.get(code="yunda").pk, "tracking_number": "YD42"},
    )
    client.force_login(Order.objects.get(pk=order.pk).user)

    page = client.get(reverse("order_detail", args=[order.number])).content.decode()

    assert (
        '<a href="https://www.yundaex.com/cn/index.php?number=YD42" rel="noopener" target="_blank"'
        in page
    )
