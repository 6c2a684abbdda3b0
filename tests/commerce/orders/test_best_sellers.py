"""Best-sellers of the last 24 hours: a fixed order set against a ranking worked out by hand."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from commerce.models import Order, OrderStatus, PaymentMethod
from commerce.orders.best_sellers import best_sellers
from products.models import Product
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)  # a multiple of 300 s: the start of a cache bucket
S = OrderStatus
BANK, COD = PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH_ON_DELIVERY


def hours_ago(hours: float | None):
    return None if hours is None else NOW - timedelta(hours=hours)


def sale(
    shop,
    units: dict[Product, int],
    *,
    status: str,
    payment: str = BANK,
    placed: float = 1,
    paid: float | None = None,
) -> Order:
    """An order placed through ``order_place``, then put at ``status``, placed and paid that many
    hours ago."""
    order = place_order(
        user=shop.buyer,
        method=shop.method,
        payment_method=payment,
        quantities={product.variants.get().sku: count for product, count in units.items()},
    )
    Order.objects.filter(pk=order.pk).update(
        status=status, placed_at=hours_ago(placed), paid_at=hours_ago(paid)
    )
    return order


def named(ranking) -> list[tuple[str, int]]:
    names = dict(Product.objects.values_list("pk", "name"))
    return [(names[product_id], units) for product_id, units in ranking]


@pytest.fixture
def shop(db):
    """drinks > tea, and gadgets; "Cable" is a gadget also listed in tea."""
    drinks = make_category("Drinks", "drinks")
    tea = make_category("Tea", "tea", parent=drinks)
    gadgets = make_category("Gadgets", "gadgets")
    kind = make_product_type()
    products = {}
    for name, category in [
        ("Oolong", tea),
        ("Juice", drinks),
        ("Cable", gadgets),
        ("Lamp", gadgets),
        ("Green", tea),
        ("Gone", gadgets),
    ]:
        products[name] = make_product(name=name, category=category, product_type=kind, on_hand=100)
    products["Cable"].extra_categories.add(tea)
    products["Cable"].save()
    return SimpleNamespace(
        drinks=drinks,
        tea=tea,
        gadgets=gadgets,
        method=make_shipping_method(),
        buyer=UserFactory(),
        **{name.lower(): product for name, product in products.items()},
    )


@pytest.fixture
def orders(shop):
    """The fixed order set; the ranking by hand (units in the last 24 h):

    COD: cash on delivery.

    | order                                     | counts? | Oolong | Juice | Cable | Lamp | Green |
    | paid 2 h ago                              | yes     | 3      | 1     |       |      |       |
    | placed 30 h ago, paid 23 h ago, shipped   | yes     |        |       | 2     |      |       |
    | COD placed 5 h ago, confirmed             | yes     |        | 4     |       | 1    |       |
    | paid 10 h ago, completed                  | yes     | 1      |       | 1     |      | 3     |
    | awaiting payment, placed 1 h ago          | no      |        |       |       | 10   |       |
    | paid 1 h ago, then cancelled              | no      | 10     |       |       |      |       |
    | paid 25 h ago, delivered                  | no      |        |       | 10    |      |       |
    | COD placed 30 h ago, delivered            | no      |        |       |       | 10   |       |
    |   (cash collected 2 h ago)                |         |        |       |       |      |       |
    | COD placed 1 h ago, cancelled             | no      |        | 10    |       |      |       |
    | total                                     |         | 4      | 5     | 3     | 1    | 3     |

    "Gone" sold 20 units 2 h ago but is no longer published.
    """
    sale(shop, {shop.oolong: 3, shop.juice: 1, shop.gone: 20}, status=S.PAID, placed=2.5, paid=2)
    sale(shop, {shop.cable: 2}, status=S.SHIPPED, placed=30, paid=23)
    sale(shop, {shop.juice: 4, shop.lamp: 1}, status=S.CONFIRMED, payment=COD, placed=5)
    sale(
        shop,
        {shop.oolong: 1, shop.cable: 1, shop.green: 3},
        status=S.COMPLETED,
        placed=11,
        paid=10,
    )
    sale(shop, {shop.lamp: 10}, status=S.AWAITING_PAYMENT, placed=1)
    sale(shop, {shop.oolong: 10}, status=S.CANCELLED, placed=1.5, paid=1)
    sale(shop, {shop.cable: 10}, status=S.DELIVERED, placed=26, paid=25)
    sale(shop, {shop.lamp: 10}, status=S.DELIVERED, payment=COD, placed=30, paid=2)
    sale(shop, {shop.juice: 10}, status=S.CANCELLED, payment=COD, placed=1)
    Product.objects.filter(pk=shop.gone.pk).update(live=False)
    return shop


def test_overall_ranking_matches_the_hand_computed_one(orders):
    ranking = best_sellers(now=NOW)

    # Cable and Green tie at 3: the lower product id first.
    assert named(ranking) == [("Juice", 5), ("Oolong", 4), ("Cable", 3), ("Green", 3), ("Lamp", 1)]


def test_limit_cuts_the_ranking(orders):
    assert named(best_sellers(limit=2, now=NOW)) == [("Juice", 5), ("Oolong", 4)]


def test_category_ranking_includes_subcategories_and_extra_categories(orders):
    assert named(best_sellers(category=orders.tea, now=NOW)) == [
        ("Oolong", 4),
        ("Cable", 3),
        ("Green", 3),
    ]
    assert named(best_sellers(category=orders.drinks, now=NOW)) == [
        ("Juice", 5),
        ("Oolong", 4),
        ("Cable", 3),
        ("Green", 3),
    ]
    assert named(best_sellers(category=orders.gadgets, now=NOW)) == [("Cable", 3), ("Lamp", 1)]


def test_a_product_in_two_subcategories_is_counted_once(orders):
    green_tea = make_category("Green tea", "green-tea", parent=orders.tea)
    orders.cable.extra_categories.add(green_tea)
    orders.cable.save()

    assert named(best_sellers(category=orders.drinks, now=NOW))[2] == ("Cable", 3)


def test_nothing_sold_in_the_window_gives_an_empty_ranking(orders):
    assert best_sellers(now=NOW + timedelta(days=2)) == []


def test_an_order_exactly_24_hours_old_has_left_the_window(shop):
    sale(shop, {shop.lamp: 1}, status=S.PAID, placed=25, paid=24)
    sale(shop, {shop.green: 1}, status=S.PAID, placed=25, paid=23.99)

    assert named(best_sellers(now=NOW)) == [("Green", 1)]


def test_the_ranking_is_cached_until_the_bucket_ends(orders, settings, django_assert_num_queries):
    settings.BEST_SELLERS_CACHE_SECONDS = 300
    before = best_sellers(now=NOW)
    sale(orders, {orders.lamp: 9}, status=S.PAID, placed=0.5, paid=0.25)

    with django_assert_num_queries(0):
        cached = best_sellers(now=NOW + timedelta(minutes=4))
    refreshed = best_sellers(now=NOW + timedelta(minutes=5))

    assert cached == before
    assert named(refreshed)[0] == ("Lamp", 10)


def test_categories_are_cached_apart(orders, settings):
    settings.BEST_SELLERS_CACHE_SECONDS = 300

    overall = best_sellers(now=NOW)
    tea = best_sellers(category=orders.tea, now=NOW)

    assert overall != tea


def test_no_cache_when_the_setting_is_zero(orders, settings):
    settings.BEST_SELLERS_CACHE_SECONDS = 0
    best_sellers(now=NOW)
    sale(orders, {orders.lamp: 9}, status=S.PAID, placed=0.5, paid=0.25)

    assert named(best_sellers(now=NOW))[0] == ("Lamp", 10)


@pytest.mark.postgres
def test_ranking_on_postgresql_matches_the_hand_computed_one(orders):
    assert named(best_sellers(now=NOW)) == [
        ("Juice", 5),
        ("Oolong", 4),
        ("Cable", 3),
        ("Green", 3),
        ("Lamp", 1),
    ]
    assert named(best_sellers(category=orders.tea, now=NOW)) == [
        ("Oolong", 4),
        ("Cable", 3),
        ("Green", 3),
    ]
