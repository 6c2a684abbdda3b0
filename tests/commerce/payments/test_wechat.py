"""WeChat Pay Native (QR code) behind the provider interface: offered only when configured,
notifications verified (RSA signature over timestamp, nonce and body; AES-256-GCM resource)
and applied once, the QR code drawn from the code_url, refunds through the API. Every body is
signed here with test keys made for the test; nothing goes to the network."""

import base64
import json
import secrets
import time
from decimal import Decimal

import pytest
import requests
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from wechatpayv3 import WeChatPay

from commerce.models import Order, OrderStatus, OutgoingEmail, Payment, PaymentEvent, Refund
from commerce.payments.links import payment_token
from commerce.payments.providers import available_providers
from commerce.payments.services import refund_create
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db
D = Decimal
NOTIFY = "/payments/notify/wechat/"
APIV3_KEY = "0123456789abcdef0123456789ABCDEF"  # 32 characters, as WeChat Pay's
PUBLIC_KEY_ID = "PUB_KEY_ID_0114232025010100000000000000"


def _pem_private(key) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture(scope="module")
def keys():
    """The merchant's key and WeChat Pay's key (its public half goes into the settings)."""
    merchant = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    platform = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    platform_public = platform.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return {
        "merchant_private": _pem_private(merchant),
        "platform": platform,
        "platform_public": platform_public.decode(),
    }


@pytest.fixture
def wechat_on(settings, keys, monkeypatch):
    settings.WECHATPAY_MCHID = "1900000109"
    settings.WECHATPAY_APPID = "wxd678efh567hg6787"
    settings.WECHATPAY_APIV3_KEY = APIV3_KEY
    settings.WECHATPAY_CERT_SERIAL_NO = "444F4864EA9B34415"
    settings.WECHATPAY_PRIVATE_KEY = keys["merchant_private"]
    settings.WECHATPAY_PUBLIC_KEY = keys["platform_public"]
    settings.WECHATPAY_PUBLIC_KEY_ID = PUBLIC_KEY_ID

    def no_network(*args, **kwargs):
        raise AssertionError("the test must not reach the network")

    for verb in ("get", "post", "put", "patch", "delete"):
        monkeypatch.setattr(requests, verb, no_network)
    return keys


@pytest.fixture
def order(shop, wechat_on):
    return make_order(shop, payment_method="wechat")


def signed_notification(
    order,
    keys,
    *,
    event_id="EV-1",
    transaction_id="4200000001",
    cents=None,
    state="SUCCESS",
    apiv3_key=APIV3_KEY,
    serial=PUBLIC_KEY_ID,
    timestamp=None,
    signer=None,
):
    """A body as WeChat Pay sends it, and its headers: the transaction encrypted with
    AES-256-GCM under the API v3 key, the whole signed with WeChat Pay's key."""
    transaction = {
        "mchid": "1900000109",
        "appid": "wxd678efh567hg6787",
        "out_trade_no": order.number,
        "transaction_id": transaction_id,
        "trade_type": "NATIVE",
        "trade_state": state,
        "success_time": "2026-12-07T14:00:00+08:00",
        "amount": {
            "total": cents if cents is not None else int(order.total * 100),
            "payer_total": cents if cents is not None else int(order.total * 100),
            "currency": "CNY",
            "payer_currency": "CNY",
        },
    }
    nonce = secrets.token_hex(6)  # 12 characters
    ciphertext = AESGCM(apiv3_key.encode()).encrypt(
        nonce.encode(), json.dumps(transaction).encode(), b"transaction"
    )
    body = json.dumps(
        {
            "id": event_id,
            "create_time": "2026-12-07T14:00:01+08:00",
            "resource_type": "encrypt-resource",
            "event_type": "TRANSACTION.SUCCESS",
            "summary": "支付成功",
            "resource": {
                "original_type": "transaction",
                "algorithm": "AEAD_AES_256_GCM",
                "ciphertext": base64.b64encode(ciphertext).decode(),
                "associated_data": "transaction",
                "nonce": nonce,
            },
        }
    )
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    header_nonce = secrets.token_hex(16)
    message = f"{stamp}\n{header_nonce}\n{body}\n".encode()
    signature = (signer or keys["platform"]).sign(message, padding.PKCS1v15(), hashes.SHA256())
    headers = {
        "HTTP_WECHATPAY_SIGNATURE": base64.b64encode(signature).decode(),
        "HTTP_WECHATPAY_TIMESTAMP": stamp,
        "HTTP_WECHATPAY_NONCE": header_nonce,
        "HTTP_WECHATPAY_SERIAL": serial,
        "HTTP_WECHATPAY_SIGNATURE_TYPE": "WECHATPAY2-SHA256-RSA2048",
    }
    return body.encode(), headers


def post(client, body, headers):
    return client.post(NOTIFY, data=body, content_type="application/json", **headers)


# --- offered only when configured
# ----------------------------------------------------------------------------------------


def test_wechat_pay_is_not_offered_without_its_settings(settings):
    settings.WECHATPAY_MCHID = ""

    assert "wechat" not in [p.code for p in available_providers()]


def test_wechat_pay_is_offered_once_configured(wechat_on):
    assert "wechat" in [p.code for p in available_providers()]


def test_a_short_api_v3_key_leaves_it_switched_off(wechat_on, settings):
    settings.WECHATPAY_APIV3_KEY = "too-short"

    assert "wechat" not in [p.code for p in available_providers()]


# --- notifications
# ----------------------------------------------------------------------------------------


def test_a_signed_encrypted_notification_pays_the_order_once(client, order, wechat_on):
    body, headers = signed_notification(order, wechat_on)

    answers = [post(client, body, headers).status_code for _ in range(3)]

    assert answers == [200, 200, 200]
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    payment = Payment.objects.get()
    assert (payment.provider, payment.amount, payment.reference, payment.status) == (
        "wechat",
        order.total,
        "4200000001",
        "succeeded",
    )
    assert list(PaymentEvent.objects.values_list("event_id", "outcome")) == [("EV-1", "applied")]
    assert OutgoingEmail.objects.filter(order=order, kind="paid").count() == 1


def test_a_second_capture_with_its_own_transaction_is_a_duplicate_to_refund(
    client, order, wechat_on
):
    post(client, *signed_notification(order, wechat_on))

    post(client, *signed_notification(order, wechat_on, event_id="EV-2", transaction_id="42002"))

    assert Payment.objects.get(reference="42002").status == "duplicate"
    assert Order.objects.get(pk=order.pk).needs_reconciliation is True


def test_a_wrong_amount_is_flagged_not_paid(client, order, wechat_on):
    post(client, *signed_notification(order, wechat_on, cents=1))

    order.refresh_from_db()
    assert (order.status, order.needs_reconciliation) == (OrderStatus.AWAITING_PAYMENT, True)


def refused(client, order, body, headers):
    response = post(client, body, headers)
    order.refresh_from_db()
    return (
        response.status_code,
        order.status,
        Payment.objects.count(),
        PaymentEvent.objects.count(),
    ) == (400, OrderStatus.AWAITING_PAYMENT, 0, 0)


def test_a_body_changed_after_signing_is_refused(client, order, wechat_on):
    body, headers = signed_notification(order, wechat_on)

    assert refused(client, order, body.replace(b'"EV-1"', b'"EV-9"'), headers)


def test_a_notification_signed_by_another_key_is_refused(client, order, wechat_on):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    assert refused(client, order, *signed_notification(order, wechat_on, signer=other))


def test_a_resource_encrypted_with_another_api_v3_key_is_refused(client, order, wechat_on):
    body, headers = signed_notification(order, wechat_on, apiv3_key="f" * 32)

    assert refused(client, order, body, headers)


def test_an_unknown_key_id_is_refused_without_fetching_certificates(client, order, wechat_on):
    body, headers = signed_notification(order, wechat_on, serial="5157F09EFDC096DE15EBE81A47")

    assert refused(client, order, body, headers)  # the no-network guard would have failed


@pytest.mark.parametrize("skew", [-3600, 3600])
def test_a_stale_or_future_notification_is_refused(client, order, wechat_on, skew):
    body, headers = signed_notification(order, wechat_on, timestamp=int(time.time()) + skew)

    assert refused(client, order, body, headers)


@pytest.mark.parametrize("drop", ["HTTP_WECHATPAY_SIGNATURE", "HTTP_WECHATPAY_TIMESTAMP"])
def test_a_notification_missing_its_signature_headers_is_refused(client, order, wechat_on, drop):
    body, headers = signed_notification(order, wechat_on)
    del headers[drop]

    assert refused(client, order, body, headers)


def test_a_failed_trade_is_told_to_the_shopper(client, order, wechat_on):
    post(client, *signed_notification(order, wechat_on, state="PAYERROR"))

    url = f"/payments/return/{order.number}/?token={payment_token(order)}"
    page = client.get(url).content.decode()

    assert Order.objects.get(pk=order.pk).status == OrderStatus.AWAITING_PAYMENT
    assert "Payment did not go through" in page


# --- paying and refunding
# ----------------------------------------------------------------------------------------


def test_paying_shows_the_native_code_url_as_a_qr_code(client, order, wechat_on, monkeypatch):
    calls = []

    def pay(self, **kwargs):
        calls.append(kwargs)
        return 200, json.dumps({"code_url": "weixin://wxpay/bizpayurl?pr=AbCd123"})

    monkeypatch.setattr(WeChatPay, "pay", pay)

    response = client.get(f"/payments/start/{order.number}/?token={payment_token(order)}")

    page = response.content.decode()
    assert response.status_code == 200
    assert "data-payment-qr" in page and "<svg" in page and "Pay with WeChat Pay" in page
    assert calls[0]["out_trade_no"] == order.number
    assert calls[0]["amount"] == {"total": int(order.total * 100), "currency": "CNY"}
    assert calls[0]["notify_url"].endswith("/payments/notify/wechat/")


def test_wechat_pay_refusing_to_start_sends_the_shopper_back_with_a_message(
    client, order, wechat_on, monkeypatch
):
    monkeypatch.setattr(
        WeChatPay, "pay", lambda self, **kw: (400, '{"code":"PARAM_ERROR","message":"bad"}')
    )

    response = client.get(
        f"/payments/start/{order.number}/?token={payment_token(order)}", follow=True
    )

    assert "Online payment is not available right now" in response.content.decode()


def test_a_refund_goes_through_the_api_against_the_transaction(
    client, order, wechat_on, monkeypatch
):
    post(client, *signed_notification(order, wechat_on))
    calls = []

    def refund(self, **kwargs):
        calls.append(kwargs)
        return 200, json.dumps(
            {"refund_id": "50000000382019052709732678859", "status": "PROCESSING"}
        )

    monkeypatch.setattr(WeChatPay, "refund", refund)

    made = refund_create(order=order, amount="10.50", reason="Late", actor=None, kind="provider")

    assert made.reference == "50000000382019052709732678859"
    assert calls[0]["transaction_id"] == "4200000001"
    assert calls[0]["amount"] == {
        "refund": 1050,
        "total": int(order.total * 100),
        "currency": "CNY",
    }
    assert calls[0]["out_refund_no"] == f"{order.number}-R{made.pk}"


def test_a_refund_wechat_pay_refuses_is_explained_and_not_recorded(
    client, order, wechat_on, monkeypatch
):
    post(client, *signed_notification(order, wechat_on))
    monkeypatch.setattr(
        WeChatPay,
        "refund",
        lambda self, **kw: (403, json.dumps({"code": "NOT_ENOUGH", "message": "余额不足"})),
    )

    with pytest.raises(Exception, match="余额不足"):
        refund_create(order=order, amount="10.00", reason="Late", actor=None, kind="provider")

    assert Refund.objects.count() == 0
