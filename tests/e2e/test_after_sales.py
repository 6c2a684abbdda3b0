"""After-sales end to end in four browsers: the shopper returns one of two lines of a delivered
order with a photo, customer service approves, logistics books the parcel in, finance refunds,
and the shopper sees "Refunded" and has the e-mail (a real SMTP server, aiosmtpd).

The order: two tins of Green tea at ¥68.00 and a Tea cup at ¥25.00, ¥10.00 shipping,
paid online (the demo gateway); one tin comes back, so ¥68.00 is refunded.
"""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from commerce.models import AfterSalesRequest, Refund
from commerce.outbox.services import emails_send_pending
from products.models import Stock
from tests.commerce import conftest as commerce_fixtures
from tests.commerce.after_sales.conftest import Goods, deliver, pay_online
from tests.e2e import test_running_orders as running
from tests.factories.commerce import place_order
from tests.factories.users import UserFactory

# Fixtures and steps shared with the order-running test.
smtp_server = commerce_fixtures.smtp_server
staff_browser = running.staff_browser
sign_in, admin_sign_in, expect_message = (
    running.sign_in,
    running.admin_sign_in,
    running.expect_message,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def delivered(settings):
    settings.PAYMENT_DEMO_GATEWAY = True
    goods = Goods()
    shopper = UserFactory(username="lin", email="lin@example.com")
    order = place_order(
        user=shopper,
        quantities={goods.tea.sku: 2, goods.cup.sku: 1},
        method=goods.method,
        payment_method="demo",
    )
    return deliver(pay_online(order)), shopper, goods


def test_a_shopper_returns_one_line_and_is_refunded(
    page,
    staff_browser,
    delivered,
    staff_user,
    smtp_server,
    tmp_path,
):
    order, shopper, goods = delivered
    on_hand = Stock.objects.get(sku=goods.tea.sku).on_hand
    picture = tmp_path / "dent.png"
    from PIL import Image

    Image.new("RGB", (64, 48), (180, 30, 30)).save(picture)

    sign_in(page, shopper)
    page.goto(f"/en/account/orders/{order.number}/")
    page.get_by_role("link", name="Apply for after-sales").click()
    page.get_by_label("Quantity: Green tea").fill("1")
    page.get_by_label("Type").select_option("return")
    page.get_by_label("Reason").select_option("damaged")
    page.get_by_label("Describe the problem").fill("The tin arrived dented.")
    page.get_by_label("Photos").set_input_files(str(picture))
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_test_id("after-sales-status")).to_have_text("Submitted")
    case = AfterSalesRequest.objects.get()
    assert [(line.order_line.product_name, line.quantity) for line in case.lines.all()] == [
        ("Green tea", 1)
    ]

    service = staff_browser.open()
    admin_sign_in(service, staff_user("Customer service"))
    service.goto("/admin/after-sales/")
    service.get_by_role("link", name=case.number).click()
    expect(service.locator(".after-sales-photos img")).to_have_count(1)
    expect(service.get_by_label("Refund proposed (¥)")).to_have_value("68.00")
    service.locator("form[data-action=approve]").get_by_role("button", name="Approve").click()
    expect_message(service, f"Request {case.number} was approved")

    page.reload()
    expect(page.get_by_test_id("after-sales-status")).to_have_text(
        "Approved: awaiting your parcel"
    )
    page.get_by_label("Carrier").select_option(label="顺丰速运 SF Express")
    page.get_by_label("Tracking number").fill("SF7777777777")
    page.get_by_role("button", name="Save the tracking number").click()
    expect(page.get_by_role("link", name="SF7777777777")).to_be_visible()

    logistics = staff_browser.open()
    admin_sign_in(logistics, staff_user("Logistics"))
    logistics.goto("/admin/after-sales/returns/expected/")
    logistics.get_by_role("link", name=case.number).click()
    logistics.get_by_role("button", name="Book the parcel in").click()
    expect_message(logistics, "was booked in")

    finance = staff_browser.open()
    admin_sign_in(finance, staff_user("Finance"))
    finance.goto("/admin/after-sales/refunds/")
    finance.get_by_role("link", name=case.number).click()
    finance.get_by_label("Through the payment provider").check()
    finance.locator("form[data-action=refund]").get_by_role("button", name="Refund").click()
    expect_message(finance, f"¥68.00 was refunded for request {case.number}.")

    page.reload()
    expect(page.get_by_test_id("after-sales-status")).to_have_text("Refunded")
    expect(page.get_by_text(re.compile(r"¥68\.00 was refunded on"))).to_be_visible()
    assert Refund.objects.get().amount == Decimal("68.00")
    assert Stock.objects.get(sku=goods.tea.sku).on_hand == on_hand + 1
    emails_send_pending()
    subjects = [message["Subject"] for message in smtp_server.messages]
    assert f"[Shop] After-sales request {case.number}: Refunded" in subjects
    assert all(message["To"] == shopper.email for message in smtp_server.messages)
    assert staff_browser.errors == []
