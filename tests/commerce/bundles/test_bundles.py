"""Bundles (套餐): the discount comes and goes with the whole bundle in the cart, the set is
added in one go with each SKU's stock checked, and the main product's page offers it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commerce.bundles.models import Bundle
from commerce.models import Cart
from commerce.pricing import price_basket, variants_for_pricing
from commerce.promotions.models import CampaignKind
from products.models import Stock
from tests.factories.bundles import make_bundle
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

D = Decimal


@pytest.fixture
def shop(db):
    """A teapot (¥200, two colours) with cups (¥30) and a tray (¥50) as companions."""
    kind = make_product_type()
    category = make_category("Tea ware", "tea-ware")
    teapot = make_product(
        category=category, product_type=kind, name="Teapot", prices=["200.00", "200.00"]
    )
    cups = make_product(category=category, product_type=kind, name="Cups", prices=["30.00"])
    tray = make_product(category=category, product_type=kind, name="Tray", prices=["50.00"])
    skus = {
        "teapot": teapot.variants.get(sort_order=0).sku,
        "teapot_blue": teapot.variants.get(sort_order=1).sku,
        "cups": cups.variants.get().sku,
        "tray": tray.variants.get().sku,
    }
    bundle = make_bundle(
        main_product=teapot,
        name="Tea set",
        items=[(skus["cups"], "20.00"), (skus["tray"], "40.00")],
    )
    return {"teapot": teapot, "cups": cups, "skus": skus, "bundle": bundle}


def priced(shop, **quantities):
    variants = variants_for_pricing([shop["skus"][name] for name in quantities])
    return price_basket(
        lines=[(variants[shop["skus"][name]], qty) for name, qty in quantities.items()]
    )


def test_the_bundle_discount_needs_the_main_product_and_every_companion(shop):
    whole = priced(shop, teapot=1, cups=1, tray=1)
    without_tray = priced(shop, teapot=1, cups=1)
    without_teapot = priced(shop, cups=1, tray=1)

    assert [(d.label, d.amount) for d in whole.discounts] == [("Tea set", D("20.00"))]
    assert whole.total == D("260.00")
    assert without_tray.discounts == [] and without_teapot.discounts == []


def test_the_discount_counts_whole_sets_only_and_any_colour_of_the_main_product(shop):
    breakdown = priced(shop, teapot=1, teapot_blue=1, cups=3, tray=2)

    # Two teapots, two trays: two sets; the third cups at the list price.
    assert breakdown.discount_total == D("40.00")
    by_sku = {line.sku: line.discount for line in breakdown.lines}
    assert by_sku[shop["skus"]["cups"]] == D("20.00")
    assert by_sku[shop["skus"]["tray"]] == D("20.00")


def test_a_companion_on_campaign_gets_the_better_price_not_both(shop):
    make_campaign(kind=CampaignKind.PERCENT_OFF, percent_off="50", products=[shop["cups"]])

    breakdown = priced(shop, teapot=1, cups=1, tray=1)

    cups = next(line for line in breakdown.lines if line.sku == shop["skus"]["cups"])
    assert cups.total == D("15.00")  # 50 % off beats the ¥20.00 bundle price
    assert breakdown.total == D("255.00")


def test_a_draft_or_regional_bundle_elsewhere_gives_nothing(shop):
    shop["bundle"].unpublish()
    make_bundle(
        main_product=shop["teapot"],
        name="Guangdong set",
        items=[(shop["skus"]["cups"], "10.00")],
        provinces=["guangdong"],
    )
    variants = variants_for_pricing([shop["skus"]["teapot"], shop["skus"]["cups"]])
    lines = [(variants[shop["skus"]["teapot"]], 1), (variants[shop["skus"]["cups"]], 1)]

    assert price_basket(lines=lines, province="beijing").discount_total == D("0.00")
    assert price_basket(lines=lines, province="guangdong").discount_total == D("20.00")


def test_bundles_are_under_the_editorial_review_workflow(shop):
    assert Bundle().get_workflow().name == "Editorial review"


def test_adding_the_bundle_adds_its_lines_together(client, shop):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("bundle_add", args=[shop["bundle"].pk]),
        {"sku": shop["skus"]["teapot_blue"]},
        follow=True,
    )

    assert "The bundle is in your cart." in response.content.decode()
    cart = Cart.objects.get(user=user)
    assert dict(cart.lines.values_list("sku", "quantity")) == {
        shop["skus"]["teapot_blue"]: 1,
        shop["skus"]["cups"]: 1,
        shop["skus"]["tray"]: 1,
    }
    page = client.get(reverse("cart")).content.decode()
    assert "Tea set saves ¥10.00" in page


def test_a_companion_out_of_stock_adds_nothing_and_says_which(client, shop):
    Stock.objects.filter(sku=shop["skus"]["tray"]).update(on_hand=0)
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("bundle_add", args=[shop["bundle"].pk]),
        {"sku": shop["skus"]["teapot"]},
        follow=True,
    )

    assert "Tray" in response.content.decode() and "out of stock" in response.content.decode()
    assert not Cart.objects.filter(user=user, lines__isnull=False).exists()


@pytest.mark.parametrize("sku", ["", "nope", "P-unknown"])
def test_a_bundle_with_a_sku_not_of_its_main_product_is_refused(client, shop, sku):
    client.force_login(UserFactory())

    response = client.post(
        reverse("bundle_add", args=[shop["bundle"].pk]), {"sku": sku}, follow=True
    )

    assert response.status_code == 200
    assert "This bundle is not available any more." in response.content.decode()
    assert not Cart.objects.filter(lines__isnull=False).exists()


def test_taking_a_companion_out_takes_the_discount_away_and_says_so(client, shop):
    client.force_login(UserFactory())
    client.post(reverse("bundle_add", args=[shop["bundle"].pk]), {"sku": shop["skus"]["teapot"]})

    response = client.post(reverse("cart_line_remove", args=[shop["skus"]["tray"]]), follow=True)

    html = response.content.decode()
    assert "The bundle price of Tea set no longer applies" in html
    assert response.context["cart"].breakdown.discount_total == D("0.00")


def test_the_main_products_page_offers_the_bundle_with_its_saving(client, shop):
    html = client.get(shop["teapot"].url).content.decode()

    assert "Bought together" in html
    assert "Tea set" in html and "Bought together you save ¥20.00" in html
    assert reverse("bundle_add", args=[shop["bundle"].pk]) in html
    assert "Bought together" not in client.get(shop["cups"].url).content.decode()


def test_the_order_keeps_the_bundle_discount(shop):
    order = place_order(
        user=UserFactory(),
        quantities={shop["skus"]["teapot"]: 1, shop["skus"]["cups"]: 1, shop["skus"]["tray"]: 1},
        method=make_shipping_method(base_fee="0.00"),
    )

    assert (order.discount_total, order.total) == (D("20.00"), D("260.00"))
    assert [d.label for d in order.named_discounts] == ["Tea set"]
