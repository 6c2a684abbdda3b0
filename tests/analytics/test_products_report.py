"""The products report: top products and categories in order, conversion per product, the
much-viewed low sellers, and a fixed query count."""

import datetime
from decimal import Decimal

import pytest

from analytics.reports.periods import Period
from analytics.reports.products import products_report
from analytics.rollups import rollups_build

from .dataset import FIRST, LAST, at, event, make_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(products):
    """Order lines of the known history on products a (D, A), b (B) and c (C, unpaid);
    views: a 30, b 10, c 25; cart adds: a 6, b 2."""
    make_history(products)
    for product, views, carts in ((products.a, 30, 6), (products.b, 10, 2), (products.c, 25, 0)):
        for number in range(views):
            event("product_view", at(10, 9, number % 60), f"v{number}", product_id=product.pk)
        for number in range(carts):
            event("cart_add", at(10, 9, number), f"v{number}", product_id=product.pk)
    rollups_build(first_day=datetime.date(2026, 3, 1), last_day=datetime.date(2026, 3, 31))
    return products


def test_top_products_by_revenue_with_conversion(shop):
    top = products_report(Period(FIRST, LAST)).tables[0].rows

    # product, revenue, units, orders, views, cart adds, view→cart %, view→purchase %
    assert top == [
        ["Black tea", Decimal("300.00"), 3, 1, 10, 2, Decimal("20.0"), Decimal("10.0")],
        ["Green tea", Decimal("190.00"), 2, 1, 30, 6, Decimal("20.0"), Decimal("3.3")],
        ["Oolong", Decimal("0.00"), 0, 0, 25, 0, Decimal("0.0"), Decimal("0.0")],
    ]


def test_top_categories_and_low_sellers(shop):
    report = products_report(Period(FIRST, LAST))
    categories, low = report.tables[1].rows, report.tables[2].rows

    assert [row[:3] for row in categories] == [["Tea", Decimal("490.00"), 5]]
    assert [row[0] for row in low] == ["Oolong", "Green tea"]  # ≥ 20 views, fewest units first


def test_comparison_with_the_previous_period(shop):
    revenue = products_report(Period(FIRST, LAST)).figures[0]
    assert (revenue.value, revenue.previous, revenue.change) == (
        Decimal("490.00"),
        Decimal("100.00"),
        Decimal("390.0"),
    )


@pytest.mark.parametrize("days", [2, 365])
def test_six_queries_whatever_the_range(shop, days, django_assert_num_queries):
    with django_assert_num_queries(6):
        products_report(Period(LAST - datetime.timedelta(days=days - 1), LAST))
