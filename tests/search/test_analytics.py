"""The query log (one counter row per day and query), the admin report over it, and promoted
results."""

import datetime
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.analytics import (
    normalise_logged_query,
    search_query_record,
    top_queries,
    zero_result_queries,
)
from search.models import SearchQuery
from tests.factories import GuidePageFactory, HelpArticlePageFactory, HelpCategoryPageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 31)


@pytest.fixture
def catalogue(db):
    category = make_category("Phones", "phones")
    return make_product(
        name="iPhone 15 手机", category=category, product_type=make_product_type("Gadget")
    )


def logged() -> dict[str, tuple[int, int]]:
    return {row.query: (row.hits, row.results) for row in SearchQuery.objects.all()}


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


# Logging ---------------------------------------------------------------------


def test_each_search_counts_once_under_its_normalised_form(client, catalogue):
    client.get(reverse("search"), {"q": "iPhone"})
    client.get(reverse("search"), {"q": "  IPHONE!! "})
    client.get(reverse("search"), {"q": "ｉＰｈｏｎｅ"})

    row = SearchQuery.objects.get()
    assert (row.date, row.query, row.hits, row.results) == (timezone.localdate(), "iphone", 3, 1)


def test_a_search_that_finds_nothing_is_logged_with_zero_results(client, catalogue):
    client.get(reverse("search"), {"q": "walkman"})

    assert logged() == {"walkman": (1, 0)}


def test_an_exact_sku_jump_counts_as_a_search_with_one_result(client, catalogue):
    sku = catalogue.variants.get().sku

    response = client.get(reverse("search"), {"q": sku})

    assert response.status_code == 302
    assert logged() == {sku.lower(): (1, 1)}


def test_empty_queries_suggestions_and_refinements_are_not_logged(client, catalogue):
    client.get(reverse("search"), {"q": ""})
    client.get(reverse("search"), {"q": "!!!"})
    client.get(reverse("search_suggest"), {"q": "iph"})
    client.get(reverse("search"), {"q": "iphone", "page": "2"})
    client.get(reverse("search"), {"q": "iphone", "sort": "price_asc"})

    assert logged() == {}


def test_record_counts_with_one_row_per_day():
    search_query_record(raw_query="耳机", results=4, day=days_ago(1))
    search_query_record(raw_query="耳机", results=5, day=TODAY)
    search_query_record(raw_query="耳机", results=3, day=TODAY)

    rows = SearchQuery.objects.order_by("date").values_list("date", "hits", "results")
    assert list(rows) == [(days_ago(1), 1, 4), (TODAY, 2, 3)]


def test_normalised_queries_keep_letters_and_digits_only():
    assert normalise_logged_query("  <b>iPhone</b>  15 ") == "b iphone b 15"
    assert normalise_logged_query("WH-1000XM5 耳机") == "wh-1000xm5 耳机"
    assert normalise_logged_query("!!!") == ""
    assert len(normalise_logged_query("耳" * 500)) == 200


# Report ----------------------------------------------------------------------


def record(query: str, *, day: datetime.date, searches: int, results: int) -> None:
    SearchQuery.objects.create(date=day, query=query, hits=searches, results=results)


@pytest.fixture
def history(db):
    record("耳机", day=TODAY, searches=5, results=12)
    record("耳机", day=days_ago(6), searches=4, results=12)
    record("手机", day=days_ago(2), searches=7, results=3)
    record("walkman", day=days_ago(1), searches=2, results=0)
    record("walkman", day=days_ago(20), searches=6, results=0)
    record("mp3", day=days_ago(7), searches=3, results=0)  # just outside the 7-day window
    record("minidisc", day=days_ago(29), searches=1, results=0)
    record("cassette", day=days_ago(30), searches=9, results=0)  # just outside the 30-day window
    record("蓝牙", day=days_ago(3), searches=1, results=0)
    record("蓝牙", day=days_ago(10), searches=1, results=8)  # found something within 30 days


def counts(rows) -> list[tuple[str, int, int]]:
    return [(row.query, row.searches, row.results) for row in rows]


def test_top_queries_over_seven_days(history):
    assert counts(top_queries(7, today=TODAY)) == [
        ("耳机", 9, 12),
        ("手机", 7, 3),
        ("walkman", 2, 0),
        ("蓝牙", 1, 0),
    ]


def test_top_queries_over_thirty_days(history):
    assert counts(top_queries(30, today=TODAY)) == [
        ("耳机", 9, 12),
        ("walkman", 8, 0),
        ("手机", 7, 3),
        ("mp3", 3, 0),
        ("蓝牙", 2, 8),
        ("minidisc", 1, 0),
    ]


def test_zero_result_queries_over_seven_and_thirty_days(history):
    assert counts(zero_result_queries(7, today=TODAY)) == [("walkman", 2, 0), ("蓝牙", 1, 0)]
    assert counts(zero_result_queries(30, today=TODAY)) == [
        ("walkman", 8, 0),
        ("mp3", 3, 0),
        ("minidisc", 1, 0),
    ]


def report_url(days: int | None = None) -> str:
    url = reverse("search_report")
    return f"{url}?days={days}" if days else url


@pytest.mark.parametrize("role", ["Managers", "Merchandisers"])
def test_the_reports_old_address_leads_to_the_reports_menu(client, staff_user, role):
    client.force_login(staff_user(role))

    response = client.get(report_url(30))

    assert response.status_code == 301
    assert response["Location"] == "/admin/shop-reports/search/?range=30d"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("role", ["Editors", "Designers", "Finance"])
def test_other_staff_get_the_no_permission_redirect(client, staff_user, role):
    client.force_login(staff_user(role))

    response = client.get(report_url())

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_menu_shows_the_report_under_reports_to_managers_only(client, staff_user):
    new_url = reverse("analytics_report", kwargs={"slug": "search"})
    client.force_login(staff_user("Managers"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert new_url in home and report_url() not in home

    client.force_login(staff_user("Editors"))
    assert new_url not in client.get(reverse("wagtailadmin_home")).content.decode()


# Promoted results --------------------------------------------------------------


@pytest.fixture
def promoted(site_tree):
    guide = GuidePageFactory(title="How to choose a phone")
    article = HelpArticlePageFactory(
        title="Phone warranty", parent=HelpCategoryPageFactory(title="Warranty")
    )
    draft = GuidePageFactory(title="Unfinished phone guide")
    draft.unpublish()
    query = Query.get("手机")
    for page in (article, draft, guide):
        SearchPromotion.objects.create(
            query=query, page=page, sort_order=SearchPromotion.objects.count()
        )
    return {"guide": guide, "article": article}


def test_promoted_live_pages_are_recommended_in_their_order(client, catalogue, promoted):
    response = client.get(reverse("search"), {"q": " 手机 "})

    assert [pick.page.pk for pick in response.context["promotions"]] == [
        promoted["article"].pk,
        promoted["guide"].pk,
    ]
    html = response.content.decode()
    recommended = html[html.index('id="search-recommended"') :]
    assert recommended.index(promoted["article"].title) < recommended.index(
        promoted["guide"].title
    )


def test_promotions_are_only_for_their_query(client, catalogue, promoted):
    assert client.get(reverse("search"), {"q": "iphone"}).context["promotions"] == []


def test_promotions_show_even_when_nothing_else_matched(client, promoted):
    response = client.get(reverse("search"), {"q": "手机"})

    assert response.context["nothing_found"] is True
    assert len(response.context["promotions"]) == 2


def test_merchandisers_manage_promoted_results_from_the_search_menu(client, staff_user):
    client.force_login(staff_user("Merchandisers"))

    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("wagtailsearchpromotions:index") in menu
    assert reverse("wagtailsnippets_search_synonymgroup:list") in menu
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_first_searches_of_a_day_all_count():
    """Requests racing to create the day's row: the unique constraint settles it, no search is
    lost."""
    start = Barrier(6)

    def search_once(_):
        start.wait()
        try:
            search_query_record(raw_query="耳机", results=3, day=TODAY)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(search_once, range(6)))

    assert logged() == {"耳机": (6, 3)}
