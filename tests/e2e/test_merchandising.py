"""A merchandiser sets up a spend-and-save (满减) campaign, a manager approves it, a shopper
buys with it.

The shop is small enough to work every amount out by hand:

| product           | price  |
| Longjing tea      | 100.00 |
| Tieguanyin oolong |  59.00 |

The campaign "Spring tea 满减" takes ¥20.00 off from ¥199.00 over the two teas, picked by
hand. Delivery "Standard" costs a flat ¥12.00.

- One Longjing: ¥100.00, so the cart says to spend ¥99.00 more to save ¥20.00.
- Then two oolongs: 100.00 + 2 × 59.00 = 218.00 − 20.00 + 12.00 = 210.00, cash on delivery.
"""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from commerce.models import Order
from commerce.promotions.models import Campaign, CampaignKind
from tests.e2e.test_admin_editor import log_in
from tests.e2e.test_buying import add_to_cart, expect_totals, make_shop
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NAME = "Spring tea 满减"


def choose_product(page, inline_index: int, product_name: str) -> None:
    """Add a "Products picked by hand" row and pick ``product_name`` in the product chooser."""
    page.click("#id_campaign_products-ADD")
    chooser = page.locator(f"#id_campaign_products-{inline_index}-product-chooser")
    chooser.locator("[data-chooser-action-choose]").first.click()
    page.locator(".modal-content").get_by_role("link", name=product_name, exact=True).click()
    expect(chooser).to_contain_text(product_name)


def sign_out(page) -> None:
    """Log out of the admin as its account menu does (a POST with the page's CSRF token)."""
    page.goto("/admin/")
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    page.evaluate(
        """token => fetch("/admin/logout/", {method: "POST", headers: {"X-CSRFToken": token}})""",
        token,
    )
    page.context.clear_cookies()


def test_merchandiser_campaign_is_approved_and_a_shopper_checks_out_with_the_saving(page):
    shop = make_shop()
    UserFactory(username="merchandiser", groups=["Merchandisers"])
    UserFactory(username="manager", groups=["Managers"])

    # The merchandiser drafts the campaign and submits it.
    log_in(page, "merchandiser")
    page.goto("/admin/snippets/commerce/campaign/add/")
    page.fill("#id_name", NAME)
    page.fill("#id_badge", "满减")
    page.select_option("#id_kind", CampaignKind.SPEND_AND_SAVE.value)
    page.fill("#id_starts_at", "2020-01-01 00:00")
    page.fill("#id_ends_at", "2099-12-31 23:00")
    page.keyboard.press("Escape")  # closes the date picker
    page.click("#id_tiers-ADD")
    page.fill("#id_tiers-0-threshold", "199.00")
    page.fill("#id_tiers-0-amount_off", "20.00")
    page.get_by_role("tab", name="Products").click()
    choose_product(page, 0, shop.longjing.name)
    choose_product(page, 1, shop.oolong.name)
    page.click("footer .w-dropdown__toggle")  # "More actions" next to "Save draft"
    page.get_by_role("button", name="Submit to Editorial review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")

    campaign = Campaign.objects.get(name=NAME)
    assert not campaign.live
    draft = campaign.get_latest_revision_as_object()
    assert {row.product_id for row in draft.campaign_products.all()} == {
        shop.longjing.pk,
        shop.oolong.pk,
    }
    state = campaign.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert state.workflow.name == "Editorial review"

    # Not for sale until approved.
    page.goto(f"/en/products/{shop.longjing.slug}/")
    expect(page.locator("main")).not_to_contain_text(NAME)

    # The manager approves it, which publishes it.
    sign_out(page)
    log_in(page, "manager")
    page.goto(f"/admin/snippets/commerce/campaign/edit/{campaign.pk}/")
    page.click("footer .w-dropdown__toggle")
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"Campaign '{NAME}' updated.")
    campaign.refresh_from_db()
    assert campaign.live
    assert campaign.campaign_products.count() == 2

    # A shopper sees the campaign, gets the hint, then the saving, and checks out.
    sign_out(page)
    add_to_cart(page, shop.longjing, quantity=1)
    expect(page.locator(".spend-and-save")).to_have_text(f"满减 {NAME}: ¥20.00 off from ¥199.00")
    page.goto("/en/cart/")
    expect(page.locator(".cart-hint")).to_have_text(
        "Spend ¥99.00 more to save ¥20.00 (Spring tea 满减)"
    )
    add_to_cart(page, shop.oolong, quantity=2)
    page.goto("/en/cart/")
    expect(page.locator(".cart-hint")).to_have_count(0)
    expect(page.locator("[data-cart-subtotal]")).to_have_text("¥218.00")
    expect(page.locator(".cart-summary")).to_contain_text(NAME)
    expect(page.locator(".cart-summary__saving dd")).to_have_text("¥20.00")

    page.goto("/en/checkout/")
    page.fill("#id_email", "mei.lin@example.com")
    page.get_by_label("Recipient").fill("林美")
    page.get_by_label("Mobile number").fill("13912345678")
    page.get_by_label("Province").select_option("guangdong")
    page.get_by_label("City").fill("广州市")
    page.get_by_label("District").fill("天河区")
    page.get_by_label("Street address").fill("体育西路 100 号")
    page.get_by_label("Postcode").fill("510620")
    standard = page.locator("label.choice", has_text="Standard")
    expect(standard.locator("[data-fee-for]")).to_have_text("¥12.00")
    standard.get_by_role("radio").check()
    page.get_by_role("radio", name="Cash on delivery").check()
    page.get_by_role("button", name="Review order").click()
    expect(page).to_have_url(re.compile(r"/checkout/review/$"))
    rows = [
        ("Goods", "¥218.00"),
        (NAME, "−¥20.00"),
        ("Shipping (Standard)", "¥12.00"),
        ("Total", "¥210.00"),
        ("You save", "¥20.00"),
    ]
    expect_totals(page.locator(".checkout__summary .totals"), rows)

    page.get_by_role("button", name="Place order").click()  # a guest's order page
    expect(page.get_by_text("has been placed")).to_be_visible()
    order = Order.objects.get()
    expect_totals(page.locator(".order-page .totals"), rows)
    assert (order.subtotal, order.discount_total, order.shipping_fee, order.total) == (
        Decimal("218.00"),
        Decimal("20.00"),
        Decimal("12.00"),
        Decimal("210.00"),
    )
    assert Order.objects.count() == 1
