"""Ratings on ProductStats feed the "best reviewed" row (Bayesian), the "best rated" sort and
the cards."""

from decimal import Decimal

import pytest
from django.http import QueryDict

from products.blocks import ProductRowBlock
from products.listing import filtered_products, parse_filters
from products.models import Product, ProductStats
from products.showcases import best_reviewed
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db


def rated(name: str, rating: str | None, count: int, category, product_type):
    product = make_product(name=name, category=category, product_type=product_type)
    ProductStats.objects.filter(product=product).update(
        rating=Decimal(rating) if rating else None, review_count=count
    )
    return product


@pytest.fixture
def shelf(site_tree):
    category, product_type = make_category("Tea", "tea"), make_product_type()
    return {
        "one_perfect": rated("One perfect", "5.00", 1, category, product_type),
        "many_great": rated("Many great", "4.80", 200, category, product_type),
        "few_good": rated("Few good", "4.50", 4, category, product_type),
        "some_poor": rated("Some poor", "2.00", 10, category, product_type),
        "unrated": rated("Unrated", None, 0, category, product_type),
    }


def test_bayesian_order_puts_many_good_reviews_above_one_perfect(shelf):
    # given the shop mean m = (5·1 + 4.8·200 + 4.5·4 + 2·10) / 215 = 4.6837…, C = 10, n ≥ 1
    ranked = best_reviewed(limit=10, min_count=1)

    # then (10m + n·r) / (10 + n): many 4.80, one 4.70, few 4.62, some 3.18
    assert [p.name for p in ranked] == ["Many great", "One perfect", "Few good", "Some poor"]


def test_minimum_count_leaves_thinly_reviewed_products_out(shelf):
    assert [p.name for p in best_reviewed(limit=10)] == ["Many great", "Few good", "Some poor"]


def test_no_reviews_no_row(site_tree):
    assert best_reviewed(limit=8) == []


def test_row_block_rule_best_reviewed(shelf):
    block = ProductRowBlock()
    value = block.to_python({"rule": "best_reviewed", "count": 2, "heading": ""})
    context = block.get_context(value)
    assert [p.name for p in context["products"]] == ["Many great", "Few good"]


def test_listing_best_rated_sort_puts_unrated_last(shelf):
    filters = parse_filters(QueryDict("sort=best_rated"), brands_by_slug={}, filterable={})
    names = [p.name for p in filtered_products(Product.objects.live(), filters, {})]
    assert names == ["One perfect", "Many great", "Few good", "Some poor", "Unrated"]
