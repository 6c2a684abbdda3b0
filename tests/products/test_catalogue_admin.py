"""Catalogue admin: who may see what, and the product list's fixed query cost."""

import re

import pytest
from django.urls import reverse

from products.models import Stock
from tests.factories import ImageFactory, UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db

PRODUCT_LIST = "wagtailsnippets_products_product:list"
STOCK_LIST = "wagtailsnippets_products_stock:list"
SHIPPING_LIST = "wagtailsnippets_commerce_shippingmethod:list"
CATEGORY_ADD = "wagtailsnippets_products_category:add"


def allowed(response) -> bool:
    return response.status_code == 200


@pytest.mark.parametrize(
    "role, products, stock, shipping, categories",
    [
        ("Merchandisers", True, True, False, True),
        ("Managers", True, True, True, True),
        ("Logistics", False, True, True, False),
        ("Customer service", False, True, False, False),
        ("Editors", False, False, False, False),
        ("Designers", False, False, False, False),
        ("Finance", False, False, False, False),
    ],
)
def test_catalogue_areas_by_role(client, staff_user, role, products, stock, shipping, categories):
    client.force_login(staff_user(role))

    seen = (
        allowed(client.get(reverse(PRODUCT_LIST))),
        allowed(client.get(reverse(STOCK_LIST))),
        allowed(client.get(reverse(SHIPPING_LIST))),
        allowed(client.get(reverse(CATEGORY_ADD))),
    )

    assert seen == (products, stock, shipping, categories)


def test_customer_service_sees_stock_but_cannot_change_it(client, staff_user):
    stock = Stock.objects.create(sku="S-1", on_hand=3)
    client.force_login(staff_user("Customer service"))

    response = client.post(
        reverse("wagtailsnippets_products_stock:edit", args=[stock.pk]),
        {"sku": "S-1", "on_hand": "300", "low_stock_threshold": "5"},
    )

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert Stock.objects.get(pk=stock.pk).on_hand == 3


def _products(count):
    category = make_category(f"C{count}", f"c{count}")
    product_type = make_product_type(f"T{count}")
    image = ImageFactory()
    for _ in range(count):
        make_product(category=category, product_type=product_type, image=image)


@pytest.mark.parametrize("count", [1, 48])
def test_product_list_in_the_admin_has_a_fixed_query_count(
    client, site_tree, django_assert_max_num_queries, count
):
    _products(count)
    client.force_login(UserFactory(is_superuser=True))
    client.get(reverse(PRODUCT_LIST))

    with django_assert_max_num_queries(20):
        response = client.get(reverse(PRODUCT_LIST))

    assert response.status_code == 200


def test_product_status_column_tells_draft_from_live(client, site_tree):
    category = make_category("Cat", "cat")
    product_type = make_product_type("Type")
    make_product(category=category, product_type=product_type, name="Published one")
    make_product(category=category, product_type=product_type, name="Unpublished one", live=False)
    client.force_login(UserFactory(is_superuser=True))

    page = client.get(reverse(PRODUCT_LIST)).content.decode()

    rows = {
        name: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))
        for row in page.split("<tr")[1:]
        for name in ("Published one", "Unpublished one")
        if name in row
    }
    assert " live " in rows["Published one"] and " draft " not in rows["Published one"]
    assert " draft " in rows["Unpublished one"]
