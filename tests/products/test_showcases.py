"""The "hot" showcase: the last 24 hours' best-sellers, topped up by all-time sales."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from commerce.models import Order, OrderStatus
from products.blocks import ProductRowBlock
from products.models import ProductStats
from products.showcases import hot_sellers
from tests.factories import ImageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def sell(units: dict, *, hours_ago: float = 1, status: str = OrderStatus.PAID) -> None:
    """A bank-transfer order placed through the domain ``hours_ago``, paid then unless awaiting
    payment."""
    order = place_order(
        user=UserFactory(),
        method=make_shipping_method(code=f"m{Order.objects.count()}"),
        payment_method="bank_transfer",
        quantities={product.variants.first().sku: count for product, count in units.items()},
    )
    moment = timezone.now() - timedelta(hours=hours_ago)
    paid_at = None if status == OrderStatus.AWAITING_PAYMENT else moment
    Order.objects.filter(pk=order.pk).update(status=status, placed_at=moment, paid_at=paid_at)


def all_time(**sales) -> None:
    for product, count in sales.items():
        ProductStats.objects.filter(product__name=product).update(sales_count=count)


def names(products) -> list[str]:
    return [product.name for product in products]


def test_hot_row_ranks_the_last_24_hours_then_fills_up_with_all_time_sales(catalogue):
    all_time(One=50, Two=10, Four=30)
    sell({catalogue.p3: 5, catalogue.p2: 2})
    sell({catalogue.p4: 9}, hours_ago=30)  # too old for the ranking; Four keeps its all-time place

    assert names(hot_sellers(limit=2)) == ["Three", "Two"]
    assert names(hot_sellers(limit=4)) == ["Three", "Two", "One", "Four"]


def test_hot_row_on_a_quiet_day_shows_the_all_time_best_sellers(catalogue):
    all_time(One=50, Two=10, Four=30)

    assert names(hot_sellers(limit=8)) == ["One", "Four", "Two"]


def test_hot_row_ignores_unpaid_and_cancelled_orders(catalogue):
    sell({catalogue.p3: 5}, status=OrderStatus.CANCELLED)
    sell({catalogue.p2: 5}, status=OrderStatus.AWAITING_PAYMENT)
    sell({catalogue.p4: 1})

    assert names(hot_sellers(limit=8)) == ["Four"]


def test_hot_row_of_a_category(catalogue):
    all_time(One=50, Four=30)
    sell({catalogue.p3: 5, catalogue.p4: 7})

    assert names(hot_sellers(limit=8, category=catalogue.phones)) == ["Three", "One"]


def test_home_page_hot_row_block_uses_the_ranking(catalogue):
    all_time(One=50)
    sell({catalogue.p2: 1})
    block = ProductRowBlock()
    value = block.to_python(
        {"heading": "Hot", "rule": "hot", "products": [], "category": None, "count": 2}
    )

    assert names(block.get_context(value)["products"]) == ["Two", "One"]


@pytest.mark.parametrize("count", [1, 30])
def test_hot_row_query_count_does_not_grow_with_products_shown(
    site_tree, django_assert_max_num_queries, count
):
    category, kind, image = make_category("Hot", "hot"), make_product_type(), ImageFactory()
    products = [
        make_product(category=category, product_type=kind, image=image, sales_count=1)
        for _ in range(count)
    ]
    sell(dict.fromkeys(products[:10], 1))
    hot_sellers(limit=24)  # the ranking is computed once per cache bucket

    with django_assert_max_num_queries(3):
        shown = hot_sellers(limit=24)

    assert len(shown) == min(count, 24)


@pytest.mark.parametrize(
    ("language", "label", "first"),
    [("en", "Best sellers, last 24 hours", "No. 1"), ("zh-hans", "24 小时热销", "TOP 1")],
)
def test_hot_row_says_what_it_ranks_and_numbers_the_cards(catalogue, language, label, first):
    all_time(One=50)
    sell({catalogue.p2: 1})
    block = ProductRowBlock()
    value = block.to_python(
        {"heading": "", "rule": "hot", "products": [], "category": None, "count": 2}
    )
    with translation.override(language):
        html = block.render(value)

    assert label in html
    assert html.index(first) < html.index("Two") < html.index(first.replace("1", "2"))
