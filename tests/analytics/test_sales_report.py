"""The sales report: exact figures on a known history, Shanghai day boundaries, the
comparison with the previous period, and a query count that does not grow with the range."""

import datetime
from decimal import Decimal

import pytest

from analytics.models import SalesDay
from analytics.reports.periods import Period
from analytics.reports.sales import sales_report
from analytics.rollups import rollups_build

from .dataset import FIRST, LAST, make_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def history():
    orders = make_history()
    rollups_build(first_day=datetime.date(2026, 3, 1), last_day=datetime.date(2026, 3, 31))
    return orders


def _figures(report) -> dict:
    return {str(figure.label): (figure.value, figure.previous) for figure in report.figures}


def test_headline_figures_are_net_of_refunds_and_compared_with_the_days_before(history):
    report = sales_report(Period(FIRST, LAST))
    figures = _figures(report)

    assert figures["Orders placed"] == (3, 1)
    assert figures["Orders paid"] == (2, 1)
    assert figures["Paid revenue"] == (Decimal("490.00"), Decimal("100.00"))
    assert figures["Refunds"] == (Decimal("40.00"), Decimal("0.00"))
    assert figures["Net revenue"] == (Decimal("450.00"), Decimal("100.00"))
    assert figures["Average order value"] == (Decimal("245.00"), Decimal("100.00"))
    assert figures["Units sold"] == (5, 1)
    revenue = next(figure for figure in report.figures if figure.label == "Paid revenue")
    assert revenue.change == Decimal("390.0")


def test_an_order_at_23_59_in_shanghai_belongs_to_that_day(history):
    days = {
        row.date: row
        for row in SalesDay.objects.filter(payment_method="wechat")  # order B alone
    }
    assert list(days) == [datetime.date(2026, 3, 10)]
    assert days[datetime.date(2026, 3, 10)].placed_orders == 1
    assert days[datetime.date(2026, 3, 10)].revenue == Decimal("300.00")


def test_by_day_by_payment_method_and_by_province(history):
    report = sales_report(Period(FIRST, LAST))
    by_time, by_method, by_province = report.tables

    # Period, placed, paid, revenue, refunds, net, AOV, units
    assert by_time.rows == [
        [
            "2026-03-10",
            2,
            2,
            Decimal("490.00"),
            Decimal("0.00"),
            Decimal("490.00"),
            Decimal("245.00"),
            5,
        ],
        [
            "2026-03-11",
            1,
            0,
            Decimal("0.00"),
            Decimal("40.00"),
            Decimal("-40.00"),
            Decimal("0.00"),
            0,
        ],
    ]
    assert [row[:6] for row in by_method.rows] == [
        ["WeChat Pay", 1, 1, Decimal("300.00"), Decimal("0.00"), Decimal("300.00")],
        ["Alipay", 1, 1, Decimal("190.00"), Decimal("40.00"), Decimal("150.00")],
        ["Bank transfer", 1, 0, Decimal("0.00"), Decimal("0.00"), Decimal("0.00")],
    ]
    assert [(row[0], row[3], row[5]) for row in by_province.rows] == [
        ("Guangdong", Decimal("300.00"), Decimal("300.00")),
        ("Beijing", Decimal("190.00"), Decimal("150.00")),
    ]
    assert by_time.chart.config()["datasets"][0]["data"] == [490.0, 0.0]


def test_weeks_and_months_group_in_sql(history):
    report = sales_report(Period(datetime.date(2026, 3, 1), LAST), grain="week")
    weeks = {row[0]: row[3] for row in report.tables[0].rows}
    assert weeks == {
        "Week of 2026-02-23": Decimal("0.00"),
        "Week of 2026-03-02": Decimal("0.00"),
        "Week of 2026-03-09": Decimal("590.00"),
    }
    months = sales_report(Period(datetime.date(2026, 3, 1), LAST), grain="month")
    assert [(row[0], row[3]) for row in months.tables[0].rows] == [("2026-03", Decimal("590.00"))]


def test_new_and_returning_payers(history):
    rows = SalesDay.objects.filter(date=datetime.date(2026, 3, 10))
    assert sum(row.new_customers for row in rows) == 1  # b@
    assert sum(row.returning_customers for row in rows) == 1  # a@ paid on the 9th


def test_rebuilding_a_day_gives_the_same_rows(history):
    before = list(SalesDay.objects.order_by("date", "payment_method").values())
    rollups_build(first_day=FIRST, last_day=FIRST)
    after = list(SalesDay.objects.order_by("date", "payment_method").values())
    assert [{**row, "id": 0} for row in before] == [{**row, "id": 0} for row in after]


@pytest.mark.parametrize("days", [7, 365])
def test_the_report_runs_the_same_queries_whatever_the_range(
    history, days, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        sales_report(Period(LAST - datetime.timedelta(days=days - 1), LAST))
