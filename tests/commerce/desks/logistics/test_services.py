"""The logistics desk's domain functions: review checks, suspicious orders, stocking, shipping,
bulk CSV."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from commerce.desks.logistics.services import (
    BulkShipInvalid,
    RowError,
    ShipmentInvalid,
    bulk_ship_from_csv,
    logistics_counts,
    order_back_in_stock,
    order_flag,
    order_mark_out_of_stock,
    order_review_accept,
    order_review_checks,
    order_ship_with_carrier,
    order_stock_confirm,
)
from commerce.desks.logistics.services import shipping as logistics_shipping
from commerce.errors import CommerceError, IllegalTransition
from commerce.models import Carrier, Order, OrderStatus, OutgoingEmail, RegionRule, StaffNote
from products.models import Stock
from tests.factories.commerce import make_shipping_method
from tests.factories.orders import make_order, shipping_snapshot
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def codes(problems) -> list[str]:
    return [problem.code for problem in problems]


# Review checks
# -------------------------------------------------------------------------------------------


def test_a_complete_order_from_a_new_phone_has_no_problems(shop):
    order = make_order(shop)

    assert order_review_checks(order) == []


def test_incomplete_delivery_details_are_each_reported(shop):
    order = make_order(shop)
    Order.objects.filter(pk=order.pk).update(
        recipient=" ", mobile="12345", district="", street="1号", postcode="51"
    )
    order.refresh_from_db()

    assert codes(order_review_checks(order)) == [
        "no_recipient",
        "bad_mobile",
        "no_city",
        "short_street",
        "bad_postcode",
    ]


def test_three_orders_from_one_mobile_within_a_day_are_all_suspicious(shop):
    orders = [make_order(shop, mobile="13700000001") for _ in range(3)]
    Order.objects.filter(pk=orders[0].pk).update(placed_at=timezone.now() - timedelta(hours=23))
    orders[0].refresh_from_db()

    assert [codes(order_review_checks(order)) for order in orders] == [["mobile_burst"]] * 3


def test_two_orders_from_one_mobile_or_three_spread_over_days_are_not_suspicious(shop):
    pair = [make_order(shop, mobile="13700000002") for _ in range(2)]
    spread = [make_order(shop, mobile="13700000003") for _ in range(3)]
    for days, order in enumerate(spread):
        Order.objects.filter(pk=order.pk).update(
            placed_at=timezone.now() - timedelta(days=days * 2)
        )

    assert [order_review_checks(order) for order in pair + spread] == [[]] * 5


def test_three_orders_to_one_address_written_differently_are_suspicious(shop):
    streets = ["科技园路 8 号", "科技园路8号", "科技园路 8号"]
    orders = [make_order(shop, street=street) for street in streets]

    assert codes(order_review_checks(orders[2])) == ["address_burst"]


def test_a_province_no_active_method_delivers_to_is_reported(shop):
    order = make_order(shop, province="tibet")
    RegionRule.objects.create(method=shop.method, province="tibet", unavailable=True)
    make_shipping_method("retired", active=False)  # delivers everywhere, but is not offered

    assert codes(order_review_checks(order)) == ["unreachable"]


def test_a_payment_to_reconcile_is_reported(shop):
    order = make_order(shop, status=OrderStatus.PAID, payment_method="bank_transfer")
    Order.objects.filter(pk=order.pk).update(needs_reconciliation=True)
    order.refresh_from_db()

    assert codes(order_review_checks(order)) == ["needs_reconciliation"]


# Review actions
# -------------------------------------------------------------------------------------------


def test_accepting_a_flagged_order_sends_it_to_stocking_lifts_the_flag_and_logs(shop):
    order = make_order(shop)
    clerk = UserFactory()
    order_flag(order=order, reason="Three orders from one phone", actor=clerk)

    order = order_review_accept(order=order, actor=clerk)

    assert (order.status, order.flagged) == (OrderStatus.STOCKING, False)
    assert order.status_changes.last().actor == clerk
    entries = ModelLogEntry.objects.filter(
        object_id=str(order.pk), action__startswith="commerce."
    ).order_by("pk")
    assert [entry.action for entry in entries] == [
        "commerce.logistics.flag",
        "commerce.logistics.accept",
    ]
    assert entries[1].data == {"was_flagged": True, "flag_reason": "Three orders from one phone"}


def test_an_order_whose_payment_does_not_match_cannot_be_accepted(shop):
    order = make_order(shop, status=OrderStatus.PAID, payment_method="bank_transfer")
    Order.objects.filter(pk=order.pk).update(needs_reconciliation=True)

    with pytest.raises(CommerceError, match="Finance must reconcile"):
        order_review_accept(order=order, actor=UserFactory())

    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID


def test_flagging_needs_a_reason_and_an_order_in_review(shop):
    waiting, packing = make_order(shop), make_order(shop, status=OrderStatus.PACKING)

    with pytest.raises(CommerceError, match="Say why"):
        order_flag(order=waiting, reason="  ", actor=UserFactory())
    with pytest.raises(CommerceError, match="Only orders waiting for review"):
        order_flag(order=packing, reason="odd", actor=UserFactory())
    flagged = order_flag(order=waiting, reason="Same  phone\nthree times", actor=UserFactory())

    assert (flagged.flagged, flagged.flag_reason, flagged.status) == (
        True,
        "Same phone three times",
        "confirmed",
    )
    assert Order.objects.get(pk=packing.pk).flagged is False


# Stocking
# -------------------------------------------------------------------------------------------------


def test_stock_confirmed_moves_the_order_to_packing(shop):
    order = make_order(shop, status=OrderStatus.STOCKING)

    order = order_stock_confirm(order=order, actor=UserFactory())

    assert order.status == OrderStatus.PACKING
    assert ModelLogEntry.objects.filter(action="commerce.logistics.stock_confirm").count() == 1


def test_out_of_stock_leaves_a_staff_note_for_customer_service_and_can_be_undone(shop):
    order = make_order(shop, status=OrderStatus.STOCKING)
    clerk = UserFactory()

    order = order_mark_out_of_stock(order=order, actor=clerk, note="Green tea: 0 on the shelf")

    assert order.status == OrderStatus.OUT_OF_STOCK
    note = StaffNote.objects.get(order=order)
    assert note.author == clerk
    assert note.text == (
        "Out of stock at picking; customer service, please contact the customer. "
        "Green tea: 0 on the shelf"
    )
    assert order.status_changes.last().note == "Green tea: 0 on the shelf"
    assert order_back_in_stock(order=order, actor=clerk).status == OrderStatus.STOCKING


def test_only_a_stocking_order_can_be_marked_out_of_stock(shop):
    order = make_order(shop)

    with pytest.raises(IllegalTransition):
        order_mark_out_of_stock(order=order, actor=UserFactory())

    assert StaffNote.objects.count() == 0
    assert Order.objects.get(pk=order.pk).status == OrderStatus.CONFIRMED


# Shipping
# -------------------------------------------------------------------------------------------------


def test_carriers_are_preloaded_with_tracking_pages():
    sf = Carrier.objects.get(code="sf")

    assert list(Carrier.objects.values_list("code", flat=True)) == [
        "sf",
        "zto",
        "yto",
        "sto",
        "yunda",
        "jd",
        "ems",
    ]
    assert (
        sf.tracking_url("SF123")
        == "https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF123"
    )


def test_shipping_with_a_carrier_records_it_ships_the_stock_and_mails_the_tracking_link(shop):
    order = make_order(shop, status=OrderStatus.PACKING, quantity=2)
    zto = Carrier.objects.get(code="zto")

    order = order_ship_with_carrier(
        order=order, carrier=zto, tracking_number=" 7312345 ", actor=UserFactory()
    )

    assert (order.status, order.shipping_carrier, order.carrier, order.tracking_number) == (
        OrderStatus.SHIPPED,
        zto,
        zto.name,
        "7312345",
    )
    stock = Stock.objects.get(sku=shop.sku)
    assert (stock.on_hand, stock.reserved) == (98, 0)  # 100 in stock, 2 shipped
    mail = OutgoingEmail.objects.get(order=order, kind="shipped")
    assert "https://www.zto.com/?num=7312345" in mail.text_body
    assert 'href="https://www.zto.com/?num=7312345"' in mail.html_body
    assert ModelLogEntry.objects.get(action="commerce.logistics.ship").data == {
        "carrier": "zto",
        "tracking_number": "7312345",
    }


@pytest.mark.parametrize(
    ("carrier_code", "tracking_number", "message"),
    [
        ("retired", "123", "Choose a carrier that is in use."),
        ("sf", "", "Enter the tracking number."),
        ("sf", "SF 1", "A tracking number has at most 60 letters, digits and hyphens."),
        (
            "sf",
            "SF-TAKEN",
            "Tracking number SF-TAKEN of 顺丰速运 SF Express is already on another order.",
        ),
    ],
)
def test_shipping_is_refused_with_a_clear_message_and_nothing_changes(
    shop, carrier_code, tracking_number, message
):
    Carrier.objects.create(code="retired", name="Retired", active=False)
    shipped = make_order(shop, status=OrderStatus.PACKING)
    order_ship_with_carrier(
        order=shipped,
        carrier=Carrier.objects.get(code="sf"),
        tracking_number="SF-TAKEN",
        actor=None,
    )
    order = make_order(shop, status=OrderStatus.PACKING)

    with pytest.raises(ShipmentInvalid) as refusal:
        order_ship_with_carrier(
            order=order,
            carrier=Carrier.objects.get(code=carrier_code),
            tracking_number=tracking_number,
            actor=None,
        )

    assert refusal.value.message == message
    assert shipping_snapshot(order) == [(OrderStatus.PACKING, "", "", None)]


def test_an_order_not_yet_packed_cannot_ship_and_keeps_no_carrier(shop):
    order = make_order(shop, status=OrderStatus.STOCKING)

    with pytest.raises(IllegalTransition):
        order_ship_with_carrier(
            order=order, carrier=Carrier.objects.get(code="sf"), tracking_number="SF1", actor=None
        )

    assert shipping_snapshot(order) == [(OrderStatus.STOCKING, "", "", None)]


# Bulk shipping
# -------------------------------------------------------------------------------------------------


def test_bulk_ship_ships_every_line_with_its_carrier(shop):
    first, second = (
        make_order(shop, status=OrderStatus.PACKING),
        make_order(shop, status=OrderStatus.PACKING),
    )
    rows = [
        ["order number", "carrier", "tracking number"],
        [first.number, "SF", "SF001"],
        [],
        [second.number, "yto", "YT002"],
    ]

    shipped = bulk_ship_from_csv(rows=rows, actor=UserFactory())

    assert [order.number for order in shipped] == [first.number, second.number]
    assert shipping_snapshot(first, second) == [
        (OrderStatus.SHIPPED, "SF001", "顺丰速运 SF Express", Carrier.objects.get(code="sf").pk),
        (OrderStatus.SHIPPED, "YT002", "圆通速递 YTO", Carrier.objects.get(code="yto").pk),
    ]


def test_bulk_ship_with_two_columns_uses_the_chosen_carrier(shop):
    order = make_order(shop, status=OrderStatus.PACKING)
    ems = Carrier.objects.get(code="ems")

    bulk_ship_from_csv(rows=[[order.number, "E100"]], actor=None, default_carrier=ems)

    assert shipping_snapshot(order) == [(OrderStatus.SHIPPED, "E100", ems.name, ems.pk)]


def test_bulk_ship_with_bad_rows_ships_nothing_and_reports_every_bad_row(shop):
    good = make_order(shop, status=OrderStatus.PACKING)
    other = make_order(shop, status=OrderStatus.PACKING)
    not_packed = make_order(shop, status=OrderStatus.STOCKING)
    rows = [
        [good.number, "sf", "SF001"],
        ["20990101000000", "sf", "SF002"],
        [not_packed.number, "sf", "SF003"],
        [other.number, "dhl", "SF004"],
        [other.number, "sf", ""],
        [other.number, "sf", "SF001"],
        [good.number, "sf", "SF005"],
        ["just one cell"],
    ]

    with pytest.raises(BulkShipInvalid) as refusal:
        bulk_ship_from_csv(rows=rows, actor=UserFactory())

    assert refusal.value.row_errors == [
        RowError(2, "20990101000000", "No order has this number."),
        RowError(
            3,
            not_packed.number,
            "The order is “Stocking”; only orders being packed can be shipped.",
        ),
        RowError(4, other.number, "Unknown carrier code “dhl”."),
        RowError(5, other.number, "Enter the tracking number."),
        RowError(6, other.number, "This tracking number is already on an earlier line."),
        RowError(7, good.number, "This order is already on an earlier line."),
        RowError(8, "just one cell", "Expected: order number, carrier code, tracking number."),
    ]
    assert refusal.value.message == "Nothing was shipped: 7 lines have problems."
    assert shipping_snapshot(good, other, not_packed) == [
        (OrderStatus.PACKING, "", "", None),
        (OrderStatus.PACKING, "", "", None),
        (OrderStatus.STOCKING, "", "", None),
    ]
    assert OutgoingEmail.objects.filter(kind="shipped").count() == 0
    assert Stock.objects.get(sku=shop.sku).reserved == 3


def test_bulk_ship_refuses_a_tracking_number_already_on_another_order(shop):
    earlier = make_order(shop, status=OrderStatus.PACKING)
    order_ship_with_carrier(
        order=earlier, carrier=Carrier.objects.get(code="sf"), tracking_number="SF9", actor=None
    )
    order = make_order(shop, status=OrderStatus.PACKING)

    with pytest.raises(BulkShipInvalid) as refusal:
        bulk_ship_from_csv(rows=[[order.number, "sf", "SF9"]], actor=None)

    assert refusal.value.row_errors == [
        RowError(
            1,
            order.number,
            "Tracking number SF9 of 顺丰速运 SF Express is already on another order.",
        )
    ]


def test_bulk_ship_failing_while_applying_undoes_the_lines_already_shipped(shop, monkeypatch):
    first, second = (
        make_order(shop, status=OrderStatus.PACKING),
        make_order(shop, status=OrderStatus.PACKING),
    )
    checked = logistics_shipping._bulk_ship_plan

    def check_then_cancel(rows, default_carrier):
        # The shopper's cancellation lands between the check and the shipping of the second line.
        plan = checked(rows, default_carrier)
        Order.objects.filter(pk=second.pk).update(status=OrderStatus.CANCELLED)
        return plan

    monkeypatch.setattr(logistics_shipping, "_bulk_ship_plan", check_then_cancel)

    with pytest.raises(BulkShipInvalid) as refusal:
        bulk_ship_from_csv(
            rows=[[first.number, "sf", "SF001"], [second.number, "sf", "SF002"]], actor=None
        )

    assert refusal.value.row_errors == [
        RowError(2, second.number, "An order that is “Cancelled” cannot become “Shipped”.")
    ]
    assert shipping_snapshot(first) == [(OrderStatus.PACKING, "", "", None)]
    assert OutgoingEmail.objects.filter(kind="shipped").count() == 0


def test_an_empty_file_is_refused():
    with pytest.raises(BulkShipInvalid) as refusal:
        bulk_ship_from_csv(rows=[["order_number", "carrier", "tracking"], ["", " "]], actor=None)

    assert refusal.value.row_errors == [RowError(0, "", "The file has no order lines.")]


# Dashboard
# -------------------------------------------------------------------------------------------------


def test_counts_per_step(shop):
    make_order(shop)
    flagged = make_order(shop, status=OrderStatus.PAID, payment_method="bank_transfer")
    order_flag(order=flagged, reason="odd", actor=None)
    make_order(shop, status=OrderStatus.STOCKING)
    make_order(shop, status=OrderStatus.OUT_OF_STOCK)
    make_order(shop, status=OrderStatus.PACKING)
    make_order(shop, status=OrderStatus.PACKING)

    assert logistics_counts() == {
        "review": 2,
        "flagged": 1,
        "stocking": 1,
        "out_of_stock": 1,
        "packing": 2,
    }
