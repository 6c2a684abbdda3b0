"""After-sales requests from the shopper's side to the refund: windows, quantities, photos,
every step e-mailed, stock and money summed."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum
from PIL import Image

from commerce.after_sales.services import (
    AfterSalesRefused,
    after_sales_approve,
    after_sales_ask_info,
    after_sales_cancel,
    after_sales_finish,
    after_sales_note_add,
    after_sales_receive,
    after_sales_refund,
    after_sales_reject,
    after_sales_replacement_create,
    after_sales_reply,
    after_sales_request_create,
    after_sales_ship_back,
    delivered_at,
    units_available,
)
from commerce.desks.logistics.services import REVIEW_STATUSES
from commerce.models import (
    AfterSalesEvent,
    AfterSalesLine,
    AfterSalesPhoto,
    AfterSalesRequest,
    Carrier,
    Order,
    OutgoingEmail,
    Refund,
    StockMovement,
)
from commerce.payments.providers.base import ProviderError
from commerce.payments.providers.demo import DemoGateway
from commerce.payments.services import order_paid_total, order_refunded_total
from core.errors import CommerceError
from products.models import ProductVariant, Stock
from tests.factories.users import UserFactory

from .conftest import ZERO, line_of, photo

pytestmark = pytest.mark.django_db


def open_request(order, user, *, kind="return", quantities=None, photos=(), now=None, **extra):
    return after_sales_request_create(
        order=order,
        user=user,
        kind=kind,
        reason=extra.pop("reason", "no_reason"),
        description=extra.pop("description", "Too big for my shelf."),
        quantities=quantities if quantities is not None else {line_of(order, "tea").pk: 1},
        photos=photos,
        now=now,
    )


@pytest.fixture
def staff(staff_user):
    return {
        "service": staff_user("Customer service"),
        "logistics": staff_user("Logistics"),
        "finance": staff_user("Finance"),
    }


def review_queue_orders():
    return list(Order.objects.filter(status__in=REVIEW_STATUSES))


def ledger_matches_shelf(sku: str) -> bool:
    booked = StockMovement.objects.filter(sku=sku).aggregate(units=Sum("on_hand_change"))
    return booked["units"] == Stock.objects.get(sku=sku).on_hand


def after_sales_emails(order) -> list[str]:
    return list(
        OutgoingEmail.objects.filter(kind="after_sales", order=order)
        .order_by("pk")
        .values_list("subject", flat=True)
    )


# --- windows
# ------------------------------------------------------------------------------------------


def test_a_return_one_second_after_the_window_is_refused_with_the_date(delivered, shopper):
    arrived = delivered_at(delivered)
    deadline = arrived + timedelta(days=7)

    with pytest.raises(AfterSalesRefused) as refused:
        open_request(delivered, shopper, now=deadline + timedelta(seconds=1))

    assert refused.value.code == "outside_window"
    assert refused.value.message.startswith(
        "Return and refund is possible for 7 days after delivery; for this order that ended on "
    )
    assert not AfterSalesRequest.objects.exists()


def test_a_return_at_the_last_second_of_the_window_is_accepted(delivered, shopper):
    deadline = delivered_at(delivered) + timedelta(days=7)

    request = open_request(delivered, shopper, now=deadline)

    assert request.status == "submitted"


def test_the_window_is_per_type_and_set_in_settings(delivered, shopper, settings):
    settings.AFTER_SALES_EXCHANGE_DAYS = 30
    late = delivered_at(delivered) + timedelta(days=20)

    with pytest.raises(AfterSalesRefused):
        open_request(delivered, shopper, now=late)
    exchange = open_request(delivered, shopper, kind="exchange", reason="wrong_item", now=late)

    assert exchange.kind == "exchange"


def test_an_order_not_yet_delivered_has_no_after_sales(place, shopper):
    order = place(delivered=False)

    with pytest.raises(AfterSalesRefused) as refused:
        open_request(order, shopper)

    assert refused.value.message == (
        "After-sales requests open once the order has been delivered."
    )


# --- quantities
# ---------------------------------------------------------------------------------------


def test_never_more_than_bought_minus_already_asked_back(delivered, shopper):
    tea = line_of(delivered, "tea")
    open_request(delivered, shopper, quantities={tea.pk: 1})

    with pytest.raises(AfterSalesRefused) as refused:
        open_request(delivered, shopper, quantities={tea.pk: 2})

    assert refused.value.code == "too_many"
    assert refused.value.message == (
        "You bought 2 of “Green tea” and 1 are already in a request; at most 1 more can be "
        "asked for."
    )
    assert AfterSalesRequest.objects.count() == 1


def test_a_cancelled_or_rejected_request_gives_its_units_back(delivered, shopper, staff):
    tea = line_of(delivered, "tea")
    first = open_request(delivered, shopper, quantities={tea.pk: 2})
    after_sales_cancel(request=first, user=shopper)
    second = open_request(delivered, shopper, quantities={tea.pk: 2})
    after_sales_reject(request=second, actor=staff["service"], reason="Opened and used.")

    assert units_available(delivered)[tea.pk] == 2


def test_a_repair_does_not_use_up_units_but_never_exceeds_what_was_bought(delivered, shopper):
    tea = line_of(delivered, "tea")
    open_request(delivered, shopper, quantities={tea.pk: 2})

    repair = open_request(
        delivered, shopper, kind="repair", reason="defective", quantities={tea.pk: 2}
    )
    with pytest.raises(AfterSalesRefused):
        open_request(delivered, shopper, kind="repair", reason="defective", quantities={tea.pk: 3})

    assert repair.lines.get().quantity == 2


def test_a_line_of_another_order_is_refused(delivered, place, shopper):
    other = place()

    with pytest.raises(AfterSalesRefused) as refused:
        open_request(delivered, shopper, quantities={line_of(other, "tea").pk: 1})

    assert refused.value.code == "unknown_line"


def test_another_shoppers_order_is_refused(delivered):
    with pytest.raises(AfterSalesRefused) as refused:
        open_request(delivered, UserFactory())

    assert refused.value.message == "This order is not yours."


def test_no_line_chosen_is_refused_except_for_a_complaint(delivered, shopper):
    with pytest.raises(AfterSalesRefused) as refused:
        open_request(delivered, shopper, quantities={})
    complaint = open_request(delivered, shopper, kind="complaint", reason="service", quantities={})

    assert refused.value.message == "Please choose at least one item and how many."
    assert complaint.lines.count() == 0 and complaint.refund_amount is None


def test_the_proposed_refund_is_what_the_units_cost(delivered, shopper):
    request = open_request(
        delivered,
        shopper,
        quantities={line_of(delivered, "tea").pk: 1, line_of(delivered, "cup").pk: 1},
    )

    assert request.refund_amount == Decimal("93.00")  # 68.00 + 25.00


def test_control_characters_in_the_description_are_refused(delivered, shopper):
    with pytest.raises(AfterSalesRefused) as refused:
        open_request(delivered, shopper, description="bad\x00text")

    assert refused.value.message == "Please remove the invisible control characters from the text."


# --- photos
# ---------------------------------------------------------------------------------------------


def test_photos_are_re_encoded_without_exif_in_the_private_collection(delivered, shopper):
    request = open_request(delivered, shopper, photos=[photo(exif=True)])

    image = request.photos.get().image
    with image.file.open("rb") as stored:
        picture = Image.open(stored)
        picture.load()
    assert picture.format == "JPEG" and dict(picture.getexif()) == {}
    assert image.collection.name == "User uploads"
    assert image.title == f"{request.number} #1"


def test_an_html_file_named_png_is_refused_and_nothing_is_kept(delivered, shopper):
    disguised = SimpleUploadedFile(
        "photo.png", b"<html><script>alert(1)</script></html>", content_type="image/png"
    )
    svg = SimpleUploadedFile(
        "photo.jpg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    )

    for upload in (disguised, svg):
        with pytest.raises(Exception) as refused:
            open_request(delivered, shopper, photos=[photo(), upload])
        assert refused.value.message == "Please choose a photo in JPEG, PNG or WebP format."

    assert not AfterSalesRequest.objects.exists() and not AfterSalesPhoto.objects.exists()


def test_at_most_six_photos(delivered, shopper):
    with pytest.raises(AfterSalesRefused) as refused:
        open_request(delivered, shopper, photos=[photo(f"{n}.jpg") for n in range(7)])

    assert refused.value.message == "At most 6 photos, please."


# --- the steps, each e-mailed
# -----------------------------------------------------------------------------------------


def test_the_full_return_path_puts_stock_back_and_refunds_once(delivered, shopper, staff, goods):
    tea = line_of(delivered, "tea")
    on_hand_before = Stock.objects.get(sku=goods.tea.sku).on_hand
    request = open_request(delivered, shopper, quantities={tea.pk: 1})

    after_sales_approve(
        request=request, actor=staff["service"], return_needed=True, refund_amount="68.00"
    )
    after_sales_ship_back(
        request=request,
        user=shopper,
        carrier=Carrier.objects.get(code="sf"),
        tracking_number="SF123456",
    )
    after_sales_receive(
        request=request,
        actor=staff["logistics"],
        received={request.lines.get().pk: (1, "resaleable")},
    )
    assert request.status == "refund_pending"
    refund = after_sales_refund(request=request, actor=staff["finance"], kind="provider")

    request.refresh_from_db()
    assert request.status == "refunded" and request.refund == refund
    assert refund.amount == Decimal("68.00") and refund.reference.startswith("DEMO-REFUND-")
    assert Stock.objects.get(sku=goods.tea.sku).on_hand == on_hand_before + 1
    assert ledger_matches_shelf(goods.tea.sku)
    assert order_refunded_total(delivered) == Decimal("68.00") <= order_paid_total(delivered)
    assert [e.to_status for e in request.events.all()] == [
        "submitted",
        "awaiting_parcel",
        "",  # the parcel's tracking number
        "received",
        "refund_pending",
        "refunded",
    ]
    assert request.first_answered_at is not None and request.closed_at is not None
    assert after_sales_emails(delivered) == [
        f"[Shop] After-sales request {request.number}: {status}"
        for status in (
            "Submitted",
            "Approved: awaiting your parcel",
            "Approved: awaiting your parcel",
            "Parcel received",
            "Approved: refund on its way",
            "Refunded",
        )
    ]


def test_a_damaged_return_is_booked_in_and_written_off(delivered, shopper, staff, goods):
    on_hand_before = Stock.objects.get(sku=goods.tea.sku).on_hand
    request = open_request(delivered, shopper, quantities={line_of(delivered, "tea").pk: 2})
    after_sales_approve(
        request=request, actor=staff["service"], return_needed=True, refund_amount="136.00"
    )

    after_sales_receive(
        request=request,
        actor=staff["logistics"],
        received={request.lines.get().pk: (2, "damaged")},
    )

    kinds = StockMovement.objects.filter(order=delivered, sku=goods.tea.sku).values_list(
        "kind", "on_hand_change"
    )
    assert sorted(kinds.filter(kind__in=["return_in", "damaged"])) == [
        ("damaged", -2),
        ("return_in", 2),
    ]
    assert Stock.objects.get(sku=goods.tea.sku).on_hand == on_hand_before
    assert ledger_matches_shelf(goods.tea.sku)
    line = AfterSalesLine.objects.get(request=request)
    assert (line.received_quantity, line.condition) == (2, "damaged")


def test_receiving_more_than_announced_is_refused_and_nothing_moves(delivered, shopper, staff):
    request = open_request(delivered, shopper)
    after_sales_approve(
        request=request, actor=staff["service"], return_needed=True, refund_amount="68.00"
    )
    movements = StockMovement.objects.count()

    with pytest.raises(AfterSalesRefused):
        after_sales_receive(
            request=request,
            actor=staff["logistics"],
            received={request.lines.get().pk: (2, "resaleable")},
        )
    with pytest.raises(AfterSalesRefused):
        after_sales_receive(
            request=request, actor=staff["logistics"], received={request.lines.get().pk: (1, "")}
        )

    assert StockMovement.objects.count() == movements
    request.refresh_from_db()
    assert request.status == "awaiting_parcel"


def test_a_refund_only_without_parcel_goes_straight_to_finance(delivered, shopper, staff):
    request = open_request(delivered, shopper, kind="refund_only", reason="missing")

    after_sales_approve(
        request=request, actor=staff["service"], return_needed=False, refund_amount="68.00"
    )

    assert request.status == "refund_pending"


def test_approving_more_than_is_left_to_refund_is_refused(delivered, shopper, staff):
    request = open_request(delivered, shopper)

    with pytest.raises(AfterSalesRefused) as refused:
        after_sales_approve(
            request=request, actor=staff["service"], return_needed=False, refund_amount="999.00"
        )
    with pytest.raises(CommerceError) as unreadable:
        after_sales_approve(
            request=request, actor=staff["service"], return_needed=False, refund_amount="abc"
        )

    assert refused.value.message == "At most ¥171.00 can still be refunded on this order."
    assert unreadable.value.message == "Please enter an amount such as 12.50."
    request.refresh_from_db()
    assert request.status == "submitted"


def test_finance_refunds_at_most_the_approved_amount(delivered, shopper, staff):
    request = open_request(delivered, shopper, kind="refund_only", reason="missing")
    after_sales_approve(
        request=request, actor=staff["service"], return_needed=False, refund_amount="50.00"
    )

    with pytest.raises(AfterSalesRefused) as refused:
        after_sales_refund(request=request, actor=staff["finance"], kind="manual", amount="60.00")
    refund = after_sales_refund(
        request=request, actor=staff["finance"], kind="manual", reference="BANK-77"
    )
    with pytest.raises(AfterSalesRefused) as twice:
        after_sales_refund(request=request, actor=staff["finance"], kind="manual")

    assert refused.value.message == "At most the approved ¥50.00 can be refunded for this request."
    assert (refund.amount, refund.kind, refund.reference) == (
        Decimal("50.00"),
        "manual",
        "BANK-77",
    )
    assert twice.value.code == "not_refundable"
    assert Refund.objects.filter(order=delivered).count() == 1


def test_a_refused_provider_refund_goes_back_to_the_queue(delivered, shopper, staff, monkeypatch):
    request = open_request(delivered, shopper, kind="refund_only", reason="missing")
    after_sales_approve(
        request=request, actor=staff["service"], return_needed=False, refund_amount="68.00"
    )

    def refuse(self, **kwargs):
        raise ProviderError("insufficient merchant balance")

    monkeypatch.setattr(DemoGateway, "refund", refuse)
    with pytest.raises(Exception) as refused:
        after_sales_refund(request=request, actor=staff["finance"], kind="provider")

    assert "insufficient merchant balance" in refused.value.message
    request.refresh_from_db()
    assert request.status == "refund_pending" and not Refund.objects.exists()


def test_ask_for_information_and_the_shoppers_answer(delivered, shopper, staff):
    request = open_request(delivered, shopper, reason="defective")

    after_sales_ask_info(request=request, actor=staff["service"], message="The serial number?")
    after_sales_reply(request=request, user=shopper, message="SN-1234")
    after_sales_note_add(request=request, actor=staff["service"], note="Called, all fine.")

    assert request.status == "submitted"
    public = list(request.events.filter(internal=False).values_list("message", "by_staff"))
    assert public[-2:] == [("The serial number?", True), ("SN-1234", False)]
    assert AfterSalesEvent.objects.get(internal=True).message == "Called, all fine."
    assert len(after_sales_emails(delivered)) == 3  # the note is not e-mailed


def test_a_rejection_needs_a_reason_and_is_e_mailed(delivered, shopper, staff):
    request = open_request(delivered, shopper)

    with pytest.raises(AfterSalesRefused):
        after_sales_reject(request=request, actor=staff["service"], reason="  ")
    after_sales_reject(request=request, actor=staff["service"], reason="Seal broken.")

    assert request.status == "rejected" and request.closed_at is not None
    email = OutgoingEmail.objects.filter(kind="after_sales").order_by("pk").last()
    assert "Seal broken." in email.text_body and email.to == delivered.email


def test_the_shopper_may_cancel_until_the_parcel_is_received(delivered, shopper, staff):
    waiting = open_request(delivered, shopper, quantities={line_of(delivered, "tea").pk: 1})
    after_sales_approve(
        request=waiting, actor=staff["service"], return_needed=True, refund_amount="68.00"
    )
    received = open_request(delivered, shopper, quantities={line_of(delivered, "cup").pk: 1})
    after_sales_approve(
        request=received, actor=staff["service"], return_needed=True, refund_amount="25.00"
    )
    after_sales_receive(
        request=received,
        actor=staff["logistics"],
        received={received.lines.get().pk: (1, "resaleable")},
    )

    after_sales_cancel(request=waiting, user=shopper)
    with pytest.raises(AfterSalesRefused) as refused:
        after_sales_cancel(request=received, user=shopper)

    assert waiting.status == "cancelled"
    assert refused.value.message == (
        "The parcel has been received; the request can no longer be cancelled."
    )


def test_a_repair_goes_back_with_its_tracking_number_and_stock_stays(
    delivered, shopper, staff, goods
):
    on_hand = Stock.objects.get(sku=goods.tea.sku).on_hand
    request = open_request(delivered, shopper, kind="repair", reason="defective")
    with pytest.raises(AfterSalesRefused):
        after_sales_approve(request=request, actor=staff["service"], return_needed=False)
    after_sales_approve(request=request, actor=staff["service"], return_needed=True)
    after_sales_receive(
        request=request,
        actor=staff["logistics"],
        received={request.lines.get().pk: (1, "resaleable")},
    )
    with pytest.raises(AfterSalesRefused) as untracked:
        after_sales_finish(request=request, actor=staff["logistics"])

    after_sales_finish(
        request=request,
        actor=staff["logistics"],
        carrier=Carrier.objects.get(code="sf"),
        tracking_number="SF55555",
        message="New battery fitted.",
    )

    assert untracked.value.message == (
        "Choose the carrier and enter the tracking number of the parcel sent back."
    )
    assert request.status == "repaired"
    assert request.events.last().message == (
        "Sent back with 顺丰速运 SF Express, tracking number SF55555.\nNew battery fitted."
    )
    assert Stock.objects.get(sku=goods.tea.sku).on_hand == on_hand  # the shopper's own item


def test_an_approved_complaint_is_closed_with_the_answer(delivered, shopper, staff):
    request = open_request(delivered, shopper, kind="complaint", reason="service", quantities={})

    after_sales_approve(
        request=request, actor=staff["service"], return_needed=False, message="Sorry, noted."
    )

    assert request.status == "closed"


def test_a_step_the_table_forbids_is_refused(delivered, shopper, staff):
    request = open_request(delivered, shopper)
    after_sales_reject(request=request, actor=staff["service"], reason="No.")

    with pytest.raises(AfterSalesRefused) as refused:
        after_sales_approve(
            request=request, actor=staff["service"], return_needed=True, refund_amount="68.00"
        )

    assert refused.value.code == "illegal_step"
    assert (
        refused.value.message
        == "A request that is “Rejected” cannot become “Approved: awaiting your parcel”."
    )


def test_a_cash_on_delivery_refund_waits_for_the_couriers_cash(place, shopper, staff):
    order = place(paid=False)  # cash on delivery, delivered, cash not yet recorded
    request = open_request(order, shopper, kind="refund_only", reason="missing")
    after_sales_approve(
        request=request, actor=staff["service"], return_needed=False, refund_amount="68.00"
    )

    with pytest.raises(AfterSalesRefused) as refused:
        after_sales_refund(request=request, actor=staff["finance"], kind="manual", reference="B")

    assert refused.value.code == "cash_not_collected"
    request.refresh_from_db()
    assert request.status == "refund_pending" and not Refund.objects.exists()


# --- exchanges
# ----------------------------------------------------------------------------------------


def received_exchange(order, shopper, staff, *, units=1):
    request = open_request(
        order,
        shopper,
        kind="exchange",
        reason="wrong_item",
        quantities={line_of(order, "tea").pk: units},
    )
    after_sales_approve(request=request, actor=staff["service"], return_needed=True)
    after_sales_receive(
        request=request,
        actor=staff["logistics"],
        received={request.lines.get().pk: (units, "resaleable")},
    )
    return request


def test_an_exchange_sends_a_no_charge_replacement_through_logistics(
    delivered, shopper, staff, goods
):
    request = received_exchange(delivered, shopper, staff, units=2)
    reserved = Stock.objects.get(sku=goods.tea.sku).reserved
    with pytest.raises(AfterSalesRefused):
        after_sales_finish(request=request, actor=staff["logistics"], message="Sent.")

    replacement = after_sales_replacement_create(request=request, actor=staff["logistics"])

    assert request.status == "exchanged" and request.replacement_order == replacement
    assert (replacement.status, replacement.total, replacement.user) == ("paid", ZERO, shopper)
    assert (replacement.recipient, replacement.street) == (delivered.recipient, delivered.street)
    assert [(line.sku, line.quantity, line.line_total) for line in replacement.lines.all()] == [
        (goods.tea.sku, 2, ZERO)
    ]
    assert Stock.objects.get(sku=goods.tea.sku).reserved == reserved + 2
    assert ledger_matches_shelf(goods.tea.sku)
    assert replacement in review_queue_orders()
    assert f"Your replacement is order {replacement.number}" in request.events.last().message
    assert not Refund.objects.exists()


def test_an_exchange_may_send_another_size_of_the_same_product_only(place, shopper, staff, goods):
    product = goods.tea.product
    other_size = ProductVariant.objects.create(
        product=product, sku=f"{goods.tea.sku}-L", option_1="Large", price="68.00"
    )
    Stock.objects.create(sku=other_size.sku, on_hand=5)
    order = place()
    request = received_exchange(order, shopper, staff)
    line = request.lines.get()

    with pytest.raises(AfterSalesRefused) as refused:
        after_sales_replacement_create(
            request=request, actor=staff["logistics"], skus={line.pk: goods.cup.sku}
        )
    replacement = after_sales_replacement_create(
        request=request, actor=staff["logistics"], skus={line.pk: other_size.sku}
    )

    assert refused.value.message == (
        "“Green tea” can be exchanged for another size or colour of itself only."
    )
    assert list(replacement.lines.values_list("sku", "options")) == [(other_size.sku, "Large")]


def test_one_exchange_makes_one_replacement(delivered, shopper, staff):
    request = received_exchange(delivered, shopper, staff)
    after_sales_replacement_create(request=request, actor=staff["logistics"])

    with pytest.raises(AfterSalesRefused) as again:
        after_sales_replacement_create(request=request, actor=staff["logistics"])

    assert again.value.message == "This exchange is not waiting for its replacement."
    assert Order.objects.filter(checkout_key__startswith="exchange-").count() == 1


def test_a_cash_on_delivery_exchange_has_nothing_to_collect(place, shopper, staff):
    order = place(paid=False)
    request = received_exchange(order, shopper, staff)

    replacement = after_sales_replacement_create(request=request, actor=staff["logistics"])

    assert replacement.payment_method == "bank_transfer" and replacement.paid_at is not None


def test_a_chinese_order_gets_its_after_sales_e_mails_in_chinese(delivered, shopper, staff):
    Order.objects.filter(pk=delivered.pk).update(language="zh-hans")
    delivered.refresh_from_db()
    request = open_request(delivered, shopper)

    after_sales_reject(request=request, actor=staff["service"], reason="<b>拆封</b>")

    email = OutgoingEmail.objects.filter(kind="after_sales").order_by("pk").last()
    assert email.subject == f"[Shop] 售后申请 {request.number}：已驳回"
    assert "&lt;b&gt;拆封&lt;/b&gt;" in email.html_body and "<b>拆封</b>" not in email.html_body
