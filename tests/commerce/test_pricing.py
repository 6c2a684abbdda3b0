"""The pricing engine: exact examples, then properties over random baskets."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commerce.models import RedPacketType
from commerce.pricing import allocate, money, price_basket
from products.models import ProductVariant
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import give_red_packet, make_red_packet_type, make_shipping_method
from tests.factories.users import UserFactory

D = Decimal


@pytest.fixture
def product(db):
    return make_product(
        category=make_category("Phones", "phones"),
        product_type=make_product_type(),
        prices=["100.00", "35.50"],
        weight_grams=400,
    )


def lines_of(product, *quantities):
    variants = list(product.variants.order_by("sort_order"))
    return [(variant, quantity) for variant, quantity in zip(variants, quantities, strict=False)]


def test_totals_without_discounts_or_shipping(product):
    breakdown = price_basket(lines=lines_of(product, 2, 3))
    assert breakdown.subtotal == D("306.50")
    assert breakdown.discount_total == D("0.00")
    assert breakdown.total == D("306.50")
    assert breakdown.weight_grams == 2000


def test_shipping_fee_is_added_and_free_threshold_counts_goods_after_discounts(product):
    method = make_shipping_method(base_fee="12.00", free_from="100.00")
    packet = give_red_packet(UserFactory(), amount="20.00")

    full = price_basket(lines=lines_of(product, 1), shipping_method=method, province="beijing")
    discounted = price_basket(
        lines=lines_of(product, 1), shipping_method=method, province="beijing", red_packet=packet
    )

    assert (full.shipping_fee, full.total) == (D("0.00"), D("100.00"))
    assert (discounted.goods_total, discounted.shipping_fee, discounted.total) == (
        D("80.00"),
        D("12.00"),
        D("92.00"),
    )


def test_percentage_red_packet_rounds_half_up_and_respects_the_cap(product):
    user = UserFactory()
    ten_percent = give_red_packet(user, percent="10", amount=None)
    capped = give_red_packet(user, percent="50", amount=None, cap="30.00")

    assert price_basket(lines=lines_of(product, 0, 1), red_packet=ten_percent).discount_total == D(
        "3.55"
    )
    assert price_basket(lines=lines_of(product, 1), red_packet=capped).discount_total == D("30.00")


def test_red_packet_below_minimum_spend_gives_nothing_and_says_why(product):
    packet = give_red_packet(UserFactory(), amount="20.00", min_spend="199.00")

    breakdown = price_basket(lines=lines_of(product, 1), red_packet=packet)

    assert breakdown.discount_total == D("0.00")
    assert "199.00" in breakdown.red_packet_problem


def test_category_red_packet_applies_only_to_goods_in_that_category_and_below(db):
    kind = make_product_type()
    phones = make_category("Phones", "phones")
    cases = make_category("Cases", "cases", parent=phones)
    books = make_category("Books", "books")
    case = make_product(category=cases, product_type=kind, prices=["50.00"])
    book = make_product(category=books, product_type=kind, prices=["80.00"])
    packet_type = make_red_packet_type(percent="10", amount=None)
    packet_type.categories.add(phones)
    packet = give_red_packet(UserFactory(), packet_type)

    breakdown = price_basket(
        lines=[(case.variants.get(), 1), (book.variants.get(), 1)], red_packet=packet
    )

    assert breakdown.discount_total == D("5.00")
    assert [line.discount for line in breakdown.lines] == [D("5.00"), D("0.00")]


def test_fixed_red_packet_never_takes_more_than_the_goods(product):
    packet = give_red_packet(UserFactory(), amount="500.00")

    breakdown = price_basket(lines=lines_of(product, 0, 2), red_packet=packet)

    assert (breakdown.discount_total, breakdown.total) == (D("71.00"), D("0.00"))


def test_allocate_splits_cents_exactly_by_largest_remainder():
    assert allocate(D("10.00"), [D("1"), D("1"), D("1")]) == [D("3.34"), D("3.33"), D("3.33")]
    assert allocate(D("0.00"), [D("5")]) == [D("0.00")]
    assert allocate(D("5.00"), []) == []


prices = st.decimals(
    min_value=D("0.01"), max_value=D("99999.99"), places=2, allow_nan=False, allow_infinity=False
)
baskets = st.lists(
    st.tuples(prices, st.integers(min_value=1, max_value=99)), min_size=1, max_size=6
)
packet_rules = st.one_of(
    st.tuples(st.just("fixed"), prices, st.none()),
    st.tuples(
        st.just("percent"),
        st.decimals(min_value=D("0.01"), max_value=D("100"), places=2),
        st.none() | prices,
    ),
)


@pytest.mark.django_db
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    basket=baskets,
    rule=packet_rules,
    min_spend=st.decimals(min_value=0, max_value=D("500"), places=2),
)
def test_totals_are_never_negative_and_discounts_never_exceed_the_subtotal(
    product, basket, rule, min_spend
):
    user = UserFactory()
    kind, value, cap = rule
    packet_type = make_red_packet_type(
        amount=str(value) if kind == "fixed" else None,
        percent=str(value) if kind == "percent" else None,
        cap=str(cap) if cap else None,
        min_spend=str(min_spend),
    )
    packet = give_red_packet(user, packet_type)
    lines = [
        (ProductVariant(product=product, sku=f"H{i}", price=price, weight_grams=0), quantity)
        for i, (price, quantity) in enumerate(basket)
    ]

    breakdown = price_basket(lines=lines, red_packet=packet)

    assert breakdown.total >= 0
    assert D("0") <= breakdown.discount_total <= breakdown.subtotal
    assert sum(line.discount for line in breakdown.lines) == breakdown.discount_total
    assert all(line.total >= 0 for line in breakdown.lines)
    assert all(
        amount == money(amount)
        for amount in (breakdown.subtotal, breakdown.discount_total, breakdown.total)
    )
    if kind == RedPacketType.Kind.FIXED and breakdown.discount_total:
        assert breakdown.discount_total == min(value, breakdown.subtotal)
