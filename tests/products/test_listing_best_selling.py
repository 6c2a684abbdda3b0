"""The listing's "best-selling" sort: the last 24 hours' units first, then all-time units sold."""

from datetime import timedelta

import pytest
from django.utils import timezone

from commerce.models import Order, OrderStatus
from products.models import ProductStats
from tests.factories import ImageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def sell(units: dict, *, hours_ago: float = 1, status: str = OrderStatus.PAID) -> None:
    """A bank-transfer order placed through the domain, paid ``hours_ago``."""
    order = place_order(
        user=UserFactory(),
        method=make_shipping_method(code=f"m{Order.objects.count()}"),
        payment_method="bank_transfer",
        quantities={product.variants.first().sku: count for product, count in units.items()},
    )
    paid_at = timezone.now() - timedelta(hours=hours_ago)
    Order.objects.filter(pk=order.pk).update(status=status, placed_at=paid_at, paid_at=paid_at)


def listed(client, query: str) -> list[str]:
    return [product.name for product in client.get(f"/products/?{query}").context["products"]]


@pytest.fixture
def sales(catalogue):
    """All time: One 50, Four 30, Two 10, Three 0. Last 24 h: Three 5, Two 2. Three days ago: Four
    9."""
    for name, count in {"One": 50, "Two": 10, "Four": 30}.items():
        ProductStats.objects.filter(product__name=name).update(sales_count=count)
    sell({catalogue.p3: 5, catalogue.p2: 2})
    sell({catalogue.p4: 9}, hours_ago=72)
    return catalogue


def test_best_selling_puts_the_last_24_hours_first_then_all_time_sales(client, sales):
    assert listed(client, "sort=best_selling") == ["Three", "Two", "One", "Four"]


def test_best_selling_within_a_category(client, sales):
    assert listed(client, "sort=best_selling&category=phones") == ["Three", "Two", "One"]


def test_best_selling_combines_with_filters(client, sales):
    assert listed(client, "sort=best_selling&brand=alpha") == ["Three", "One"]


def test_best_selling_on_a_quiet_day_is_all_time_sales(client, catalogue):
    for name, count in {"One": 50, "Two": 10, "Four": 30}.items():
        ProductStats.objects.filter(product__name=name).update(sales_count=count)

    assert listed(client, "sort=best_selling") == ["One", "Four", "Two", "Three"]


@pytest.mark.parametrize("count", [1, 48])
def test_best_selling_query_count_does_not_grow_with_products_shown(
    client, site_tree, django_assert_max_num_queries, count
):
    category, kind, image = make_category("Many", "many"), make_product_type(), ImageFactory()
    products = [
        make_product(category=category, product_type=kind, image=image) for _ in range(count)
    ]
    sell(dict.fromkeys(products[:20], 1))
    client.get(
        "/products/?sort=best_selling"
    )  # renditions are made and the ranking cached on the first view

    with django_assert_max_num_queries(24):
        response = client.get("/products/?sort=best_selling")

    assert response.status_code == 200
    assert len(response.context["products"].object_list) == min(count, 24)
