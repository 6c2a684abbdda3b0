"""The inventory ledger: every change of stock is a movement, and the sums always match."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import translation

from commerce.errors import InsufficientStock, InvalidQuantity
from commerce.inventory.selectors import stock_ledger_mismatches
from commerce.inventory.services import (
    StockChangeRefused,
    stock_adjust,
    stock_count,
    stock_open,
    stock_receive,
    stock_return,
    stock_write_off_damaged,
)
from commerce.models import Order, OrderStatus, StockMovement
from commerce.orders.services import (
    order_cancel_by_customer,
    order_ship,
    order_transition,
    orders_cancel_unpaid,
)
from products.models import Stock
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory

D = Decimal


@pytest.fixture
def shop(db):
    kind = make_product_type()
    category = make_category("Tea", "tea")
    tea = make_product(
        category=category, product_type=kind, name="Longjing", prices=["100.00"], on_hand=10
    )
    cup = make_product(
        category=category, product_type=kind, name="Cup", prices=["20.00"], on_hand=4
    )
    return {
        "tea": tea.variants.get().sku,
        "cup": cup.variants.get().sku,
        "method": make_shipping_method(),
        "buyer": UserFactory(),
        "clerk": UserFactory(groups=["Logistics"]),
    }


def stock(sku):
    row = Stock.objects.get(sku=sku)
    return row.on_hand, row.reserved


def kinds(sku):
    return list(
        StockMovement.objects.filter(sku=sku)
        .order_by("pk")
        .values_list("kind", "on_hand_change", "reserved_change")
    )


def ship(order, clerk):
    order_transition(order=order, to_status=OrderStatus.STOCKING, actor=clerk)
    order_transition(order=order, to_status=OrderStatus.PACKING, actor=clerk)
    return order_ship(order=order, carrier="SF Express", tracking_number="SF123", actor=clerk)


def test_factory_stock_starts_with_an_opening_balance(shop):
    assert kinds(shop["tea"]) == [("adjustment", 10, 0)]
    assert StockMovement.objects.get(sku=shop["tea"]).reason == "Opening balance"
    assert stock_ledger_mismatches() == []


def test_ledger_balances_after_every_step_of_an_orders_life(shop):
    clerk, buyer = shop["clerk"], shop["buyer"]

    cancelled = place_order(
        user=buyer, quantities={shop["tea"]: 2, shop["cup"]: 1}, method=shop["method"]
    )
    assert stock_ledger_mismatches() == []
    order_cancel_by_customer(order=cancelled, actor=buyer)
    assert stock_ledger_mismatches() == []
    order = place_order(user=buyer, quantities={shop["tea"]: 3}, method=shop["method"])
    assert stock_ledger_mismatches() == []
    ship(order, clerk)
    assert stock_ledger_mismatches() == []
    order_transition(order=order, to_status=OrderStatus.DELIVERED, actor=clerk)
    stock_return(sku=shop["tea"], quantity=1, order=order, actor=clerk)
    assert stock_ledger_mismatches() == []
    stock_adjust(sku=shop["tea"], on_hand_change=-2, reason="Broken in the warehouse", actor=clerk)
    assert stock_ledger_mismatches() == []
    stock_count(sku=shop["tea"], counted=5, actor=clerk)
    assert stock_ledger_mismatches() == []

    assert stock(shop["tea"]) == (5, 0)
    assert kinds(shop["tea"]) == [
        ("adjustment", 10, 0),
        ("reserve", 0, 2),
        ("release", 0, -2),
        ("reserve", 0, 3),
        ("sale_out", -3, -3),
        ("return_in", 1, 0),
        ("adjustment", -2, 0),
        ("stocktake", -1, 0),
    ]
    assert list(
        StockMovement.objects.filter(order=order).values_list("kind", flat=True).order_by("pk")
    ) == ["reserve", "sale_out", "return_in"]
    assert (
        StockMovement.objects.get(order=cancelled, sku=shop["tea"], kind="release").actor == buyer
    )
    assert StockMovement.objects.get(order=order, kind="sale_out").actor == clerk


def test_the_auto_cancel_job_releases_through_the_ledger(shop):
    order = place_order(
        user=shop["buyer"],
        quantities={shop["cup"]: 2},
        method=shop["method"],
        payment_method="bank_transfer",
    )
    Order.objects.filter(pk=order.pk).update(pay_by=order.placed_at)

    cancelled = orders_cancel_unpaid()

    assert cancelled == 1
    assert stock(shop["cup"]) == (4, 0)
    assert kinds(shop["cup"])[-1] == ("release", 0, -2)
    assert stock_ledger_mismatches() == []


def test_a_refused_order_writes_no_movement(shop):
    with pytest.raises(InsufficientStock):
        place_order(
            user=shop["buyer"], quantities={shop["tea"]: 1, shop["cup"]: 5}, method=shop["method"]
        )

    assert StockMovement.objects.exclude(reason="Opening balance").count() == 0
    assert stock_ledger_mismatches() == []


def test_purchase_in_keeps_supplier_reference_and_cost(shop):
    movement = stock_receive(
        sku=shop["cup"],
        quantity=24,
        supplier_reference=" DN-0117 ",
        unit_cost="35.5",
        actor=shop["clerk"],
    )

    assert stock(shop["cup"]) == (28, 0)
    assert (
        movement.kind,
        movement.on_hand_change,
        movement.supplier_reference,
        movement.unit_cost,
        movement.actor,
    ) == ("purchase_in", 24, "DN-0117", D("35.50"), shop["clerk"])
    assert stock_ledger_mismatches() == []


def test_purchase_in_creates_the_missing_stock_row_of_a_catalogue_variant(shop):
    Stock.objects.filter(sku=shop["cup"]).delete()
    StockMovement.objects.filter(sku=shop["cup"]).delete()

    stock_receive(
        sku=shop["cup"],
        quantity=3,
        supplier_reference="DN-1",
        unit_cost=D("1.00"),
        actor=shop["clerk"],
    )

    assert stock(shop["cup"]) == (3, 0)
    assert stock_ledger_mismatches() == []


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"sku": "NOPE-1"}, "unknown_sku"),
        ({"quantity": 0}, "invalid_quantity"),
        ({"quantity": 2.5}, "invalid_quantity"),
        ({"unit_cost": "-1"}, "invalid_cost"),
        ({"unit_cost": "1.005"}, "invalid_cost"),
        ({"unit_cost": "abc"}, "invalid_cost"),
        ({"supplier_reference": "  "}, "supplier_reference_required"),
    ],
)
def test_a_bad_purchase_in_is_refused_and_changes_nothing(shop, changes, code):
    purchase = {
        "sku": shop["cup"],
        "quantity": 5,
        "supplier_reference": "DN-1",
        "unit_cost": "3.00",
    }
    purchase.update(changes)

    with pytest.raises((StockChangeRefused, InvalidQuantity)) as refused:
        stock_receive(actor=shop["clerk"], **purchase)

    assert refused.value.code == code
    assert stock(shop["cup"]) == (4, 0)
    assert StockMovement.objects.count() == 2


def test_an_adjustment_needs_a_reason(shop):
    with pytest.raises(StockChangeRefused) as refused:
        stock_adjust(sku=shop["tea"], on_hand_change=-1, reason="  ", actor=shop["clerk"])

    assert refused.value.code == "reason_required"
    assert stock(shop["tea"]) == (10, 0)


def test_an_adjustment_below_reserved_is_refused(shop):
    place_order(user=shop["buyer"], quantities={shop["tea"]: 8}, method=shop["method"])

    with pytest.raises(StockChangeRefused) as refused, translation.override("en"):
        stock_adjust(sku=shop["tea"], on_hand_change=-3, reason="Lost", actor=shop["clerk"])

    assert refused.value.code == "below_reserved"
    assert "8 are reserved" in refused.value.message
    assert stock(shop["tea"]) == (10, 8)
    assert stock_ledger_mismatches() == []


def test_an_adjustment_down_to_reserved_is_allowed(shop):
    place_order(user=shop["buyer"], quantities={shop["tea"]: 8}, method=shop["method"])

    stock_adjust(sku=shop["tea"], on_hand_change=-2, reason="Lost", actor=shop["clerk"])

    assert stock(shop["tea"]) == (8, 8)


def test_a_stock_take_books_the_difference_and_records_a_matching_count(shop):
    raised = stock_count(sku=shop["cup"], counted=7, actor=shop["clerk"])
    matched = stock_count(sku=shop["cup"], counted=7, actor=shop["clerk"])

    assert (raised.kind, raised.on_hand_change, raised.reason) == ("stocktake", 3, "4 → 7")
    assert (matched.on_hand_change, matched.reason) == (0, "7 → 7")
    assert stock(shop["cup"]) == (7, 0)


def test_a_stock_take_below_reserved_is_refused(shop):
    place_order(user=shop["buyer"], quantities={shop["cup"]: 3}, method=shop["method"])

    with pytest.raises(StockChangeRefused):
        stock_count(sku=shop["cup"], counted=2, actor=shop["clerk"])

    assert stock(shop["cup"]) == (4, 3)


def test_a_return_needs_a_shipped_order_and_never_exceeds_what_it_took(shop):
    order = place_order(user=shop["buyer"], quantities={shop["cup"]: 2}, method=shop["method"])
    with pytest.raises(StockChangeRefused) as not_shipped:
        stock_return(sku=shop["cup"], quantity=1, order=order, actor=shop["clerk"])
    ship(order, shop["clerk"])
    stock_return(sku=shop["cup"], quantity=2, order=order, actor=shop["clerk"])

    with pytest.raises(StockChangeRefused) as too_many:
        stock_return(sku=shop["cup"], quantity=1, order=order, actor=shop["clerk"])

    assert (not_shipped.value.code, too_many.value.code) == ("not_shipped", "return_exceeds_order")
    assert stock(shop["cup"]) == (4, 0)
    assert stock_ledger_mismatches() == []


def test_mismatches_name_rows_changed_outside_the_ledger(shop):
    Stock.objects.filter(sku=shop["cup"]).update(on_hand=9)
    StockMovement.objects.create(sku="GHOST-1", kind="adjustment", on_hand_change=2, reason="x")

    assert stock_ledger_mismatches() == [("GHOST-1", 0, 2, 0, 0), (shop["cup"], 9, 4, 0, 0)]
    assert stock_ledger_mismatches(skus=[shop["tea"]]) == []


def test_stock_open_creates_the_row_and_its_opening_movement(db):
    row = stock_open(sku="NEW-1", on_hand=6)

    assert (row.on_hand, row.reserved) == (6, 0)
    assert kinds("NEW-1") == [("adjustment", 6, 0)]


def test_generated_catalogue_stock_matches_its_ledger_and_deletes_with_it(db):
    call_command("generate_catalogue", products=3, seed=1)

    assert StockMovement.objects.filter(sku__startswith="GEN-").count() == 6
    assert stock_ledger_mismatches() == []

    call_command("generate_catalogue", delete=True)

    assert StockMovement.objects.filter(sku__startswith="GEN-").count() == 0
    assert stock_ledger_mismatches() == []


def test_the_opening_balance_migration_books_what_rows_hold_beyond_the_ledger(shop):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("commerce.migrations.0007_opening_stock_balances")
    Stock.objects.create(sku="OLD-1", on_hand=7, reserved=2)  # a row from before the ledger
    Stock.objects.filter(sku=shop["cup"]).update(on_hand=6)

    migration.open_balances(apps, None)

    assert stock_ledger_mismatches() == []
    assert kinds("OLD-1") == [("adjustment", 7, 2)]
    assert kinds(shop["cup"]) == [("adjustment", 4, 0), ("adjustment", 2, 0)]
    assert StockMovement.objects.count() == 4


def test_damaged_returns_leave_the_shelf_and_never_more_than_came_back(shop):
    order = place_order(user=shop["buyer"], quantities={shop["cup"]: 2}, method=shop["method"])
    ship(order, shop["clerk"])
    stock_return(sku=shop["cup"], quantity=2, order=order, actor=shop["clerk"])
    stock_write_off_damaged(
        sku=shop["cup"], quantity=1, order=order, actor=shop["clerk"], reason="AS-1"
    )

    with pytest.raises(StockChangeRefused) as too_many:
        stock_write_off_damaged(sku=shop["cup"], quantity=2, order=order, actor=shop["clerk"])

    assert too_many.value.code == "write_off_exceeds_return"
    assert stock(shop["cup"]) == (3, 0)
    assert kinds(shop["cup"])[-1] == ("damaged", -1, 0)
    assert stock_ledger_mismatches() == []
