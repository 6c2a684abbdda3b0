"""Alipay through python-alipay-sdk, with generated RSA key pairs playing both sides:
the test signs notifications the way Alipay does (RSA2 over the sorted fields)."""

import base64
from decimal import Decimal
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from alipay import AliPay
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from commerce.models import OrderStatus, Payment, PaymentEvent, Refund
from commerce.payments.links import payment_token
from commerce.payments.providers import available_providers
from commerce.payments.services import RefundInvalid, refund_create
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory

D = Decimal
APP_ID = "2021000000000001"
NOTIFY = "/payments/notify/alipay/"


def _pair():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return key, private, base64.b64encode(public_der).decode()


@pytest.fixture(scope="module")
def keys():
    """Our app's key pair and Alipay's; settings get ours (private) and Alipay's public key (bare
    base64)."""
    app_key, app_private, _app_public = _pair()
    alipay_key, _alipay_private, alipay_public = _pair()
    return {
        "app_key": app_key,
        "app_private": app_private,
        "alipay_key": alipay_key,
        "alipay_public": alipay_public,
    }


@pytest.fixture
def alipay_on(settings, keys):
    settings.ALIPAY_APP_ID = APP_ID
    settings.ALIPAY_PRIVATE_KEY = keys["app_private"]
    settings.ALIPAY_PUBLIC_KEY = keys["alipay_public"]
    settings.ALIPAY_SANDBOX = False
    return keys


def alipay_sign(fields: dict, key) -> str:
    """Alipay's signature: RSA-SHA256 over ``k=v&…`` of the sorted fields except sign and
    sign_type."""
    message = "&".join(
        f"{k}={v}" for k, v in sorted(fields.items()) if k not in {"sign", "sign_type"}
    )
    return base64.b64encode(
        key.sign(message.encode(), padding.PKCS1v15(), hashes.SHA256())
    ).decode()


def notification(order, key, **overrides) -> dict:
    fields = {
        "app_id": APP_ID,
        "notify_id": "n-1",
        "notify_type": "trade_status_sync",
        "charset": "utf-8",
        "out_trade_no": order.number,
        "trade_no": "2024010122001",
        "trade_status": "TRADE_SUCCESS",
        "total_amount": str(order.total),
        "gmt_payment": "2024-01-01 12:00:00",
        "subject": "Shop 订单",
    }
    fields.update(overrides)
    return {**fields, "sign_type": "RSA2", "sign": alipay_sign(fields, key)}


def post(client, fields: dict):
    return client.post(
        NOTIFY, data=urlencode(fields), content_type="application/x-www-form-urlencoded"
    )


@pytest.fixture
def order(db, alipay_on):
    kind = make_product_type()
    sku = (
        make_product(
            category=make_category("Audio", "audio"),
            product_type=kind,
            prices=["100.00"],
            on_hand=5,
        )
        .variants.get()
        .sku
    )
    return place_order(
        user=UserFactory(),
        quantities={sku: 1},
        method=make_shipping_method(base_fee="10.00"),
        payment_method="alipay",
    )


def test_alipay_is_hidden_until_its_app_id_and_keys_are_configured(db, settings, keys):
    settings.ALIPAY_APP_ID, settings.ALIPAY_PRIVATE_KEY, settings.ALIPAY_PUBLIC_KEY = (
        APP_ID,
        keys["app_private"],
        "",
    )
    assert "alipay" not in [p.code for p in available_providers()]

    settings.ALIPAY_PUBLIC_KEY = keys["alipay_public"]
    assert [p.code for p in available_providers()] == ["cod", "bank_transfer", "alipay", "demo"]


def test_alipay_keys_can_be_read_from_files(db, settings, keys, tmp_path):
    (tmp_path / "app.pem").write_text(keys["app_private"])
    (tmp_path / "alipay.pub").write_text(keys["alipay_public"])
    settings.ALIPAY_APP_ID, settings.ALIPAY_PRIVATE_KEY, settings.ALIPAY_PUBLIC_KEY = (
        APP_ID,
        "",
        "",
    )
    settings.ALIPAY_PRIVATE_KEY_PATH = str(tmp_path / "app.pem")
    settings.ALIPAY_PUBLIC_KEY_PATH = str(tmp_path / "alipay.pub")

    assert "alipay" in [p.code for p in available_providers()]


def test_a_notification_signed_by_alipay_pays_the_order(client, order, alipay_on):
    response = post(client, notification(order, alipay_on["alipay_key"]))

    assert (response.status_code, response.content) == (200, b"success")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    payment = Payment.objects.get()
    assert (payment.provider, payment.amount, payment.reference) == (
        "alipay",
        D("110.00"),
        "2024010122001",
    )
    assert PaymentEvent.objects.get().event_id == "n-1"


@pytest.mark.parametrize("tamper", ["other_key", "amount", "missing", "other_app", "garbage"])
def test_a_badly_signed_or_tampered_notification_is_refused(
    client, order, alipay_on, keys, tamper
):
    fields = notification(order, alipay_on["alipay_key"], total_amount="0.01")
    if tamper == "other_key":
        fields = notification(order, keys["app_key"])
    elif tamper == "amount":
        fields["total_amount"] = str(order.total)
    elif tamper == "missing":
        fields = notification(order, alipay_on["alipay_key"])
        del fields["sign"]
    elif tamper == "other_app":
        fields = notification(order, alipay_on["alipay_key"], app_id="2021999999999999")
    else:
        fields["sign"] = "!!not base64!!"

    response = post(client, fields)

    assert (response.status_code, response.content) == (400, b"failure")
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert PaymentEvent.objects.count() == 0


def test_a_wait_buyer_pay_notification_does_not_pay(client, order, alipay_on):
    post(client, notification(order, alipay_on["alipay_key"], trade_status="WAIT_BUYER_PAY"))

    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert PaymentEvent.objects.get().outcome == PaymentEvent.Outcome.IGNORED


def test_trade_finished_after_trade_success_pays_once(client, order, alipay_on):
    post(client, notification(order, alipay_on["alipay_key"]))
    post(
        client,
        notification(
            order, alipay_on["alipay_key"], notify_id="n-2", trade_status="TRADE_FINISHED"
        ),
    )

    assert Payment.objects.count() == 1
    assert dict(PaymentEvent.objects.values_list("event_id", "outcome")) == {
        "n-1": "applied",
        "n-2": "ignored",
    }


def test_paying_starts_at_alipays_gateway_with_a_request_signed_by_our_key(
    client, order, alipay_on
):
    response = client.get(f"/payments/start/{order.number}/?token={payment_token(order)}")

    url = urlsplit(response["Location"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://openapi.alipay.com/gateway.do"
    fields = dict(parse_qsl(url.query))
    assert (fields["app_id"], fields["method"], fields["sign_type"]) == (
        APP_ID,
        "alipay.trade.page.pay",
        "RSA2",
    )
    assert fields["notify_url"] == "http://testserver/payments/notify/alipay/"
    assert fields["return_url"].startswith(
        f"http://testserver/payments/return/{order.number}/?token="
    )
    assert f'"out_trade_no":"{order.number}"' in fields["biz_content"]
    assert '"total_amount":"110.00"' in fields["biz_content"]
    # Requests, unlike notifications, sign sign_type too; the verify call raises if the signature
    # is wrong.
    signature = base64.b64decode(fields.pop("sign"))
    message = "&".join(f"{k}={v}" for k, v in sorted(fields.items())).encode()
    alipay_on["app_key"].public_key().verify(
        signature, message, padding.PKCS1v15(), hashes.SHA256()
    )


def test_the_shoppers_return_asks_alipay_and_pays_once(client, order, monkeypatch):
    answer = {
        "code": "10000",
        "trade_status": "TRADE_SUCCESS",
        "out_trade_no": order.number,
        "trade_no": "2024010122001",
        "total_amount": "110.00",
    }
    monkeypatch.setattr(
        AliPay, "api_alipay_trade_query", lambda self, out_trade_no=None, trade_no=None: answer
    )
    url = f"/payments/return/{order.number}/?token={payment_token(order)}"

    first, second = client.get(url), client.get(url)

    assert "We have received your payment" in first.content.decode()
    assert second.status_code == 200
    assert Payment.objects.count() == 1
    assert list(PaymentEvent.objects.values_list("event_id", flat=True)) == ["query:2024010122001"]


def test_a_return_while_alipay_is_unreachable_says_not_confirmed_yet(client, order, monkeypatch):
    def unreachable(self, **kwargs):
        raise OSError("network down")

    monkeypatch.setattr(AliPay, "api_alipay_trade_query", unreachable)

    response = client.get(f"/payments/return/{order.number}/?token={payment_token(order)}")

    assert "We have not received a confirmation of your payment yet" in response.content.decode()
    assert Payment.objects.count() == 0


def test_a_refund_goes_through_alipay_with_its_own_request_number(
    client, order, alipay_on, monkeypatch
):
    post(client, notification(order, alipay_on["alipay_key"]))
    calls = []

    def refund(self, refund_amount, out_trade_no=None, trade_no=None, **kwargs):
        calls.append((refund_amount, out_trade_no, kwargs["out_request_no"]))
        return {"code": "10000", "msg": "Success", "refund_fee": refund_amount}

    monkeypatch.setattr(AliPay, "api_alipay_trade_refund", refund)

    first = refund_create(order=order, amount="10.00", reason="Late", actor=None, kind="provider")
    second = refund_create(order=order, amount="5.50", reason="Late", actor=None, kind="provider")

    assert calls == [
        ("10.00", order.number, f"{order.number}-R{first.pk}"),
        ("5.50", order.number, f"{order.number}-R{second.pk}"),
    ]
    assert [r.reference for r in Refund.objects.order_by("pk")] == [
        f"{order.number}-R{first.pk}",
        f"{order.number}-R{second.pk}",
    ]


def test_a_refund_alipay_refuses_is_explained_and_not_recorded(
    client, order, alipay_on, monkeypatch
):
    post(client, notification(order, alipay_on["alipay_key"]))
    monkeypatch.setattr(
        AliPay,
        "api_alipay_trade_refund",
        lambda self, *a, **k: {
            "code": "40004",
            "msg": "Business Failed",
            "sub_msg": "交易状态不合法",
        },
    )

    with pytest.raises(RefundInvalid) as raised:
        refund_create(order=order, amount="10.00", reason="Late", actor=None, kind="provider")

    assert raised.value.message == "The payment provider refused the refund: 交易状态不合法"
    assert Refund.objects.count() == 0


def test_a_closed_trade_is_a_failed_attempt_the_shopper_is_told_about(client, order, alipay_on):
    post(client, notification(order, alipay_on["alipay_key"], trade_status="TRADE_CLOSED"))

    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert list(Payment.objects.values_list("status", flat=True)) == ["failed"]
