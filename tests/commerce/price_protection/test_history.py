"""The price history: list prices on publish, campaign prices over their dates, the lowest
price of 30 days on cards with one query a page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import timezone

from commerce.price_protection.history import lowest_prices
from commerce.price_protection.models import PriceRecord
from commerce.price_protection.selectors import shown_prices_with_lowest
from commerce.promotions.models import CampaignKind
from products.models import Product
from products.prices import attach_card_prices
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.promotions import make_campaign

pytestmark = pytest.mark.django_db


def product(price="100.00", *, category=None, product_type=None):
    return make_product(
        category=category or make_category("Tea", "tea"),
        product_type=product_type or make_product_type(),
        prices=[price],
    )


def republish(product, price):
    variant = product.variants.get()
    variant.price = Decimal(price)
    product.variants = [variant]
    product.save_revision().publish()


def test_publishing_a_product_records_its_list_price_once_and_each_change():
    item = product("100.00")
    sku = item.variants.get().sku
    item.save_revision().publish()  # same price: nothing new
    assert list(PriceRecord.objects.filter(sku=sku).values_list("price", "ends_at")) == [
        (Decimal("100.00"), None)
    ]
    republish(item, "90.00")
    records = list(PriceRecord.objects.filter(sku=sku).order_by("starts_at", "pk"))
    assert [(r.price, r.ends_at is None) for r in records] == [
        (Decimal("100.00"), False),
        (Decimal("90.00"), True),
    ]
    assert records[0].ends_at == records[1].starts_at


def test_a_campaign_records_its_prices_over_its_dates_and_unpublishing_ends_them():
    item = product("100.00")
    sku = item.variants.get().sku
    campaign = make_campaign(
        percent_off="20", products=[item], starts_in=timedelta(days=1), lasts=timedelta(days=2)
    )
    record = PriceRecord.objects.get(sku=sku, campaign=campaign)
    assert record.price == Decimal("80.00")
    assert record.starts_at == campaign.starts_at and record.ends_at == campaign.ends_at
    now = timezone.now()
    # Not yet started: nothing lower now; in its window: ¥80.
    assert lowest_prices([sku], province="beijing", since=now - timedelta(hours=1), until=now)[
        sku
    ].price == Decimal("100.00")
    in_window = campaign.starts_at + timedelta(hours=1)
    assert lowest_prices([sku], province="beijing", since=now, until=in_window)[
        sku
    ].price == Decimal("80.00")

    campaign.unpublish()
    assert not PriceRecord.objects.filter(campaign=campaign).exists()


def test_a_regional_campaign_price_counts_only_for_its_provinces():
    item = product("100.00")
    sku = item.variants.get().sku
    make_campaign(percent_off="20", products=[item], provinces=["guangdong"])
    now = timezone.now() + timedelta(seconds=1)
    since = now - timedelta(days=1)
    assert lowest_prices([sku], province="guangdong", since=since, until=now)[
        sku
    ].price == Decimal("80.00")
    assert lowest_prices([sku], province="beijing", since=since, until=now)[sku].price == Decimal(
        "100.00"
    )


def test_a_flash_sale_price_is_left_out_when_asked():
    item = product("100.00")
    sku = item.variants.get().sku
    make_campaign(kind=CampaignKind.FLASH_SALE, sku_table=f"{sku}, 50.00, 5")
    now = timezone.now() + timedelta(seconds=1)
    since = now - timedelta(days=1)
    assert lowest_prices([sku], province="", since=since, until=now)[sku].price == Decimal("50.00")
    assert lowest_prices([sku], province="", since=since, until=now, exclude_flash=True)[
        sku
    ].price == Decimal("100.00")


def test_a_sale_price_shows_the_lowest_price_of_30_days_besides_its_own_campaign():
    item = product("100.00")
    sku = item.variants.get().sku
    earlier = make_campaign(
        name="Earlier", kind=CampaignKind.AMOUNT_OFF, amount_off="30.00", products=[item]
    )
    earlier.unpublish()  # ¥70 for a moment, then over
    make_campaign(name="Now", percent_off="10", products=[item])
    request = RequestFactory().get("/")
    request.session = {}
    variant = item.variants.select_related("product").get()
    shown = shown_prices_with_lowest(request=request, variants=[variant])[sku]
    assert shown.price == Decimal("90.00") and shown.campaign == "Now"
    assert shown.lowest_30_days == Decimal("70.00")


def test_cards_read_the_history_in_one_query_for_the_whole_page(django_assert_max_num_queries):
    category, product_type = make_category("Tea", "tea"), make_product_type()
    items = [
        product(f"{100 + i}.00", category=category, product_type=product_type) for i in range(12)
    ]
    make_campaign(percent_off="10", products=items)
    request = RequestFactory().get("/")
    request.session = {}
    attach_card_prices(request, items)  # warm the campaign cache
    pks = [item.pk for item in items]
    # the products, their variants, extra and primary categories, the price history
    with django_assert_max_num_queries(5) as few:
        attach_card_prices(request, list(Product.objects.filter(pk__in=pks[:2])))
    with django_assert_max_num_queries(len(few.captured_queries)):
        cards = attach_card_prices(request, list(Product.objects.filter(pk__in=pks)))
    assert all(card.card_price.on_sale for card in cards)
    # No earlier, lower price: the struck-through list price says it all.
    assert all(card.card_price.lowest_30_days is None for card in cards)
