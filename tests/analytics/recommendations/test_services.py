"""Rebuilding the recommendation pairs: exact co-occurrence counts and ranks, from paid orders
and from visits' product views; remembering a visitor's recently viewed products."""

import pytest

from analytics.models import ProductPair
from analytics.recommendations import services
from analytics.recommendations.services import (
    product_pairs_build,
    recently_viewed_add,
    recently_viewed_ids,
)

from .conftest import paid_order, visit

pytestmark = pytest.mark.django_db


def partners(product, kind="bought"):
    return list(
        ProductPair.objects.filter(product_id=product.pk, kind=kind)
        .order_by("rank")
        .values_list("other_id", "score", "rank")
    )


def test_bought_together_counts_paid_orders_holding_both_and_ranks_by_them(teas):
    paid_order(teas.a, teas.b, teas.c)
    paid_order(teas.a, teas.b)
    paid_order(teas.a, teas.b)
    paid_order(teas.a, teas.c)
    paid_order(teas.a, teas.d)
    paid_order(teas.e)  # alone: pairs with nothing

    built = product_pairs_build()

    assert partners(teas.a) == [(teas.b.pk, 3, 1), (teas.c.pk, 2, 2), (teas.d.pk, 1, 3)]
    assert partners(teas.b) == [(teas.a.pk, 3, 1), (teas.c.pk, 1, 2)]
    assert partners(teas.d) == [(teas.a.pk, 1, 1)]
    assert partners(teas.e) == []
    assert built == {"bought": 8, "viewed": 0}  # a: 3, b: 2, c: 2, d: 1


def test_equal_scores_rank_by_product_id_and_a_product_never_pairs_with_itself(teas):
    paid_order(teas.c, teas.a, teas.b)
    paid_order(teas.a, teas.a)  # the same product on two lines of one order

    product_pairs_build()

    assert partners(teas.c) == [(teas.a.pk, 1, 1), (teas.b.pk, 1, 2)]
    assert all(pair.other_id != pair.product_id for pair in ProductPair.objects.all())


def test_unpaid_and_cancelled_orders_do_not_count(teas):
    paid_order(teas.a, teas.b)
    paid_order(teas.a, teas.c, status="awaiting_payment", paid=False)
    paid_order(teas.a, teas.d, status="cancelled")

    product_pairs_build()

    assert partners(teas.a) == [(teas.b.pk, 1, 1)]


def test_only_the_strongest_partners_up_to_the_depth_are_kept(teas):
    paid_order(teas.a, teas.b, teas.c, teas.d)
    paid_order(teas.a, teas.d)
    paid_order(teas.a, teas.c)
    paid_order(teas.a, teas.d)

    product_pairs_build(depth=2)

    assert partners(teas.a) == [(teas.d.pk, 3, 1), (teas.c.pk, 2, 2)]


def test_viewed_together_counts_visits_within_the_window(teas):
    visit("s1", teas.a, teas.b, teas.a)  # a product viewed twice counts once for the visit
    visit("s2", teas.c, teas.a, teas.b)
    visit("s3", teas.a, teas.c)
    visit("old", teas.a, teas.d, days_ago=91)
    visit("", teas.a, teas.e)  # no visit to group by

    product_pairs_build(view_days=90)

    assert partners(teas.a, "viewed") == [(teas.b.pk, 2, 1), (teas.c.pk, 2, 2)]
    assert partners(teas.c, "viewed") == [(teas.a.pk, 2, 1), (teas.b.pk, 1, 2)]
    assert partners(teas.d, "viewed") == []


def test_a_basket_of_too_many_products_is_left_out(teas, monkeypatch):
    monkeypatch.setattr(services, "MAX_BASKET", 3)
    visit("browser", teas.a, teas.b, teas.c, teas.d)
    visit("shopper", teas.e, teas.f)

    product_pairs_build()

    assert partners(teas.a, "viewed") == []
    assert partners(teas.e, "viewed") == [(teas.f.pk, 1, 1)]


def test_a_rebuild_replaces_every_pair(teas):
    paid_order(teas.a, teas.b)
    product_pairs_build()
    paid_order(teas.a, teas.c)
    paid_order(teas.a, teas.c)

    product_pairs_build()
    product_pairs_build()

    assert partners(teas.a) == [(teas.c.pk, 2, 1), (teas.b.pk, 1, 2)]
    assert ProductPair.objects.count() == 4


def test_recently_viewed_keeps_the_newest_first_without_repeats_and_at_most_twenty():
    session = {}
    for product_id in [1, 2, 3, 2]:
        recently_viewed_add(session=session, product_id=product_id)
    assert recently_viewed_ids(session) == [2, 3, 1]

    for product_id in range(100, 130):
        recently_viewed_add(session=session, product_id=product_id)
    assert recently_viewed_ids(session) == list(range(129, 109, -1))


def test_a_tampered_list_is_read_as_what_it_holds_of_product_ids():
    assert recently_viewed_ids({"recently_viewed": "1,2"}) == []
    assert recently_viewed_ids({"recently_viewed": [3, "4", None, True, -1, 5]}) == [3, 5]
