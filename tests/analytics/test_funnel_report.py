"""The funnel: exact step counts and rates on known visits, the previous period, Shanghai day
boundaries, and one query whatever the range."""

import datetime
from decimal import Decimal

import pytest

from analytics.models import VisitDay
from analytics.reports.funnel import funnel_report
from analytics.reports.periods import Period
from analytics.rollups import rollups_build

from .dataset import FIRST, LAST, at, event, make_history, make_visits

pytestmark = pytest.mark.django_db


@pytest.fixture
def visits():
    make_visits(make_history())
    rollups_build(first_day=datetime.date(2026, 3, 1), last_day=datetime.date(2026, 3, 31))


def test_each_step_with_its_rates(visits):
    steps = funnel_report(Period(FIRST, LAST)).tables[0].rows

    # step, visits, of the step before, of all visits, previous period, previous of all
    assert steps == [
        ["Visits", 5, Decimal("100.0"), Decimal("100.0"), 1, Decimal("100.0")],
        ["Viewed a product", 4, Decimal("80.0"), Decimal("80.0"), 1, Decimal("100.0")],
        ["Added to cart", 3, Decimal("75.0"), Decimal("60.0"), 0, Decimal("0.0")],
        ["Started checkout", 2, Decimal("66.7"), Decimal("40.0"), 0, Decimal("0.0")],
        ["Placed an order", 2, Decimal("100.0"), Decimal("40.0"), 0, Decimal("0.0")],
        ["Paid", 1, Decimal("50.0"), Decimal("20.0"), 0, Decimal("0.0")],
    ]


def test_headline_rates(visits):
    figures = {
        str(f.label): (f.value, f.previous) for f in funnel_report(Period(FIRST, LAST)).figures
    }
    assert figures["Visits"] == (5, 1)
    assert figures["Visits that paid"] == (Decimal("20.0"), 0)
    assert figures["Checkout to paid"] == (Decimal("50.0"), 0)


def test_a_visit_just_after_midnight_counts_on_the_next_day(visits):
    event("visit", at(11, 23, 59, 59), "s8", device="desktop")
    rollups_build(first_day=LAST, last_day=LAST + datetime.timedelta(days=1))

    days = {
        row.date: row.sessions for row in VisitDay.objects.filter(date__gte=LAST).order_by("date")
    }
    assert days == {datetime.date(2026, 3, 11): 1, datetime.date(2026, 3, 12): 1}


@pytest.mark.parametrize("days", [1, 365])
def test_one_query_whatever_the_range(visits, days, django_assert_num_queries):
    with django_assert_num_queries(1):
        funnel_report(Period(LAST - datetime.timedelta(days=days - 1), LAST))
