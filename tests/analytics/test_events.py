"""Recording events: cheap, never failing a page, leaving out bots, staff and opted-out
browsers; flushed in batches, purged after the retention."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from analytics.models import Event
from analytics.services import events_flush, events_purge
from core import events
from tests.factories import UserFactory

from .conftest import PHONE

pytestmark = pytest.mark.django_db


class BrokenCache:
    """A cache whose server is gone: every call raises."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache down")

        return fail


def test_a_product_view_is_buffered_not_written_then_flushed_in_one_batch(
    browser, products, django_assert_max_num_queries
):
    browser.get(products.a.url)
    browser.get(products.b.url)

    assert Event.objects.count() == 0
    assert events.buffered_count() == 3  # the landing's visit and two product views
    with django_assert_max_num_queries(3):  # SKU lookup skipped: one insert (+ savepoints)
        assert events_flush() == 3
    views = Event.objects.filter(kind="product_view").order_by("pk")
    assert [event.product_id for event in views] == [products.a.pk, products.b.pk]
    assert views[0].session and len(views[0].session) == 32
    assert views[0].session != browser.session.session_key
    assert views[0].device == "desktop"
    assert events.buffered_count() == 0


def test_buffer_down_serves_the_page_and_counts_the_drop(browser, products, monkeypatch):
    monkeypatch.setattr(events, "buffer", BrokenCache)
    before = events.dropped_count()

    response = browser.get(products.a.url, HTTP_USER_AGENT=PHONE)

    assert response.status_code == 200
    # The landing's visit and the product view: each dropped, nothing raised.
    assert events.dropped_count() == before + 2


def test_a_cart_add_still_works_when_the_buffer_is_down(browser, products, monkeypatch):
    monkeypatch.setattr(events, "buffer", BrokenCache)
    before = events.dropped_count()

    response = browser.post("/cart/add/", {"sku": products.a.variants.first().sku})

    assert response.status_code == 302
    assert events.dropped_count() == before + 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Baiduspider/2.0)"},
        {"HTTP_USER_AGENT": "Googlebot/2.1 (+http://www.google.com/bot.html)"},
        {"HTTP_USER_AGENT": ""},
        {"HTTP_DNT": "1"},
        {"HTTP_SEC_GPC": "1"},
    ],
)
def test_bots_and_opted_out_browsers_are_not_recorded(browser, products, headers):
    response = browser.get(products.a.url, **headers)

    assert response.status_code == 200
    assert events.buffered_count() == 0


def test_staff_are_not_recorded(browser, products):
    browser.force_login(UserFactory(groups=["Merchandisers"]))

    browser.get(products.a.url)

    assert events.buffered_count() == 0


def test_a_shopper_signed_in_is_recorded_with_their_id(browser, products):
    shopper = UserFactory()
    browser.force_login(shopper)

    browser.get(products.a.url)
    events_flush()

    assert Event.objects.get(kind="product_view").user_id == shopper.pk


def test_the_landing_keeps_referrer_and_utm_for_the_visit(browser, products):
    browser.get(
        "/?utm_source=weibo&utm_medium=social&utm_campaign=spring",
        HTTP_REFERER="https://m.weibo.cn/status/1",
    )
    browser.get(products.a.url, HTTP_REFERER=f"http://testserver{products.a.url}")
    events_flush()

    view = Event.objects.get(kind="product_view")
    assert (view.referrer_host, view.utm_source, view.utm_medium, view.utm_campaign) == (
        "m.weibo.cn",
        "weibo",
        "social",
        "spring",
    )
    assert Event.objects.filter(kind="visit").count() == 1


def test_a_recommendation_link_counts_a_click_with_row_and_position(browser, products):
    browser.get(f"{products.b.url}?rec=bought_also-3")
    events_flush()

    click = Event.objects.get(kind="recommendation_click")
    assert (click.row, click.position, click.label) == ("bought_also", 3, products.b.url)


def test_a_search_records_what_the_shopper_typed(browser, products):
    browser.get("/search/", {"q": "  Green   tea "})
    events_flush()

    search = Event.objects.get(kind="search")
    assert search.query == "Green tea"


def test_cart_add_and_remove_name_the_product(browser, products):
    sku = products.a.variants.first().sku

    browser.post("/cart/add/", {"sku": sku, "quantity": "2"})
    browser.post(f"/cart/lines/{sku}/remove/")
    events_flush()

    add = Event.objects.get(kind="cart_add")
    remove = Event.objects.get(kind="cart_remove")
    assert (add.product_id, add.sku, add.quantity) == (products.a.pk, sku, 2)
    assert remove.product_id == products.a.pk


def test_an_unreadable_slot_is_skipped_and_the_rest_stored():
    events.event_record(None, "order_paid", order_id=7, amount=Decimal("12.50"))
    events.buffer().set(events.SLOT_KEY.format(2), "not json")
    events.buffer().incr(events.SEQUENCE_KEY)
    events.event_record(None, "order_paid", order_id=8, amount=Decimal("1.00"))

    assert events_flush() == 2
    assert sorted(Event.objects.values_list("order_id", flat=True)) == [7, 8]


def test_purge_deletes_events_past_the_retention_only(settings):
    settings.ANALYTICS_RETENTION_DAYS = 180
    now = timezone.now()
    old = Event.objects.create(kind="visit", occurred_at=now - datetime.timedelta(days=181))
    kept = Event.objects.create(kind="visit", occurred_at=now - datetime.timedelta(days=179))

    assert events_purge(now=now) == 1

    assert list(Event.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not Event.objects.filter(pk=old.pk).exists()


@pytest.mark.parametrize(
    ("agent", "expected"),
    [
        (PHONE, "mobile"),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", "tablet"),
        ("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Safari/537.36", "tablet"),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36", "mobile"),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15", "desktop"),
    ],
)
def test_device_class_from_the_user_agent(agent, expected):
    assert events.device_class(agent) == expected
