"""Running an order end to end: the shopper pays online, finance sees the money, logistics ships,
the shopper tracks.

Three people, each in their own browser context (their own cookies): the shopper on
the storefront, a Finance and a Logistics member of staff in the Wagtail admin.

The shop: one Longjing tea at ¥100.00 (10 in stock) and "Standard" delivery at a flat
¥12.00, never free, so the order costs 100.00 + 12.00 = ¥112.00. It is paid with the
demo gateway (the pretend provider whose "Pay" button sends a signed notification)
and shipped with SF Express, whose tracking page the migrations preload.

The browsers ask for English first, so the texts are the English source strings
whatever state the Chinese catalogue is in, and the order's e-mails are English too.
"""

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from commerce.inventory.selectors import stock_ledger_mismatches
from commerce.models import Carrier, Order, OutgoingEmail, Payment
from products.models import Stock
from tests.e2e.conftest import SCREENSHOT_PATH, TIMEOUT_MS, call_failed_key
from tests.factories import UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_address, make_shipping_method
from tests.factories.users import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TRACKING_NUMBER = "SF1234567890"
SF_TRACKING_URL = "https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890"
DEMO_PAGE_URL = re.compile(r"/payments/demo/([^/]+)/\?token=[^&]+$")


@pytest.fixture
def staff_browser(chromium, live_server, request):
    """``staff_browser.open()`` gives a page in a browser context of its own, for one member of
    staff.

    Console and script errors of all those pages go to ``staff_browser.errors``; on a
    failing test each page leaves a screenshot /tmp/e2e-<test name>-staff-<n>.png.
    """
    contexts, errors = [], []

    def open_page():
        context = chromium.new_context(
            base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        staff_page = context.new_page()
        staff_page.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )
        staff_page.on("pageerror", lambda error: errors.append(str(error)))
        return staff_page

    yield SimpleNamespace(open=open_page, errors=errors)
    failed = request.node.stash.get(call_failed_key, False)
    for number, context in enumerate(contexts, start=1):
        if failed:
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{request.node.name}-staff-{number}")
            context.pages[0].screenshot(path=SCREENSHOT_PATH.format(name=name), full_page=True)
        context.close()


def sign_in(page, user) -> None:
    page.goto("/en/account/login/")
    page.get_by_label("E-mail, mobile number or username").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    expect(
        page.locator("header.site-header").get_by_role("link", name="My account")
    ).to_be_visible()


def admin_sign_in(page, user) -> None:
    page.goto("/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def add_to_cart(page, product) -> None:
    """Open the product page and add one with the add-to-cart form (cart.js sends it)."""
    page.goto(f"/en/products/{product.slug}/")
    form = page.locator("form[data-cart-form=add]")
    with page.expect_response(re.compile(r"/cart/add/$")) as answer:
        form.get_by_role("button", name="Add to cart").click()
    assert answer.value.status == 200
    expect(page.locator("header.site-header [data-cart-count]")).to_have_text("1")


def expect_message(page, text: str) -> None:
    """The Wagtail admin's message area says ``text``."""
    expect(page.locator(".messages")).to_contain_text(text)


def test_shopper_pays_online_finance_sees_it_logistics_ships_it_and_the_shopper_tracks_it(
    page, console_errors, staff_browser, staff_user
):
    tea = make_product(
        name="Longjing tea",
        category=make_category("Tea", "tea"),
        product_type=make_product_type("Loose-leaf tea"),
        prices=["100.00"],
        on_hand=10,
    )
    sku = tea.variants.get().sku
    make_shipping_method("standard", base_fee="12.00", free_from=None, name="Standard")
    shopper = UserFactory()
    make_address(shopper)
    finance, logistics = staff_user("Finance"), staff_user("Logistics")
    sf_express = Carrier.objects.get(code="sf")

    # The shopper checks out with the demo online payment.
    sign_in(page, shopper)
    add_to_cart(page, tea)
    page.goto("/en/checkout/")
    standard = page.locator("label.choice", has_text="Standard")
    expect(standard.locator("[data-fee-for]")).to_have_text("¥12.00")
    standard.get_by_role("radio").check()
    page.get_by_role("radio", name="Online payment (demo)").check()
    page.get_by_role("button", name="Review order").click()
    expect(page).to_have_url(re.compile(r"/checkout/review/$"))
    expect(page.locator("main")).to_contain_text("Online payment (demo)")
    expect(page.locator(".checkout__summary .totals .totals__row--total dd")).to_have_text(
        "¥112.00"
    )
    page.get_by_role("button", name="Place order").click()

    # Off to the demo gateway, which takes the money.
    expect(page).to_have_url(DEMO_PAGE_URL)
    order = Order.objects.get(number=DEMO_PAGE_URL.search(page.url)[1])
    expect(page.locator("h1")).to_have_text("Demo payment")
    expect(page.locator(".payment-page .totals__row--total dd")).to_have_text("¥112.00")
    assert (order.status, order.payment_method, order.total) == (
        "awaiting_payment",
        "demo",
        Decimal("112.00"),
    )
    page.get_by_role("button", name="Pay", exact=True).click()

    expect(page).to_have_url(re.compile(rf"/payments/return/{order.number}/\?token=[^&]+$"))
    expect(page.locator(".payment-page [role=status]")).to_have_text(
        "Thank you! We have received your payment of ¥112.00."
    )
    page.get_by_role("link", name="View your order").click()
    expect(page).to_have_url(re.compile(rf"/account/orders/{order.number}/$"))
    expect(page.locator("[data-order-status]")).to_have_text("Paid")
    expect(page.get_by_role("link", name="Pay now")).to_have_count(0)
    expect(
        page.get_by_role("region", name="Payments and refunds").locator("tbody td")
    ).to_have_text([re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d$"), "Payment received", "¥112.00"])

    # Finance sees the order paid, and the money in the takings of the day it came in.
    paid_on = timezone.localdate(Payment.objects.get(order=order).succeeded_at)
    finance_page = staff_browser.open()
    admin_sign_in(finance_page, finance)
    finance_page.goto("/admin/orders/")
    listed = finance_page.locator("tbody tr", has_text=order.number)
    expect(listed.locator("td", has_text=re.compile(r"^\s*Paid\s*$"))).to_have_count(1)
    finance_page.goto("/admin/finance/totals/")
    expect(finance_page.locator("table.listing tbody tr")).to_have_count(1)
    expect(finance_page.locator("table.listing tbody tr td")).to_have_text(
        [paid_on.isoformat(), "Online payment (demo)", "¥112.00", "¥0.00", "¥112.00"]
    )

    # Logistics accepts it, confirms the stock and ships it with SF Express.
    desk = staff_browser.open()
    admin_sign_in(desk, logistics)
    desk.goto("/admin/logistics/")
    row = desk.locator(f"tr[data-order='{order.number}']")
    expect(row).to_contain_text("No problems found.")
    row.get_by_role("button", name="Send to stocking").click()
    expect_message(desk, f"Order {order.number} was reviewed and goes to stocking.")
    desk.locator("nav.logistics-nav").get_by_role("link", name="Stocking").click()
    desk.locator(f"tr[data-order='{order.number}']").get_by_role(
        "button", name="Stock confirmed: to packing"
    ).click()
    expect_message(desk, f"Order {order.number} goes to packing.")
    desk.locator("nav.logistics-nav").get_by_role("link", name="Packing and shipping").click()
    desk.locator(f"tr[data-order='{order.number}']").get_by_role(
        "link", name="Ship", exact=True
    ).click()
    expect(desk).to_have_url(re.compile(rf"/admin/logistics/ship/{order.number}/$"))
    desk.get_by_label("Carrier").select_option(label=sf_express.name)
    desk.get_by_label("Tracking number").fill(TRACKING_NUMBER)
    desk.get_by_role("button", name="Mark shipped").click()
    expect(desk).to_have_url(re.compile(r"/admin/logistics/packing/$"))
    expect_message(desk, f"Order {order.number} was shipped.")

    # The shopper sees it shipped, with a link to SF Express's tracking page.
    page.reload()
    expect(page.locator("[data-order-status]")).to_have_text("Shipped")
    expect(page.locator("p.tracking")).to_contain_text("SF Express")
    tracking = page.locator("p.tracking").get_by_role("link", name=TRACKING_NUMBER)
    expect(tracking).to_have_attribute("href", SF_TRACKING_URL)

    order.refresh_from_db()
    assert (order.status, order.shipping_carrier, order.tracking_number) == (
        "shipped",
        sf_express,
        TRACKING_NUMBER,
    )
    payment = Payment.objects.get(order=order)
    assert (payment.provider, payment.status, payment.amount) == (
        "demo",
        "succeeded",
        Decimal("112.00"),
    )
    assert Stock.objects.filter(sku=sku).values_list("on_hand", "reserved").get() == (9, 0)
    assert stock_ledger_mismatches() == []
    emails = {email.kind: email for email in OutgoingEmail.objects.filter(order=order)}
    assert {kind: (email.status, email.to) for kind, email in emails.items()} == dict.fromkeys(
        ("placed", "paid", "shipped"), ("sent", shopper.email)
    )
    assert TRACKING_NUMBER in emails["shipped"].text_body
    assert SF_TRACKING_URL in emails["shipped"].text_body
    assert sorted(message.subject.split("] ", 1)[1] for message in mail.outbox) == [
        f"Payment received for order {order.number}",
        f"We have received your order {order.number}",
        f"Your order {order.number} has shipped",
    ]
    assert all(message.to == [shopper.email] for message in mail.outbox)
    assert console_errors == []
    assert staff_browser.errors == []
