"""The product page's recommendation rows: in the precomputed order, without out-of-stock or
unpublished products or the product itself, the category's best sellers when nobody has
bought anything with it, and a fixed number of queries however many cards."""

import re

import pytest

from analytics.models import Event
from analytics.recommendations.services import product_pairs_build
from analytics.services import events_flush
from products.models import Product, ProductStats
from tests.factories.catalogue import make_product

from .conftest import paid_order, visit

pytestmark = pytest.mark.django_db


def row(response, slug: str) -> list[str] | None:
    """The card titles of one row, in order (None when the row is not on the page)."""
    html = response.content.decode()
    found = re.search(
        rf'<section[^>]*aria-labelledby="recommendation-{slug}">(.*?)</section>', html, re.S
    )
    if found is None:
        return None
    return re.findall(r'<h3 class="card__title">(.*?)</h3>', found.group(1))


def test_bought_together_row_follows_the_counts(client, teas):
    paid_order(teas.a, teas.b, teas.c)
    paid_order(teas.a, teas.b)
    paid_order(teas.a, teas.d, teas.c)
    paid_order(teas.a, teas.d)
    paid_order(teas.a, teas.d)
    product_pairs_build()

    response = client.get(teas.a.url)

    assert row(response, "bought_together") == ["Tea D", "Tea B", "Tea C"]
    assert "Customers who bought this also bought" in response.content.decode()
    assert row(response, "category_best_sellers") is None


def test_out_of_stock_unpublished_and_the_product_itself_are_left_out(client, teas):
    sold_out = make_product(
        category=teas.category, product_type=teas.kind, name="Sold out", on_hand=0
    )
    paid_order(teas.a, teas.b, teas.c, sold_out)
    paid_order(teas.a, teas.c)
    product_pairs_build()
    Product.objects.filter(pk=teas.c.pk).update(live=False)

    response = client.get(teas.a.url)

    assert row(response, "bought_together") == ["Tea B"]
    assert f'href="{teas.a.url}?rec=' not in response.content.decode()


def test_no_partners_in_stock_falls_back_to_the_categorys_best_sellers(client, teas):
    ProductStats.objects.filter(product=teas.b).update(sales_count=5)
    ProductStats.objects.filter(product=teas.c).update(sales_count=9)
    ProductStats.objects.filter(product=teas.a).update(sales_count=20)  # the product itself
    sold_out = make_product(
        category=teas.category, product_type=teas.kind, name="Sold out", on_hand=0
    )
    ProductStats.objects.filter(product=sold_out).update(sales_count=50)

    response = client.get(teas.a.url)

    assert row(response, "bought_together") is None
    assert row(response, "category_best_sellers") == ["Tea C", "Tea B"]
    assert "Best sellers in Tea" in response.content.decode()


def test_without_sales_or_partners_there_is_no_row(client, teas):
    response = client.get(teas.a.url)

    assert row(response, "bought_together") is None
    assert row(response, "category_best_sellers") is None
    assert row(response, "viewed_together") is None


def test_viewed_together_row_sits_next_to_the_bought_row(client, teas):
    paid_order(teas.a, teas.b)
    visit("s1", teas.a, teas.e)
    visit("s2", teas.a, teas.e, teas.f)
    product_pairs_build()

    response = client.get(teas.a.url)

    assert row(response, "bought_together") == ["Tea B"]
    assert row(response, "viewed_together") == ["Tea E", "Tea F"]


def test_a_click_on_a_row_is_an_event_naming_the_row_and_the_place(client, teas):
    paid_order(teas.a, teas.b)
    paid_order(teas.a, teas.c)
    paid_order(teas.a, teas.c)
    product_pairs_build()
    html = client.get(teas.a.url).content.decode()
    link = f"{teas.b.url}?rec=bought_together-2"
    assert f'href="{link}"' in html

    client.get(link, HTTP_USER_AGENT="Mozilla/5.0 Firefox/128.0", HTTP_ACCEPT="text/html")
    events_flush()

    click = Event.objects.get(kind="recommendation_click")
    assert (click.row, click.position, click.label) == ("bought_together", 2, teas.b.url)


@pytest.mark.parametrize("count", [1, 8])
def test_the_page_costs_the_same_queries_however_many_cards(
    client, teas, django_assert_max_num_queries, count
):
    others = [
        make_product(category=teas.category, product_type=teas.kind, name=f"Cup {n}")
        for n in range(count)
    ]
    for other in others:
        paid_order(teas.a, other)
        visit(f"visit-{other.pk}", teas.a, other)
    product_pairs_build()
    client.get(teas.a.url)

    # The page with its "You may also like" cards (21, the cups share the category), plus
    # the rows' products, their pictures and their price batch (variants, extra categories).
    with django_assert_max_num_queries(25):
        response = client.get(teas.a.url)

    assert len(row(response, "bought_together")) == count
    assert len(row(response, "viewed_together")) == count
