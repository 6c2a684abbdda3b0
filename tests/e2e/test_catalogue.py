"""A shopper narrows the catalogue, opens a product, picks a variant and prices delivery.

The catalogue is built here, small enough to work every expected value out by hand:

In the filtered listing means: brand Alpha, price ¥1000–3000.

| product    | brand | price(s)                   | storage | in the filtered listing?   |
| Alpha Lite | Alpha | 199                        | 128     | no: too cheap              |
| Alpha Plus | Alpha | 1099                       | 128     | yes                        |
| Alpha Pro  | Alpha | 1299; 1499 with 3 in stock | 256     | yes                        |
| Alpha Max  | Alpha | 3499                       | 256     | no: too dear               |
| Beta One   | Beta  | 899                        | 128     | no: other brand, too cheap |
| Beta Two   | Beta  | 1199                       | 256     | no: other brand            |

Delivery: "Standard" costs ¥12.00 plus ¥11.00 to Xinjiang; "Express" costs ¥25.00 everywhere.
"""

import re
from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from commerce.models import RegionRule, ShippingMethod
from products.models import Stock
from tests.factories import BrandPageFactory, ImageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def make_catalogue() -> SimpleNamespace:
    """The products of the table above, the two shipping methods and the Xinjiang surcharge."""
    phones = make_category("Phones", "phones")
    phone = make_product_type(
        "Phone",
        option_1_name="Colour",
        attributes=[
            {
                "code": "storage",
                "name": "Storage",
                "kind": "choice",
                "choices": "128\n256",
                "unit": "GB",
                "filterable": True,
            },
        ],
    )
    alpha = BrandPageFactory(title="Alpha", slug="alpha")
    beta = BrandPageFactory(title="Beta", slug="beta")

    def product(name, brand, prices, storage, **kwargs):
        return make_product(
            name=name,
            category=phones,
            product_type=phone,
            brand=brand,
            prices=prices,
            attributes={"storage": storage},
            **kwargs,
        )

    product("Alpha Lite", alpha, ["199.00"], "128")
    product("Alpha Plus", alpha, ["1099.00"], "128")
    pro = product(
        "Alpha Pro", alpha, ["1299.00", "1499.00"], "256", image=ImageFactory(title="Alpha Pro")
    )
    product("Alpha Max", alpha, ["3499.00"], "256")
    product("Beta One", beta, ["899.00"], "128")
    product("Beta Two", beta, ["1199.00"], "256")
    first_sku, second_sku = pro.variants.order_by("sort_order").values_list("sku", flat=True)
    Stock.objects.filter(sku=second_sku).update(
        on_hand=3
    )  # at or under the low-stock threshold of 5

    standard = ShippingMethod.objects.create(
        name="Standard", code="standard", base_fee=Decimal("12.00"), sort_order=1
    )
    RegionRule.objects.create(method=standard, province="xinjiang", surcharge=Decimal("11.00"))
    ShippingMethod.objects.create(
        name="Express", code="express", base_fee=Decimal("25.00"), sort_order=2
    )
    return SimpleNamespace(pro=pro, first_sku=first_sku, second_sku=second_sku)


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def expect_image_loaded(image) -> None:
    """The browser fetched and decoded the image."""
    width = image.evaluate(
        "img => img.complete ? img.naturalWidth : new Promise(done => {"
        " img.addEventListener('load', () => done(img.naturalWidth));"
        " img.addEventListener('error', () => done(0)); })"
    )
    assert width > 0, f"{image.evaluate('img => img.currentSrc')} did not load"


def filter_by_brand_and_price(page) -> None:
    """Tick Alpha (the form submits itself), then type a price range and apply it."""
    page.goto("/en/products/")
    facets = page.locator("aside.facets form")
    expect(page.locator(".product-card")).to_have_count(6)

    facets.locator("input[name=brand][value=alpha]").click()  # catalogue.js submits on change
    expect(page).to_have_url(re.compile(r"[?&]brand=alpha(&|$)"))
    expect(facets.locator("input[name=brand][value=alpha]")).to_be_checked()
    expect(page.locator(".product-card")).to_have_count(4)
    # Price links keep the brand and count only Alpha's products.
    price_link = facets.locator("a[href*='price_min=1000'][href*='price_max=2999.99']")
    expect(price_link).to_have_attribute("href", re.compile(r"brand=alpha"))
    expect(
        price_link.locator("xpath=following-sibling::span[@class='facet__count']")
    ).to_have_text("2")

    facets.locator("input[name=price_min]").fill("1000")
    facets.locator("input[name=price_max]").fill("3000")
    facets.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"price_max=3000"))


def test_shopper_filters_opens_a_product_switches_variant_and_prices_shipping(
    page, console_errors
):
    catalogue = make_catalogue()

    filter_by_brand_and_price(page)
    query = query_of(page)
    assert (query["brand"], query["price_min"], query["price_max"]) == (
        ["alpha"],
        ["1000"],
        ["3000"],
    )
    expect(page.locator(".product-card .card__title")).to_have_text(
        ["Alpha Pro", "Alpha Plus"]
    )  # newest first
    expect(page.locator(".page-intro")).to_have_text("2 products")
    storage = page.locator("aside.facets fieldset.facet", has_text="Storage")
    expect(storage.locator(".facet__option")).to_have_text(["128 GB 1", "256 GB 1"])

    page.locator(".product-card", has_text="Alpha Pro").locator("a.card__link").click()
    expect(page).to_have_url(re.compile(rf"/products/{catalogue.pro.slug}/$"))
    product_url = page.url
    expect(page.locator("h1.product__name")).to_have_text("Alpha Pro")
    expect(page.locator("[data-variant-price]")).to_have_text("¥1,299.00")
    expect(page.locator("[data-variant-sku]")).to_have_text(catalogue.first_sku)
    expect(page.locator("[data-stock-status]")).to_have_text("In stock")
    expect_image_loaded(page.locator(".product__image--main img"))
    page.evaluate("window.sameDocument = true")  # gone if the page reloads

    page.locator("fieldset[data-variant-picker] label", has_text="Option 1").click()
    expect(page.locator("[data-variant-price]")).to_have_text("¥1,499.00")
    expect(page.locator("[data-variant-sku]")).to_have_text(catalogue.second_sku)
    expect(page.locator("[data-stock-status]")).to_have_text("Only a few left")

    calculator = page.locator("form[data-shipping-calculator]")
    calculator.locator("select[name=province]").select_option("xinjiang")
    calculator.locator("input[name=quantity]").fill("2")
    with page.expect_response(re.compile(r"/shipping/\?")) as answer:
        calculator.get_by_role("button", name="Calculate").click()
    assert answer.value.status == 200
    assert parse_qs(urlsplit(answer.value.url).query)["sku"] == [catalogue.second_sku]
    table = page.locator("[data-shipping-result] table")
    expect(table.locator("caption")).to_have_text("Shipping for 2 item(s)")
    expect(table.locator("tbody tr", has_text="Standard").locator("td")).to_have_text("¥23.00")
    expect(table.locator("tbody tr", has_text="Express").locator("td")).to_have_text("¥25.00")

    assert page.url == product_url
    assert page.evaluate("window.sameDocument") is True
    assert console_errors == []
