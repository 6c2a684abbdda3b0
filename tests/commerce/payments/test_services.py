"""Online payment: the demo gateway's signed notifications, the pay/fail page, staff
recording, refunds and the order page (SQLite or PostgreSQL)."""

import json
import runpy
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from commerce.cart.services import cart_add_line
from commerce.errors import CommerceError
from commerce.models import Cart, Order, OrderStatus, OutgoingEmail, Payment, PaymentEvent, Refund
from commerce.orders.services import order_transition
from commerce.payments.links import payment_token
from commerce.payments.providers import StartResult, available_providers
from commerce.payments.providers.demo import DemoGateway, demo_sign
from commerce.payments.services import (
    PaymentMismatch,
    RefundInvalid,
    order_paid_total,
    order_refunded_total,
    payment_record_success,
    refund_create,
)
from commerce.payments.views import qr_svg
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_address, make_shipping_method, place_order
from tests.factories.users import UserFactory

D = Decimal
NOTIFY = "/payments/notify/demo/"


@pytest.fixture
def shop(db):
    kind = make_product_type()
    sku = (
        make_product(
            category=make_category("Audio", "audio"),
            product_type=kind,
            name="Earbuds",
            prices=["100.00"],
            on_hand=10,
        )
        .variants.get()
        .sku
    )
    return {
        "sku": sku,
        "method": make_shipping_method(base_fee="10.00", free_from="199.00"),
        "buyer": UserFactory(),
    }


def demo_order(shop, payment_method="demo"):
    return place_order(
        user=shop["buyer"],
        quantities={shop["sku"]: 1},
        method=shop["method"],
        payment_method=payment_method,
    )


def body_for(order, *, event_id="evt-1", amount=None, currency="CNY", status="paid"):
    return json.dumps(
        {
            "event_id": event_id,
            "trade_no": "T" + event_id,
            "order_number": order.number,
            "amount": amount or str(order.total),
            "currency": currency,
            "status": status,
        }
    ).encode()


def notify(client, body, signature=None):
    headers = {} if signature == "" else {"HTTP_X_DEMO_SIGNATURE": signature or demo_sign(body)}
    return client.post(NOTIFY, data=body, content_type="application/json", **headers)


# --- signatures
# ----------------------------------------------------------------------------------------------


def test_a_correctly_signed_notification_pays_the_order_once_with_one_email(client, shop):
    order = demo_order(shop)

    response = notify(client, body_for(order))

    assert (response.status_code, response.content) == (200, b"success")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and order.paid_at is not None
    payment = Payment.objects.get()
    assert (
        payment.order,
        payment.provider,
        payment.amount,
        payment.status,
        payment.reference,
    ) == (order, "demo", D("110.00"), Payment.Status.SUCCEEDED, "Tevt-1")
    assert list(PaymentEvent.objects.values_list("event_id", "outcome", "order")) == [
        ("evt-1", "applied", order.pk)
    ]
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


@pytest.mark.parametrize(
    "signature", ["", "0" * 64, "not-hex"], ids=["missing", "wrong", "garbage"]
)
def test_a_missing_or_wrong_signature_is_refused_and_changes_nothing(client, shop, signature):
    order = demo_order(shop)

    response = notify(client, body_for(order), signature=signature)

    assert (response.status_code, response.content) == (400, b"failure")
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert (Payment.objects.count(), PaymentEvent.objects.count()) == (0, 0)


def test_a_body_tampered_after_signing_is_refused(client, shop):
    order = demo_order(shop)
    signed = body_for(order, amount="0.01")
    signature = demo_sign(signed)

    response = notify(client, signed.replace(b'"0.01"', b'"110.00"'), signature=signature)

    assert response.status_code == 400
    assert (Payment.objects.count(), PaymentEvent.objects.count()) == (0, 0)


def test_a_signed_unreadable_body_is_refused(client, shop):
    response = notify(client, b"{not json")

    assert response.status_code == 400
    assert PaymentEvent.objects.count() == 0


@pytest.mark.parametrize(
    "amount, currency", [("109.99", "CNY"), ("110.00", "USD"), ("110.001", "CNY")]
)
def test_a_signed_notification_for_the_wrong_amount_or_currency_flags_the_order_instead_of_paying(
    client, shop, amount, currency
):
    order = demo_order(shop)

    response = notify(client, body_for(order, amount=amount, currency=currency))

    assert response.status_code == 200
    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation) == (OrderStatus.AWAITING_PAYMENT, True)
    assert order.reconciliation_note == (
        f"Received {currency} {D(amount)} through demo, but the order is CNY 110.00."
    )
    assert Payment.objects.count() == 0
    assert PaymentEvent.objects.get().outcome == PaymentEvent.Outcome.FLAGGED


def test_the_same_notification_delivered_again_is_answered_but_applied_once(client, shop):
    order = demo_order(shop)
    body = body_for(order)

    answers = [notify(client, body).status_code for _ in range(3)]

    assert answers == [200, 200, 200]
    assert Payment.objects.filter(order=order).count() == 1
    assert PaymentEvent.objects.count() == 1
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


def test_a_second_capture_for_a_paid_order_is_kept_as_a_duplicate_and_flagged(client, shop):
    order = demo_order(shop)
    notify(client, body_for(order, event_id="evt-1"))

    notify(client, body_for(order, event_id="evt-2"))  # a new trade number: paid twice

    assert list(Payment.objects.order_by("pk").values_list("reference", "status", "amount")) == [
        ("Tevt-1", "succeeded", D("110.00")),
        ("Tevt-2", "duplicate", D("110.00")),
    ]
    assert dict(PaymentEvent.objects.values_list("event_id", "outcome")) == {
        "evt-1": "applied",
        "evt-2": "flagged",
    }
    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation) == (OrderStatus.PAID, True)
    assert order.reconciliation_note == (
        "Paid twice: a second payment of CNY 110.00 through Online payment (demo) (Tevt-2) "
        "arrived for an order already paid; refund it."
    )
    assert order_paid_total(order) == D("220.00")
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


def test_the_same_trade_number_under_a_new_event_id_is_ignored(client, shop):
    order = demo_order(shop)
    notify(client, body_for(order, event_id="evt-1"))
    again = json.loads(body_for(order, event_id="evt-2"))
    again["trade_no"] = "Tevt-1"  # e.g. the status query on return, after the notification

    notify(client, json.dumps(again).encode())

    assert Payment.objects.count() == 1
    assert PaymentEvent.objects.get(event_id="evt-2").outcome == "ignored"
    assert Order.objects.get(pk=order.pk).needs_reconciliation is False


def test_staff_recording_money_twice_is_refused_not_kept_as_a_duplicate(shop):
    order = demo_order(shop, payment_method="bank_transfer")
    payment_record_success(order=order, provider="bank_transfer", amount="110.00", reference="B1")

    with pytest.raises(CommerceError, match="already paid"):
        payment_record_success(
            order=order, provider="bank_transfer", amount="110.00", reference="B2"
        )

    assert Payment.objects.count() == 1


def test_a_failed_payment_notification_leaves_the_order_awaiting_payment(client, shop):
    order = demo_order(shop)

    assert notify(client, body_for(order, status="failed")).status_code == 200

    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert PaymentEvent.objects.get().outcome == PaymentEvent.Outcome.IGNORED
    assert list(Payment.objects.values_list("status", "amount")) == [("failed", D("110.00"))]
    assert order_paid_total(order) == D("0.00")


def test_a_notification_for_an_unknown_order_is_stored_flagged(client, shop):
    order = demo_order(shop)
    body = body_for(order).replace(order.number.encode(), b"20990101123")

    assert notify(client, body).status_code == 200

    event = PaymentEvent.objects.get()
    assert (event.order, event.outcome, event.note) == (
        None,
        "flagged",
        "No order has the number 20990101123.",
    )


def test_money_arriving_after_the_order_was_cancelled_is_recorded_and_flagged_for_a_refund(
    client, shop
):
    order = demo_order(shop)
    order_transition(order=order, to_status=OrderStatus.CANCELLED)

    notify(client, body_for(order))

    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation) == (OrderStatus.CANCELLED, True)
    assert order.reconciliation_note == "Paid after the order was cancelled; refund the customer."
    assert order_paid_total(order) == D("110.00")


# --- the demo gateway's pages
# ------------------------------------------------------------------------------


@pytest.fixture
def shopper(client, shop):
    user = UserFactory(email="shopper@example.com")
    make_address(user)
    cart = Cart.objects.create(user=user)
    cart_add_line(cart=cart, sku=shop["sku"], quantity=1)
    client.force_login(user)
    return user


def test_checkout_offers_the_switched_on_providers_only(client, shop, shopper, settings):
    assert [
        code
        for code, _ in client.get(reverse("checkout"))
        .context["form"]
        .fields["payment_method"]
        .choices
    ] == ["cod", "bank_transfer", "demo"]
    settings.PAYMENT_DEMO_GATEWAY = False
    assert [
        code
        for code, _ in client.get(reverse("checkout"))
        .context["form"]
        .fields["payment_method"]
        .choices
    ] == ["cod", "bank_transfer"]


def test_shopper_pays_through_the_demo_gateway_from_checkout_to_return(client, shop, shopper):
    client.post(
        reverse("checkout"),
        {
            "address": str(shopper.addresses.get().pk),
            "shipping_method": str(shop["method"].pk),
            "payment_method": "demo",
        },
    )
    review = client.get(reverse("checkout_review"))
    placed = client.post(
        reverse("checkout_place"),
        {
            "checkout_key": client.session["checkout"]["key"],
            "reviewed": review.context["reviewed"],
        },
    )
    order = Order.objects.get()
    assert placed["Location"].startswith(f"/payments/start/{order.number}/?token=")

    gateway = client.get(placed["Location"])
    assert gateway["Location"].startswith(f"/payments/demo/{order.number}/?token=")
    page = client.get(gateway["Location"])
    assert "This is a demonstration payment page" in page.content.decode()
    paid = client.post(gateway["Location"], {"action": "pay"})

    assert paid["Location"].startswith(f"/payments/return/{order.number}/?token=")
    shown = client.get(paid["Location"]).content.decode()
    assert "We have received your payment of ¥110.00" in shown
    client.get(paid["Location"])  # the shopper reloads the return page
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert Payment.objects.filter(order=order).count() == 1
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


def test_fail_on_the_demo_gateway_says_the_payment_did_not_go_through_and_offers_a_retry(
    client, shop
):
    order = demo_order(shop)
    url = f"/payments/demo/{order.number}/?token={payment_token(order)}"

    response = client.post(url, {"action": "fail"}, follow=True)

    page = response.content.decode()
    assert "Payment did not go through" in page
    assert "We have not received a confirmation of your payment yet" not in page
    assert f'href="/payments/start/{order.number}/?token=' in page  # try again
    assert 'value="bank_transfer"' in page  # or pay another way
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert PaymentEvent.objects.get().outcome == PaymentEvent.Outcome.IGNORED


def test_payment_pages_need_the_orders_own_token(client, shop):
    order, other = demo_order(shop), demo_order(shop)

    for name in ["payment_start", "payment_return", "payment_demo"]:
        url = reverse(name, kwargs={"number": order.number})
        assert client.get(url).status_code == 404
        assert client.get(f"{url}?token=forged").status_code == 404
        assert client.get(f"{url}?token={payment_token(other)}").status_code == 404


def test_switched_off_demo_gateway_refuses_its_page_and_notifications(client, shop, settings):
    order = demo_order(shop)
    settings.PAYMENT_DEMO_GATEWAY = False

    assert (
        client.get(f"/payments/demo/{order.number}/?token={payment_token(order)}").status_code
        == 404
    )
    assert notify(client, body_for(order)).status_code == 404
    assert [p.code for p in available_providers()] == ["cod", "bank_transfer"]
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT


def test_production_settings_switch_the_demo_gateway_off(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("PAYMENT_DEMO_GATEWAY", "1")

    assert runpy.run_module("config.settings.production")["PAYMENT_DEMO_GATEWAY"] is False


def test_order_page_offers_pay_now_for_an_unpaid_online_order_only(client, shop):
    client.force_login(shop["buyer"])
    online, transfer = demo_order(shop), demo_order(shop, payment_method="bank_transfer")

    online_page = client.get(online.get_absolute_url())
    assert online_page.context["pay_url"].startswith(f"/payments/start/{online.number}/?token=")
    assert "Pay now" in online_page.content.decode()
    assert client.get(transfer.get_absolute_url()).context["pay_url"] is None


def test_order_page_lists_payments_and_refunds(client, shop):
    client.force_login(shop["buyer"])
    order = demo_order(shop)
    notify(client, body_for(order))
    refund_create(order=order, amount="10.00", reason="Late delivery", actor=None)

    page = client.get(order.get_absolute_url())

    assert page.context["pay_url"] is None
    assert [p.amount for p in page.context["payments"]] == [D("110.00")]
    assert [r.amount for r in page.context["refunds"]] == [D("10.00")]
    assert "−¥10.00" in page.content.decode()


# --- staff recording
# ----------------------------------------------------------------------------------------


def test_staff_record_a_bank_transfer_and_the_order_is_paid(shop):
    order = demo_order(shop, payment_method="bank_transfer")
    clerk = UserFactory()

    payment = payment_record_success(
        order=order, provider="bank_transfer", amount="110.00", reference="BK-1", actor=clerk
    )

    assert (payment.amount, payment.recorded_by, payment.reference) == (D("110.00"), clerk, "BK-1")
    assert order.status == OrderStatus.PAID
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


def test_recording_the_wrong_amount_flags_the_order_and_raises(shop):
    order = demo_order(shop, payment_method="bank_transfer")

    with pytest.raises(PaymentMismatch) as raised:
        payment_record_success(
            order=order, provider="bank_transfer", amount="100.00", reference="BK-1"
        )

    assert (
        raised.value.message
        == "Received CNY 100.00 through bank_transfer, but the order is CNY 110.00."
    )
    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation) == (OrderStatus.AWAITING_PAYMENT, True)
    assert Payment.objects.count() == 0


def test_recording_a_second_payment_or_a_used_reference_is_refused(shop):
    first, second = (
        demo_order(shop, payment_method="bank_transfer"),
        demo_order(shop, payment_method="bank_transfer"),
    )
    payment_record_success(
        order=first, provider="bank_transfer", amount="110.00", reference="BK-1"
    )

    with pytest.raises(CommerceError, match="already paid"):
        payment_record_success(
            order=first, provider="bank_transfer", amount="110.00", reference="BK-2"
        )
    with pytest.raises(CommerceError, match="BK-1 was already recorded"):
        payment_record_success(
            order=second, provider="bank_transfer", amount="110.00", reference="BK-1"
        )
    assert Payment.objects.count() == 1


def test_cash_collected_for_a_cash_on_delivery_order_keeps_its_status(shop):
    order = demo_order(shop, payment_method="cod")

    payment_record_success(order=order, provider="cod", amount="110.00", reference="")

    order.refresh_from_db()
    assert (order.status, order.paid_at is not None) == (OrderStatus.CONFIRMED, True)


@pytest.mark.parametrize("amount", ["abc", "1.005", "NaN", ""])
def test_an_unreadable_amount_is_refused(shop, amount):
    order = demo_order(shop, payment_method="bank_transfer")

    with pytest.raises(CommerceError, match="Please enter an amount such as 12.50."):
        payment_record_success(
            order=order, provider="bank_transfer", amount=amount, reference="BK-1"
        )


# --- refunds
# -------------------------------------------------------------------------------------------------


@pytest.fixture
def paid_order(client, shop):
    order = demo_order(shop)
    notify(client, body_for(order))
    return order


def test_partial_then_full_refunds_up_to_what_was_paid(paid_order):
    clerk = UserFactory()

    refund_create(order=paid_order, amount="30.00", reason="Scratched case", actor=clerk)
    refund_create(order=paid_order, amount="80.00", reason="Returned", actor=clerk)

    assert (order_paid_total(paid_order), order_refunded_total(paid_order)) == (
        D("110.00"),
        D("110.00"),
    )
    with pytest.raises(RefundInvalid) as raised:
        refund_create(order=paid_order, amount="0.01", reason="Again", actor=clerk)
    assert raised.value.message == (
        "At most ¥0.00 can still be refunded (paid ¥110.00, already refunded ¥110.00)."
    )
    assert Refund.objects.count() == 2


@pytest.mark.parametrize(
    "amount, reason, message",
    [
        ("0", "Why", "A refund must be more than zero."),
        ("-5.00", "Why", "A refund must be more than zero."),
        ("10.00", "  ", "Please give a reason for the refund."),
        (
            "110.01",
            "Why",
            "At most ¥110.00 can still be refunded (paid ¥110.00, already refunded ¥0.00).",
        ),
    ],
)
def test_bad_refunds_are_explained_and_nothing_is_recorded(paid_order, amount, reason, message):
    with pytest.raises(RefundInvalid) as raised:
        refund_create(order=paid_order, amount=amount, reason=reason, actor=None)

    assert raised.value.message == message
    assert Refund.objects.count() == 0


def test_an_unpaid_order_cannot_be_refunded(shop):
    order = demo_order(shop)

    with pytest.raises(RefundInvalid, match="At most ¥0.00"):
        refund_create(order=order, amount="1.00", reason="Why", actor=None)


def test_a_provider_refund_goes_through_the_provider_and_is_logged(paid_order):
    clerk = UserFactory()

    refund = refund_create(
        order=paid_order, amount="20.00", reason="Goodwill", actor=clerk, kind="provider"
    )

    assert (refund.kind, refund.reference, refund.payment.provider) == (
        "provider",
        f"DEMO-REFUND-{paid_order.number}-R{refund.pk}",
        "demo",
    )
    entry = ModelLogEntry.objects.get(action="commerce.order.refund")
    assert (entry.object_id, entry.user, entry.data["amount"], entry.data["reason"]) == (
        str(paid_order.pk),
        clerk,
        "20.00",
        "Goodwill",
    )


def test_a_bank_transfer_cannot_be_refunded_through_a_provider_only_by_hand(shop):
    order = demo_order(shop, payment_method="bank_transfer")
    payment_record_success(
        order=order, provider="bank_transfer", amount="110.00", reference="BK-1"
    )

    with pytest.raises(RefundInvalid, match="record a manual refund instead"):
        refund_create(order=order, amount="10.00", reason="Why", actor=None, kind="provider")
    refund = refund_create(
        order=order, amount="10.00", reason="Why", actor=None, reference="BK-OUT-1"
    )

    assert (refund.kind, refund.reference) == ("manual", "BK-OUT-1")


def test_a_provider_answering_with_a_qr_code_gets_a_page_showing_it(client, shop, monkeypatch):
    order = demo_order(shop)
    monkeypatch.setattr(
        DemoGateway,
        "start",
        lambda self, order, request: StartResult(qr_text="https://qr.example/x"),
    )

    page = client.get(f"/payments/start/{order.number}/?token={payment_token(order)}")

    assert page.status_code == 200
    html = page.content.decode()
    assert "data-payment-qr" in html and '<svg width="' in html  # drawn, not printed
    assert page.context["qr_svg"] == qr_svg("https://qr.example/x")


def test_a_provider_that_cannot_start_sends_the_shopper_back_with_a_message(
    client, shop, settings
):
    settings.ALIPAY_APP_ID, settings.ALIPAY_PRIVATE_KEY, settings.ALIPAY_PUBLIC_KEY = (
        "app",
        "not a key",
        "nor this",
    )
    order = demo_order(shop, payment_method="alipay")
    client.force_login(shop["buyer"])

    response = client.get(
        f"/payments/start/{order.number}/?token={payment_token(order)}", follow=True
    )

    assert response.redirect_chain == [(order.get_absolute_url(), 302)]
    assert "Online payment is not available right now" in response.content.decode()


def test_an_order_no_longer_awaiting_payment_is_not_started_again(client, shop):
    order = demo_order(shop)
    notify(client, body_for(order))
    client.force_login(shop["buyer"])

    response = client.get(
        f"/payments/start/{order.number}/?token={payment_token(order)}", follow=True
    )

    assert "This order cannot be paid online now." in response.content.decode()
