"""Traffic, promotions and search reports: exact figures on known rows, and query counts that
do not grow with the range."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from analytics.reports.periods import Period
from analytics.reports.promotions import promotions_report
from analytics.reports.search import search_report
from analytics.reports.traffic import traffic_report
from analytics.rollups import rollups_build
from commerce.models import OrderLine, RedPacket
from search.models import SearchQuery
from tests.factories import UserFactory
from tests.factories.commerce import give_red_packet, make_red_packet_type

from .dataset import FIRST, LAST, at, make_history, make_visits

pytestmark = pytest.mark.django_db
MARCH = (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))


def build():
    rollups_build(first_day=MARCH[0], last_day=MARCH[1])


@pytest.fixture
def visits():
    orders = make_history()
    make_visits(orders)
    build()
    return orders


def test_traffic_by_source_device_and_customers(visits):
    report = traffic_report(Period(FIRST, LAST))
    days, sources, devices, customers = report.tables

    assert days.rows == [["2026-03-10", 5, 1], ["2026-03-11", 0, 0]]
    # source, visits, share, viewed, carted, paid, paid share
    assert sources.rows == [
        ["Direct", 3, Decimal("60.0"), 2, 1, 0, Decimal("0.0")],
        ["weixin / social", 1, Decimal("20.0"), 1, 1, 0, Decimal("0.0")],
        ["www.baidu.com", 1, Decimal("20.0"), 1, 1, 1, Decimal("100.0")],
    ]
    assert [row[:2] for row in devices.rows] == [["Computer", 2], ["Phone", 2], ["Tablet", 1]]
    assert customers.rows == [["New customers", 1, 1], ["Returning customers", 1, 0]]


@pytest.fixture
def promotions():
    orders = make_history()
    packet_type = make_red_packet_type(amount="20.00", name="新客立减")
    shopper = UserFactory()
    used, _unused = give_red_packet(shopper, packet_type), give_red_packet(shopper, packet_type)
    RedPacket.objects.filter(pk__in=[used.pk, _unused.pk]).update(issued_at=at(10, 8))
    RedPacket.objects.filter(pk=used.pk).update(
        status="used", used_at=at(10, 23, 59), used_on=orders["B"]
    )
    orders["B"].discounts = [{"label": "新客立减", "amount": "20.00"}]
    orders["B"].save(update_fields=["discounts"])
    OrderLine.objects.filter(order=orders["A"]).update(
        campaign_name="春茶节", discount=Decimal("15.00")
    )
    build()


def test_red_packet_use_rate_and_discount_and_campaign_revenue(promotions):
    report = promotions_report(Period(FIRST, LAST))
    days, packets, campaigns = report.tables

    # name, issued, used, use rate, orders, revenue, discount
    assert packets.rows == [
        ["新客立减", 2, 1, Decimal("50.0"), 1, Decimal("300.00"), Decimal("20.00")]
    ]
    assert campaigns.rows == [["春茶节", 1, Decimal("190.00"), Decimal("15.00")]]
    assert days.rows == [["2026-03-10", Decimal("35.00")], ["2026-03-11", Decimal("0.00")]]


@pytest.fixture
def searches():
    for day, query, hits, results in (
        (FIRST, "耳机", 5, 12),
        (LAST, "耳机", 4, 12),
        (LAST, "第一辑", 3, 0),
        (FIRST - datetime.timedelta(days=1), "walkman", 2, 0),
    ):
        SearchQuery.objects.create(date=day, query=query, hits=hits, results=results)


def test_search_report_shows_what_shoppers_typed(searches):
    report = search_report(Period(FIRST, LAST))
    days, top, nothing = report.tables

    assert [(f.value, f.previous) for f in report.figures] == [
        (12, 2),
        (Decimal("25.0"), Decimal("100.0")),
    ]
    assert days.rows == [
        ["2026-03-10", 5, 0, Decimal("0.0")],
        ["2026-03-11", 7, 3, Decimal("42.9")],
    ]
    assert top.rows == [["耳机", 9, 12], ["第一辑", 3, 0]]
    assert nothing.rows == [["第一辑", 3]]


@pytest.mark.parametrize("days", [1, 365])
@pytest.mark.parametrize(
    ("report", "budget"), [(traffic_report, 5), (promotions_report, 5), (search_report, 4)]
)
def test_query_counts_do_not_grow_with_the_range(
    visits, report, budget, days, django_assert_num_queries
):
    with translation.override("en"), django_assert_num_queries(budget):
        report(Period(LAST - datetime.timedelta(days=days - 1), LAST))
