"""The product page: content, structured data, calculator, sitemap and a fixed query cost."""

import json
import re
from decimal import Decimal

import pytest

from commerce.models import ShippingMethod
from home.models import HomePage
from tests.factories import GuidePageFactory, ImageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def phone(catalogue):
    return catalogue.p3


def test_product_page_shows_price_variants_specs_and_stock(client, phone):
    response = client.get(phone.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert "¥1,299.00" in content
    assert (
        'value="P' in content and content.count('form="shipping-calculator"') == 2
    )  # the variant radios
    assert "data-add-to-cart" in content or 'action="/cart/add/"' in content
    assert '<th scope="row">Storage</th><td>256 GB</td>' in content
    assert "In stock" in content


def test_product_page_has_json_ld_offer_per_variant(client, phone):
    response = client.get(phone.url)

    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    data = json.loads(block.group(1))
    assert data["@type"] == "Product"
    assert data["brand"] == {"@type": "Brand", "name": "Alpha"}
    assert [(o["price"], o["priceCurrency"], o["availability"]) for o in data["offers"]] == [
        ("1299.00", "CNY", "https://schema.org/InStock"),
        ("1499.00", "CNY", "https://schema.org/InStock"),
    ]


def test_draft_product_is_not_found(client, catalogue):
    assert client.get(catalogue.draft.url).status_code == 404


def test_shipping_calculator_answers_per_method(client, phone):
    ShippingMethod.objects.create(name="Standard", code="standard", base_fee=Decimal("12.00"))

    response = client.get(
        f"{phone.url}shipping/", {"province": "zhejiang", "quantity": "2", "sku": "x"}
    )

    assert response.status_code == 200
    assert "¥12.00" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"province": "zhejiang", "quantity": "0"},
        {"province": "zhejiang", "quantity": "1.5"},
        {"province": "zhejiang", "quantity": "-1"},
        {"province": "zhejiang", "quantity": "1e3"},
        {"province": "zhejiang", "quantity": "100"},
        {"province": "mars", "quantity": "1"},
        {"quantity": "1"},
    ],
)
def test_shipping_calculator_refuses_bad_input_clearly(client, phone, params):
    response = client.get(f"{phone.url}shipping/", params)

    assert response.status_code == 400
    assert 'class="form-error"' in response.content.decode()


def test_calculator_works_without_javascript(client, phone):
    ShippingMethod.objects.create(name="Standard", code="standard", base_fee=Decimal("12.00"))

    response = client.get(phone.url, {"province": "zhejiang", "quantity": "1"})

    assert "¥12.00" in response.content.decode()


def test_guide_embedding_a_product_is_listed_on_the_product_page(client, site_tree, phone):
    guide = GuidePageFactory(
        title="Phones for photographers",
        body=[
            ("products", {"heading": "Our pick", "products": [phone]}),
        ],
    )
    guide.save_revision().publish()

    product_page = client.get(phone.url).content.decode()
    guide_page = client.get(guide.url).content.decode()

    assert "Phones for photographers" in product_page
    assert phone.name in guide_page and "¥1,299.00" in guide_page


def test_sitemap_lists_live_products_only(client, catalogue):
    index = client.get("/sitemap.xml").content.decode()
    products = client.get("/sitemap-products.xml").content.decode()

    assert "sitemap-products.xml" in index and "sitemap-pages.xml" in index
    assert catalogue.p1.url in products
    assert catalogue.draft.url not in products


def _products(count):
    category = make_category(f"C{count}", f"c{count}")
    product_type = make_product_type(
        f"T{count}",
        attributes=[
            {"code": f"a{count}", "name": "A", "kind": "text", "in_specs": True},
        ],
    )
    image = ImageFactory()
    return [
        make_product(
            category=category,
            product_type=product_type,
            image=image,
            attributes={f"a{count}": "x"},
            prices=["10.00", "12.00"],
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("count", [1, 48])
def test_product_page_query_count_is_fixed(
    client, site_tree, django_assert_max_num_queries, count
):
    product = _products(count)[0]
    client.get(product.url)

    # 25 with commerce's sections: reviews (summary, page, its photos) and questions (count, page).
    with django_assert_max_num_queries(25):
        assert client.get(product.url).status_code == 200


@pytest.mark.parametrize("count", [1, 48])
def test_home_page_with_product_rows_has_a_fixed_query_count(
    client, site_tree, django_assert_max_num_queries, count
):
    products = _products(count)
    home = HomePage.objects.get(pk=site_tree.home.pk)
    home.body = [
        (
            "product_row",
            {
                "heading": "Picked",
                "rule": "hand_picked",
                "products": products[:24],
                "category": None,
                "count": 24,
            },
        ),
        (
            "product_row",
            {"heading": "New", "rule": "new", "products": [], "category": None, "count": 24},
        ),
    ]
    home.save_revision().publish()
    client.get("/")

    with django_assert_max_num_queries(30):
        response = client.get("/")

    assert response.content.decode().count('class="card product-card"') == 2 * min(count, 24)
