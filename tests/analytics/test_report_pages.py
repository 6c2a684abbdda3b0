"""The report pages: the period form, figures and tables in the page, a CSV Excel opens
with its Chinese intact, a bad custom range explained, and a page's query count fixed."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from analytics.rollups import rollups_build
from tests.factories import UserFactory

from .dataset import make_history

pytestmark = pytest.mark.django_db

SALES = reverse("analytics_report", kwargs={"slug": "sales"})
MARCH = {"range": "custom", "from": "2026-03-10", "to": "2026-03-11"}


@pytest.fixture
def manager(client):
    client.force_login(UserFactory(groups=["Managers"]))
    return client


@pytest.fixture
def history():
    make_history()
    rollups_build(first_day=datetime.date(2026, 3, 1), last_day=datetime.date(2026, 3, 31))


def test_the_page_shows_figures_chart_data_and_tables(manager, history):
    response = manager.get(SALES, MARCH)

    assert response.status_code == 200
    html = response.content.decode()
    assert "¥490.00" in html and "¥450.00" in html  # revenue, net
    assert 'data-chart="chart-data-1"' in html and 'id="chart-data-1"' in html
    assert "chart.umd.min.js" in html
    assert 'data-table="province"' in html
    assert "2026-03-08 to 2026-03-09" in html  # the comparison period


def test_the_csv_starts_with_a_bom_and_keeps_chinese(manager, history, settings):
    settings.LANGUAGE_CODE = "zh-hans"  # the admin's own language
    response = manager.get(SALES, {**MARCH, "format": "csv"})

    body = response.content
    assert body.startswith("\ufeff".encode())
    assert 'filename="sales-2026-03-10-2026-03-11.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["销售", "2026-03-10", "2026-03-11"]
    provinces = rows[rows.index(["按省份"]) + 2 :]
    assert provinces[0][:4] == ["广东", "1", "1", "300.00"]


def test_a_bad_custom_range_is_explained_and_the_default_shown(manager, history):
    response = manager.get(SALES, {"range": "custom", "from": "2026-03-11", "to": "2026-03-01"})
    assert response.status_code == 200
    assert "The start date is after the end date." in response.content.decode()

    for bad in ({"from": "x", "to": "2026-13-45"}, {"from": "2020-01-01", "to": "2026-01-01"}):
        assert manager.get(SALES, {"range": "custom", **bad}).status_code == 200
    assert manager.get(SALES, {"range": "nonsense", "grain": "<b>"}).status_code == 200


def test_the_page_query_count_does_not_grow_with_the_range(manager, history):
    manager.get(SALES)  # the session, the user and the admin's own first queries warmed
    counts = []
    for first in ("2026-03-10", "2025-03-12"):  # two days, a year
        with CaptureQueriesContext(connection) as queries:
            manager.get(SALES, {"range": "custom", "from": first, "to": "2026-03-11"})
        counts.append(len(queries))
    # The report's own five queries; the rest is the admin's chrome (user, rights, menu).
    assert counts[0] == counts[1] <= 20
