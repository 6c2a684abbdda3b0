"""A total that changed between the review page and "place order" is confirmed, never charged
silently: nothing is placed, the review page shows the new total and what changed, and
confirming again places the order at the new total."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commerce.cart.services import cart_add_line
from commerce.models import Cart, Order
from commerce.promotions.models import CampaignKind
from products.models import Product, Stock
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_address, make_shipping_method
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

D = Decimal


@pytest.fixture
def shop(db):
    kind = make_product_type()
    category = make_category("Audio", "audio")
    earbuds = make_product(
        category=category, product_type=kind, name="Earbuds", prices=["100.00"], on_hand=5
    )
    return {
        "earbuds": earbuds,
        "sku": earbuds.variants.get().sku,
        "method": make_shipping_method(base_fee="10.00", free_from="999.00"),
    }


@pytest.fixture
def reviewed(client, shop):
    """A signed-in shopper with one pair of earbuds on the review page (¥110.00 with shipping)."""
    user = UserFactory(email="shopper@example.com")
    address = make_address(user)
    cart = Cart.objects.create(user=user)
    cart_add_line(cart=cart, sku=shop["sku"], quantity=1)
    client.force_login(user)
    client.post(
        reverse("checkout"),
        {
            "address": str(address.pk),
            "shipping_method": str(shop["method"].pk),
            "payment_method": "cod",
        },
    )
    review = client.get(reverse("checkout_review"))
    assert review.context["breakdown"].total == D("110.00")
    return {
        "checkout_key": client.session["checkout"]["key"],
        "reviewed": review.context["reviewed"],
    }


def publish_price(product: Product, price: str) -> None:
    """A merchandiser publishes a new list price, as the admin would (a new revision)."""
    product = Product.objects.get(pk=product.pk)
    variant = product.variants.get()
    variant.price = D(price)
    product.variants = [variant]
    product.save_revision().publish()


def test_a_price_published_between_review_and_place_is_confirmed_first(client, shop, reviewed):
    publish_price(shop["earbuds"], "120.00")

    refused = client.post(reverse("checkout_place"), reviewed)

    assert refused["Location"] == reverse("checkout_review")
    assert Order.objects.count() == 0
    assert Stock.objects.get(sku=shop["sku"]).reserved == 0
    page = client.get(reverse("checkout_review"))
    html = page.content.decode()
    assert page.context["breakdown"].total == D("130.00")
    assert page.context["changed"] == {
        "reviewed": "110.00",
        "total": "130.00",
        "changes": ["Earbuds: ¥100.00 → ¥120.00 each."],
    }
    assert "The total has changed" in html
    assert "You reviewed ¥110.00; your order now comes to ¥130.00." in html
    assert "Confirm and place order (¥130.00)" in html

    placed = client.post(
        reverse("checkout_place"),
        {"checkout_key": reviewed["checkout_key"], "reviewed": page.context["reviewed"]},
    )

    order = Order.objects.get()
    assert placed["Location"] == reverse("order_detail", kwargs={"number": order.number})
    assert (order.subtotal, order.total) == (D("120.00"), D("130.00"))


def test_a_campaign_ending_between_review_and_place_says_its_discount_is_gone(client, shop):
    campaign = make_campaign(
        kind=CampaignKind.PERCENT_OFF,
        name="Audio week",
        percent_off="10",
        products=[shop["earbuds"]],
    )
    user = UserFactory()
    address = make_address(user)
    cart_add_line(cart=Cart.objects.create(user=user), sku=shop["sku"], quantity=2)
    client.force_login(user)
    client.post(
        reverse("checkout"),
        {
            "address": str(address.pk),
            "shipping_method": str(shop["method"].pk),
            "payment_method": "cod",
        },
    )
    review = client.get(reverse("checkout_review"))
    assert review.context["breakdown"].total == D("190.00")
    campaign.unpublish()

    client.post(
        reverse("checkout_place"),
        {
            "checkout_key": client.session["checkout"]["key"],
            "reviewed": review.context["reviewed"],
        },
    )

    assert Order.objects.count() == 0
    changed = client.get(reverse("checkout_review")).context["changed"]
    assert changed["changes"] == ["Audio week (−¥20.00) no longer applies."]
    assert (changed["reviewed"], changed["total"]) == ("190.00", "210.00")


def test_an_unchanged_total_places_the_order_straight_away(client, shop, reviewed):
    client.post(reverse("checkout_place"), reviewed)

    assert Order.objects.get().total == D("110.00")


@pytest.mark.parametrize("token", ["", "forged", "x" * 400])
def test_a_missing_or_edited_reviewed_total_places_nothing(client, shop, reviewed, token):
    response = client.post(
        reverse("checkout_place"),
        {"checkout_key": reviewed["checkout_key"], "reviewed": token},
        follow=True,
    )

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("checkout_review")
    assert "Please check the total and place your order again." in response.content.decode()
    assert Order.objects.count() == 0


def test_another_checkouts_reviewed_total_is_not_accepted(client, shop, reviewed):
    client.post(
        reverse("checkout"),
        {
            "address": str(client.session["checkout"]["address_id"]),
            "shipping_method": str(shop["method"].pk),
            "payment_method": "cod",
        },
    )  # a new checkout: a new key

    client.post(
        reverse("checkout_place"),
        {"checkout_key": client.session["checkout"]["key"], "reviewed": reviewed["reviewed"]},
    )

    assert Order.objects.count() == 0
