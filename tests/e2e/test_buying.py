"""A shopper buys: cart as a guest, sign-up with the cart kept, a red packet, checkout and the
order page.

The shop is built here, small enough to work every expected amount out by hand:

| product           | price  | stock |
| Longjing tea      | 100.00 | 5     |
| Tieguanyin oolong |  59.00 | 5     |

Delivery: "Standard" costs a flat ¥12.00 everywhere, never free (no threshold, so the
red packet cannot tip the order over or under one). Red packets take ¥20.00 off
any order (no minimum spend).

- Cash on delivery: 1 × 100.00 + 2 × 59.00 = 218.00 − 20.00 + 12.00 = 210.00.
- Bank transfer: 1 × 100.00 = 100.00 − 20.00 + 12.00 = 92.00.

The browser asks for English first (see the ``page`` fixture), so the texts are the
English source strings whatever state the Chinese catalogue is in.
"""

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from commerce.models import Cart, Order, RedPacket
from products.models import Stock
from tests.factories import UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import give_red_packet, make_red_packet_type, make_shipping_method
from tests.factories.users import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_EMAIL = "mei.lin@example.com"
NEW_PASSWORD = "Jasmine-pearls-2024"
ORDER_URL = re.compile(r"/account/orders/([^/]+)/$")


def make_shop() -> SimpleNamespace:
    """The two teas of the table above and the one shipping method."""
    tea = make_category("Tea", "tea")
    loose_leaf = make_product_type("Loose-leaf tea")
    longjing = make_product(
        name="Longjing tea", category=tea, product_type=loose_leaf, prices=["100.00"], on_hand=5
    )
    oolong = make_product(
        name="Tieguanyin oolong",
        category=tea,
        product_type=loose_leaf,
        prices=["59.00"],
        on_hand=5,
    )
    make_shipping_method("standard", base_fee="12.00", free_from=None, name="Standard")
    return SimpleNamespace(
        longjing=longjing,
        longjing_sku=longjing.variants.get().sku,
        oolong=oolong,
        oolong_sku=oolong.variants.get().sku,
    )


def cart_badge(page):
    return page.locator("header.site-header [data-cart-count]")


def add_to_cart(page, product, *, quantity: int) -> None:
    """Open the product page and add ``quantity`` with the add-to-cart form (cart.js sends it)."""
    page.goto(f"/en/products/{product.slug}/")
    expect(page.locator("h1.product__name")).to_have_text(product.name)
    form = page.locator("form[data-cart-form=add]")
    form.get_by_label("Quantity").fill(str(quantity))
    with page.expect_response(re.compile(r"/cart/add/$")) as answer:
        form.get_by_role("button", name="Add to cart").click()
    assert answer.value.status == 200
    expect(form.get_by_role("status")).not_to_be_empty()


def sign_in(page, user) -> None:
    page.goto("/en/account/login/")
    page.get_by_label("E-mail, mobile number or username").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    expect(
        page.locator("header.site-header").get_by_role("link", name="My account")
    ).to_be_visible()


def fill_checkout(page, *, payment: str, red_packet: str, note: str = "") -> None:
    """A new address in Guangdong, Standard delivery, ``payment``, the red packet named
    ``red_packet``."""
    page.get_by_label("Recipient").fill("林美")
    page.get_by_label("Mobile number").fill("13912345678")
    page.get_by_label("Province").select_option("guangdong")  # checkout.js fetches the fees for it
    page.get_by_label("City").fill("广州市")
    page.get_by_label("District").fill("天河区")
    page.get_by_label("Street address").fill("体育西路 100 号")
    page.get_by_label("Postcode").fill("510620")
    standard = page.locator("label.choice", has_text="Standard")
    expect(standard.locator("[data-fee-for]")).to_have_text("¥12.00")
    standard.get_by_role("radio").check()
    page.get_by_role("radio", name=payment).check()
    page.locator("label.choice", has_text=red_packet).get_by_role("radio").check()
    if note:
        page.get_by_label("Note for customer service").fill(note)
    page.get_by_role("button", name="Review order").click()
    expect(page).to_have_url(re.compile(r"/checkout/review/$"))


def expect_totals(totals, rows: list[tuple[str, str]]) -> None:
    """The totals list has exactly these (label, amount) rows, in order."""
    expect(totals.locator(".totals__row dt")).to_have_text([label for label, _amount in rows])
    expect(totals.locator(".totals__row dd")).to_have_text([amount for _label, amount in rows])


def place_order(page) -> Order:
    page.get_by_role("button", name="Place order").click()
    expect(page).to_have_url(ORDER_URL)
    return Order.objects.get(number=ORDER_URL.search(page.url)[1])


def stock_reserved(sku: str) -> int:
    return Stock.objects.get(sku=sku).reserved


def test_guest_fills_a_cart_signs_up_claims_a_red_packet_and_pays_cash_on_delivery(
    page, console_errors
):
    shop = make_shop()
    make_red_packet_type(amount="20.00", min_spend="0.00", claimable=True, name="Welcome ¥20")

    add_to_cart(page, shop.longjing, quantity=1)
    expect(cart_badge(page)).to_have_text("1")
    add_to_cart(page, shop.oolong, quantity=2)
    expect(cart_badge(page)).to_have_text("3")
    expect(
        page.locator("header.site-header").get_by_role("link", name="Cart (3 items)")
    ).to_be_visible()

    page.locator("header.site-header").get_by_role("link", name="Cart (3 items)").click()
    expect(page).to_have_url(re.compile(r"/cart/$"))
    expect(page.locator("[data-cart-line]")).to_have_count(2)
    expect(page.locator("[data-cart-subtotal]")).to_have_text("¥218.00")
    page.get_by_role("link", name="Proceed to checkout").click()

    # A guest may check out, and is offered to sign in for red packets first.
    expect(page).to_have_url(re.compile(r"/checkout/$"))
    page.get_by_role("note").get_by_role("link", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/account/login/\?next=/en/checkout/$"))
    page.get_by_role("link", name="Create an account").click()
    expect(page).to_have_url(re.compile(r"/account/signup/\?next=/en/checkout/$"))
    page.get_by_label("E-mail address").fill(NEW_EMAIL)
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_url(re.compile(r"/checkout/$"))
    expect(page.locator("ul.messages")).to_contain_text(
        "The items you added before signing in are in your cart."
    )
    expect(page.locator(".checkout__summary .order-lines tbody tr")).to_have_count(2)
    expect(cart_badge(page)).to_have_text("3")
    shopper = get_user_model().objects.get(email=NEW_EMAIL)
    assert dict(Cart.objects.get(user=shopper).lines.values_list("sku", "quantity")) == {
        shop.longjing_sku: 1,
        shop.oolong_sku: 2,
    }

    page.goto("/en/red-packets/")
    card = page.locator("article.red-packet", has_text="Welcome ¥20")
    card.get_by_role("button", name="Claim").click()
    expect(page.locator("ul.messages")).to_contain_text(
        "“Welcome ¥20” is now in your red packets."
    )
    expect(card.locator("[data-claim-state]")).to_have_attribute("data-claim-state", "claimed")

    page.goto("/en/checkout/")
    fill_checkout(
        page, payment="Cash on delivery", red_packet="Welcome ¥20", note="Please ring twice."
    )
    review = page.locator("main")
    expect(review).to_contain_text("林美 · 13912345678")
    expect(review).to_contain_text("Cash on delivery")
    expect(review).to_contain_text("Please ring twice.")
    expect_totals(
        page.locator(".checkout__summary .totals"),
        [
            ("Goods", "¥218.00"),
            ("Welcome ¥20", "−¥20.00"),
            ("Shipping (Standard)", "¥12.00"),
            ("Total", "¥210.00"),
            ("You save", "¥20.00"),
        ],
    )

    order = place_order(page)
    expect(page.locator("ul.messages")).to_contain_text(
        f"Thank you! Your order {order.number} has been placed."
    )
    expect(page.locator("h1")).to_have_text(f"Order {order.number}")
    expect(page.locator("[data-order-status]")).to_have_text("Confirmed (cash on delivery)")
    steps = page.locator("ol.timeline > li")
    expect(steps).to_have_count(7)
    expect(steps.first).to_have_attribute("aria-current", "step")
    expect(page.locator("ol.timeline > li[aria-current=step]")).to_have_count(1)
    expect(steps.first.locator(".timeline__label")).to_have_text("Confirmed (cash on delivery)")
    expect_totals(
        page.locator(".order-page .totals"),
        [
            ("Goods", "¥218.00"),
            ("Welcome ¥20", "−¥20.00"),
            ("Shipping (Standard)", "¥12.00"),
            ("Total", "¥210.00"),
            ("You save", "¥20.00"),
        ],
    )
    expect(page.get_by_role("button", name="Cancel order")).to_be_visible()
    expect(cart_badge(page)).to_be_hidden()

    assert Order.objects.count() == 1
    assert (order.user, order.status, order.payment_method) == (shopper, "confirmed", "cod")
    assert (order.subtotal, order.discount_total, order.shipping_fee, order.total) == (
        Decimal("218.00"),
        Decimal("20.00"),
        Decimal("12.00"),
        Decimal("210.00"),
    )
    assert order.customer_note == "Please ring twice."
    packet = RedPacket.objects.get(user=shopper)
    assert (packet.status, packet.used_on) == (RedPacket.Status.USED, order)
    assert (stock_reserved(shop.longjing_sku), stock_reserved(shop.oolong_sku)) == (1, 2)
    assert not Cart.objects.get(user=shopper).lines.exists()
    assert shopper.addresses.get().street == "体育西路 100 号"
    assert console_errors == []


def test_shopper_cancels_an_unpaid_bank_transfer_order_and_gets_the_red_packet_back(
    page, console_errors
):
    shop = make_shop()
    shopper = UserFactory()
    packet = give_red_packet(shopper, make_red_packet_type(amount="20.00", name="Loyalty ¥20"))

    sign_in(page, shopper)
    add_to_cart(page, shop.longjing, quantity=1)
    expect(cart_badge(page)).to_have_text("1")
    page.goto("/en/checkout/")
    fill_checkout(page, payment="Bank transfer", red_packet="Loyalty ¥20")
    expect_totals(
        page.locator(".checkout__summary .totals"),
        [
            ("Goods", "¥100.00"),
            ("Loyalty ¥20", "−¥20.00"),
            ("Shipping (Standard)", "¥12.00"),
            ("Total", "¥92.00"),
            ("You save", "¥20.00"),
        ],
    )

    order = place_order(page)
    expect(page.locator("[data-order-status]")).to_have_text("Awaiting payment")
    transfer = page.locator(
        "section", has=page.get_by_role("heading", name="Please pay by bank transfer")
    )
    expect(transfer).to_contain_text(
        f"Transfer ¥92.00 and write the order number {order.number} in the transfer note."
    )
    expect(page.locator("ol.timeline > li").first).to_have_attribute("aria-current", "step")
    expect(page.locator("ol.timeline > li[aria-current=step] .timeline__label")).to_have_text(
        "Awaiting payment"
    )
    packet.refresh_from_db()
    assert (packet.status, packet.used_on) == (RedPacket.Status.USED, order)
    assert stock_reserved(shop.longjing_sku) == 1

    questions = []
    page.wait_for_load_state("load")  # the confirm handler is attached by a deferred script
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Cancel order").click()
    expect(page.locator("[data-order-status]")).to_have_text("Cancelled")
    assert questions == ["Cancel this order?"]
    expect(page.locator("ul.messages")).to_contain_text("Your order has been cancelled.")
    expect(page.locator(".notice--warning")).to_have_text(
        "This order was cancelled. The red packet it used is back in your account."
    )
    expect(page.get_by_role("heading", name="Please pay by bank transfer")).to_have_count(0)
    expect(page.get_by_role("button", name="Cancel order")).to_have_count(0)
    # The cancelled timeline ends at the cancellation, which is where the order now stands.
    expect(page.locator("ol.timeline > li[aria-current=step] .timeline__label")).to_have_text(
        "Cancelled"
    )

    page.goto("/en/account/red-packets/")
    expect(page.locator("#red-packets-available article.red-packet")).to_have_count(1)
    expect(page.locator("#red-packets-available article.red-packet")).to_contain_text(
        "Loyalty ¥20"
    )
    expect(page.locator("#red-packets-used")).to_contain_text(
        "You have not used a red packet yet."
    )

    order.refresh_from_db()
    packet.refresh_from_db()
    assert order.status == "cancelled"
    assert (packet.status, packet.used_on) == (RedPacket.Status.AVAILABLE, None)
    assert stock_reserved(shop.longjing_sku) == 0
    assert console_errors == []
