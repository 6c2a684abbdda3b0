"""What shoppers see of campaigns beyond the cards: the order keeps each discount by name and
each line's campaign; the cart shows the saving per line and the 满减 hint."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commerce.cart.services import cart_add_line
from commerce.models import Cart
from commerce.orders.models import NamedDiscount
from commerce.promotions.models import CampaignKind
from products.models import ProductType
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

D = Decimal


@pytest.fixture
def shop(db):
    kind = make_product_type()
    category = make_category("Tea", "tea")
    tea = make_product(category=category, product_type=kind, name="Oolong", prices=["100.00"])
    cup = make_product(category=category, product_type=kind, name="Cup", prices=["63.00"])
    make_campaign(kind=CampaignKind.PERCENT_OFF, name="Tea week", percent_off="10", products=[tea])
    make_campaign(
        kind=CampaignKind.SPEND_AND_SAVE,
        name="Spring",
        whole_shop=True,
        tiers=[("199", "20"), ("399", "50")],
    )
    return {
        "tea": tea.variants.get().sku,
        "cup": cup.variants.get().sku,
        "method": make_shipping_method(base_fee="0.00"),
    }


def test_the_order_keeps_each_discount_by_name_and_each_lines_campaign(shop):
    order = place_order(
        user=UserFactory(), quantities={shop["tea"]: 2, shop["cup"]: 1}, method=shop["method"]
    )

    # 2 × 90.00 + 63.00 = 243.00 after Tea week: the ¥199 tier of Spring.
    assert order.named_discounts == [
        NamedDiscount(label="Tea week", amount=D("20.00")),
        NamedDiscount(label="Spring", amount=D("20.00")),
    ]
    assert (order.discount_total, order.total) == (D("40.00"), D("223.00"))
    assert dict(order.lines.values_list("sku", "campaign_name")) == {
        shop["tea"]: "Tea week",
        shop["cup"]: "Spring",
    }


def test_the_cart_shows_the_saving_per_line_and_what_is_missing_for_the_next_tier(client, shop):
    user = UserFactory()
    cart = Cart.objects.create(user=user)
    cart_add_line(cart=cart, sku=shop["tea"], quantity=1)
    client.force_login(user)

    page = client.get(reverse("cart"))

    html = page.content.decode()
    # 90.00 after Tea week: ¥109 short of the ¥199 tier.
    assert page.context["cart"].breakdown.hints == ["Spend ¥109.00 more to save ¥20.00 (Spring)"]
    assert "Spend ¥109.00 more to save ¥20.00 (Spring)" in html
    assert "Tea week saves ¥10.00" in html
    assert "You save" in html


def test_the_order_page_names_each_discount_and_the_saving(client, shop):
    buyer = UserFactory(email="buyer@example.com")
    order = place_order(
        user=buyer, quantities={shop["tea"]: 2, shop["cup"]: 1}, method=shop["method"]
    )
    client.force_login(buyer)

    html = client.get(order.get_absolute_url()).content.decode()

    for text in ["Tea week", "Spring", "−¥20.00", "You save", "¥40.00"]:
        assert text in html
    assert 'order-lines__campaign">Tea week<' in html


def test_the_order_e_mail_names_each_discount_and_the_saving(
    shop, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        place_order(
            user=UserFactory(email="buyer@example.com"),
            quantities={shop["tea"]: 2, shop["cup"]: 1},
            method=shop["method"],
        )

    (message,) = smtp_server.messages
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Tea week: −¥20.00" in text and "Spring: −¥20.00" in text
    assert "You save: ¥40.00" in text
    assert "Tea week" in html and "You save" in html


def test_the_product_page_shows_the_spend_and_save_offers_that_cover_it(client, shop):
    kind = ProductType.objects.get()
    bowl = make_product(
        category=make_category("Pottery", "pottery"), product_type=kind, name="Bowl"
    )
    only_this_sku = make_product(
        category=bowl.primary_category, product_type=kind, name="Kettle", prices=["80.00"]
    )
    make_campaign(
        kind=CampaignKind.SPEND_AND_SAVE,
        name="Kettle days",
        sku_table=only_this_sku.variants.get().sku,
        tiers=[("150", "15")],
    )

    kettle_page = client.get(only_this_sku.url).content.decode()
    bowl_page = client.get(bowl.url).content.decode()

    assert "Spring" in kettle_page and "Kettle days" in kettle_page
    assert "¥20.00 off from ¥199.00 · ¥50.00 off from ¥399.00" in kettle_page
    assert "¥15.00 off from ¥150.00" in kettle_page
    assert "Spring" in bowl_page and "Kettle days" not in bowl_page
