"""The cart's domain functions: quantities, stock, merging, and what the cart shows today."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from commerce.cart.selectors import cart_lines_for_checkout, cart_view
from commerce.cart.services import (
    cart_accept_prices,
    cart_add_line,
    cart_clear,
    cart_merge,
    cart_remove_line,
    cart_set_quantity,
    parse_quantity,
)
from commerce.errors import CommerceError, InsufficientStock, InvalidQuantity, ProductUnavailable
from commerce.models import Cart, CartLine
from products.models import Product, ProductVariant, Stock
from tests.concurrency import run_together
from tests.factories import UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(db):
    """Two live products (one with two variants, stock 10 each) and a draft."""
    category = make_category("Kitchen", "kitchen")
    product_type = make_product_type("Pot")
    kettle = make_product(
        name="Kettle", category=category, product_type=product_type, prices=["100.00", "120.00"]
    )
    mug = make_product(
        name="Mug", category=category, product_type=product_type, prices=["15.50"], on_hand=3
    )
    draft = make_product(name="Draft", category=category, product_type=product_type, live=False)
    skus = lambda product: [v.sku for v in product.variants.order_by("sort_order")]  # noqa: E731
    return SimpleNamespace(
        kettle=kettle,
        mug=mug,
        draft=draft,
        a=skus(kettle)[0],
        b=skus(kettle)[1],
        m=skus(mug)[0],
        d=skus(draft)[0],
    )


def lines_of(cart):
    return {line.sku: line.quantity for line in CartLine.objects.filter(cart=cart)}


# --- parse_quantity ----------------------------------------------------------------


@pytest.mark.parametrize("raw, expected", [("1", 1), ("99", 99), (" 3 ", 3), ("007", 7), (5, 5)])
def test_parse_quantity_accepts_plain_whole_numbers(raw, expected):
    assert parse_quantity(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "-1",
        "0",
        "1.5",
        "1e3",
        "",
        " ",
        "abc",
        "99999999999999999999",
        "100",
        None,
        "+3",
        "1_0",
        "١٢",
        "0x10",
        "3 4",
        True,
        1.5,
        -1,
        0,
        100,
    ],
)
def test_parse_quantity_rejects_everything_else(raw):
    with pytest.raises(InvalidQuantity) as caught:
        parse_quantity(raw)

    assert caught.value.message == "Quantity must be a whole number from 1 to 99."
    assert caught.value.code == "invalid_quantity"


# --- adding, changing, removing ----------------------------------------------------


def test_add_line_records_the_catalogue_price_and_timestamps(shop):
    cart = Cart.objects.create()

    line = cart_add_line(cart=cart, sku=shop.a, quantity=2)

    assert (line.sku, line.quantity, line.price_when_added) == (shop.a, 2, Decimal("100.00"))
    assert line.added_at is not None and line.updated_at is not None


def test_adding_again_adds_to_the_quantity_and_keeps_when_it_was_first_added(shop):
    cart = Cart.objects.create()
    first = cart_add_line(cart=cart, sku=shop.a, quantity=2)

    again = cart_add_line(cart=cart, sku=shop.a, quantity=3)

    assert CartLine.objects.filter(cart=cart).count() == 1
    assert again.pk == first.pk and again.quantity == 5
    again.refresh_from_db()
    assert again.added_at == first.added_at
    assert again.updated_at >= first.updated_at


@pytest.mark.parametrize("quantity", [0, -1, 100, 1.5, "3", True, None])
def test_add_line_refuses_bad_quantities(shop, quantity):
    cart = Cart.objects.create()

    with pytest.raises(InvalidQuantity):
        cart_add_line(cart=cart, sku=shop.a, quantity=quantity)

    assert lines_of(cart) == {}


def test_add_line_refuses_more_than_the_stock_and_names_how_many_are_left(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.m, quantity=2)

    with pytest.raises(InsufficientStock) as caught:
        cart_add_line(cart=cart, sku=shop.m, quantity=2)

    assert (
        caught.value.message
        == "Only 3 of Mug · Option 0 are available. You already have 2 in your cart."
    )
    assert lines_of(cart) == {shop.m: 2}


def test_add_line_counts_reserved_units_as_gone(shop):
    Stock.objects.filter(sku=shop.m).update(reserved=3)
    cart = Cart.objects.create()

    with pytest.raises(InsufficientStock) as caught:
        cart_add_line(cart=cart, sku=shop.m, quantity=1)

    assert caught.value.message == "Sorry, Mug · Option 0 is out of stock."
    assert lines_of(cart) == {}


def test_add_line_refuses_a_total_above_the_maximum(shop):
    Stock.objects.filter(sku=shop.a).update(on_hand=500)
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=98)

    with pytest.raises(InvalidQuantity) as caught:
        cart_add_line(cart=cart, sku=shop.a, quantity=2)

    assert (
        caught.value.message
        == "You can have at most 99 of one item in your cart; you already have 98."
    )
    assert lines_of(cart) == {shop.a: 98}


@pytest.mark.parametrize("sku", ["NOPE-1", "", "draft"])
def test_add_line_refuses_unknown_and_unpublished_skus(shop, sku):
    cart = Cart.objects.create()

    with pytest.raises(ProductUnavailable) as caught:
        cart_add_line(cart=cart, sku=shop.d if sku == "draft" else sku, quantity=1)

    assert caught.value.message == "Sorry, that product is not available."
    assert lines_of(cart) == {}


def test_set_quantity_changes_the_line(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=2)

    cart_set_quantity(cart=cart, sku=shop.a, quantity=7)

    assert lines_of(cart) == {shop.a: 7}


@pytest.mark.parametrize(
    "quantity, error", [(11, InsufficientStock), (0, InvalidQuantity), (100, InvalidQuantity)]
)
def test_set_quantity_refuses_and_leaves_the_line_alone(shop, quantity, error):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=2)

    with pytest.raises(error):
        cart_set_quantity(cart=cart, sku=shop.a, quantity=quantity)

    assert lines_of(cart) == {shop.a: 2}


def test_set_quantity_of_a_line_not_in_the_cart_is_refused(shop):
    cart = Cart.objects.create()

    with pytest.raises(CommerceError) as caught:
        cart_set_quantity(cart=cart, sku=shop.a, quantity=1)

    assert caught.value.code == "not_in_cart"


def test_remove_line_is_idempotent(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=1)

    assert cart_remove_line(cart=cart, sku=shop.a) is True
    assert cart_remove_line(cart=cart, sku=shop.a) is False
    assert lines_of(cart) == {}


def test_clear_empties_the_cart_but_keeps_it(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=1)
    cart_add_line(cart=cart, sku=shop.m, quantity=1)

    cart_clear(cart=cart)

    assert lines_of(cart) == {}
    assert Cart.objects.filter(pk=cart.pk).exists()


# --- merging -----------------------------------------------------------------------


def test_merge_adds_quantities_moves_new_lines_and_deletes_the_source(shop):
    user = UserFactory()
    target = Cart.objects.create(user=user)
    cart_add_line(cart=target, sku=shop.a, quantity=1)
    source = Cart.objects.create()
    cart_add_line(cart=source, sku=shop.a, quantity=2)
    cart_add_line(cart=source, sku=shop.b, quantity=1)

    cart_merge(source=source, target=target)

    assert lines_of(target) == {shop.a: 3, shop.b: 1}
    assert not Cart.objects.filter(pk=source.pk).exists()


def test_merge_caps_at_the_stock_but_never_shrinks_a_line(shop):
    target = Cart.objects.create(user=UserFactory())
    cart_add_line(cart=target, sku=shop.m, quantity=2)
    source = Cart.objects.create()
    cart_add_line(cart=source, sku=shop.m, quantity=2)

    cart_merge(source=source, target=target)

    assert lines_of(target) == {shop.m: 3}

    Stock.objects.filter(sku=shop.m).update(on_hand=1)
    other = Cart.objects.create()
    CartLine.objects.create(cart=other, sku=shop.m, quantity=2, price_when_added=Decimal("15.50"))
    cart_merge(source=other, target=target)

    assert lines_of(target) == {shop.m: 3}


def test_merge_into_itself_changes_nothing(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=2)

    cart_merge(source=cart, target=cart)

    assert lines_of(cart) == {shop.a: 2}


# --- what the cart shows -----------------------------------------------------------


def test_cart_view_prices_lines_with_the_pricing_engine(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=2)
    cart_add_line(cart=cart, sku=shop.m, quantity=3)

    view = cart_view(cart)

    assert [(row.sku, row.unit_price, row.line_total) for row in view.rows] == [
        (shop.a, Decimal("100.00"), Decimal("200.00")),
        (shop.m, Decimal("15.50"), Decimal("46.50")),
    ]
    assert view.breakdown.subtotal == Decimal("246.50")
    assert view.count == 5
    assert view.has_notices is False and view.can_check_out is True


def test_cart_view_flags_price_changes_until_accepted(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=1)
    ProductVariant.objects.filter(sku=shop.a).update(price=Decimal("90.00"))

    view = cart_view(cart)

    assert [
        (row.sku, row.line.price_when_added, row.variant.price) for row in view.price_changed_rows
    ] == [(shop.a, Decimal("100.00"), Decimal("90.00"))]
    assert view.breakdown.subtotal == Decimal("90.00")

    assert cart_accept_prices(cart=cart) == 1
    assert cart_view(cart).price_changed_rows == []


def test_cart_view_flags_unpublished_gone_and_out_of_stock_lines_and_leaves_them_out_of_the_total(
    shop,
):
    cart = Cart.objects.create()
    for sku in (shop.a, shop.b, shop.m):
        cart_add_line(cart=cart, sku=sku, quantity=1)
    CartLine.objects.create(cart=cart, sku="GONE-1", quantity=1, price_when_added=Decimal("5.00"))
    Product.objects.filter(pk=shop.kettle.pk).update(live=False)
    Stock.objects.filter(sku=shop.m).update(on_hand=0)

    view = cart_view(cart)

    assert [(row.sku, row.name) for row in view.unavailable_rows] == [
        (shop.a, "Kettle · Option 0"),
        (shop.b, "Kettle · Option 1"),
        (shop.m, "Mug"),
        ("GONE-1", "GONE-1"),
    ]
    assert view.breakdown.subtotal == Decimal("0.00")
    assert view.can_check_out is False


def test_cart_view_flags_quantities_above_the_stock(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.m, quantity=3)
    Stock.objects.filter(sku=shop.m).update(reserved=1)

    view = cart_view(cart)

    assert [(row.sku, row.quantity, row.available) for row in view.over_stock_rows] == [
        (shop.m, 3, 2)
    ]
    assert view.unavailable_rows == []


def test_lines_for_checkout_hold_back_problem_lines_and_say_why(shop):
    cart = Cart.objects.create()
    cart_add_line(cart=cart, sku=shop.a, quantity=2)
    cart_add_line(cart=cart, sku=shop.m, quantity=3)
    CartLine.objects.create(cart=cart, sku="GONE-1", quantity=1, price_when_added=Decimal("5.00"))
    Stock.objects.filter(sku=shop.m).update(on_hand=1)

    lines, problems = cart_lines_for_checkout(cart)

    assert [(variant.sku, quantity) for variant, quantity in lines] == [(shop.a, 2)]
    assert problems == [
        "GONE-1 is no longer available; please remove it from your cart.",
        "Only 1 of Mug is available; please lower the quantity.",
    ]


def test_lines_for_checkout_of_an_empty_or_missing_cart(shop):
    assert cart_lines_for_checkout(Cart.objects.create()) == ([], [])
    assert cart_lines_for_checkout(None) == ([], [])


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_adds_of_one_sku_to_one_cart_both_count(shop):
    cart = Cart.objects.create()

    outcomes = run_together(
        [lambda: cart_add_line(cart=cart, sku=shop.a, quantity=2) for _ in range(2)]
    )

    errors = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert errors == []
    assert lines_of(cart) == {shop.a: 4}
