"""WeChat Pay (微信支付) Native: the shopper scans a QR code with WeChat, through wechatpayv3
(WeChat Pay API v3).

Configured from settings (merchant id, app id, the API v3 key, the merchant's key and its
certificate serial number, WeChat Pay's public key and its id); without them it is not
offered. A notification is signed (RSA-SHA256 over timestamp, nonce and the raw body, by
WeChat Pay's key) and its resource encrypted with AES-256-GCM under the API v3 key: both
are checked before anything is read. Only WeChat Pay's public key is trusted, so a
notification never makes the SDK fetch platform certificates over the network.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ...orders.models import PaymentMethod
from .alipay import _setting_or_file
from .base import InvalidSignature, Notification, PaymentProvider, ProviderError, StartResult

logger = logging.getLogger(__name__)

FAILED_STATES = {"PAYERROR", "CLOSED", "REVOKED"}
# A notification older (or newer) than this is refused: a replayed capture cannot come back.
TIMESTAMP_TOLERANCE_SECONDS = 300
HEADERS = (
    "Wechatpay-Signature",
    "Wechatpay-Timestamp",
    "Wechatpay-Nonce",
    "Wechatpay-Serial",
    "Wechatpay-Signature-Type",
)
CENTS = Decimal(100)
CHINA = timezone.get_fixed_timezone(8 * 60)


def to_cents(amount: Decimal) -> int:
    """WeChat Pay counts in fen (integer cents)."""
    return int((amount * CENTS).to_integral_value())


class WeChatPayNative(PaymentProvider):
    code = PaymentMethod.WECHAT.value
    label = PaymentMethod.WECHAT.label
    online = True

    def is_available(self) -> bool:
        return bool(
            getattr(settings, "WECHATPAY_MCHID", "")
            and getattr(settings, "WECHATPAY_APPID", "")
            and len(getattr(settings, "WECHATPAY_APIV3_KEY", "") or "") == 32
            and getattr(settings, "WECHATPAY_CERT_SERIAL_NO", "")
            and getattr(settings, "WECHATPAY_PUBLIC_KEY_ID", "")
            and _setting_or_file("WECHATPAY_PRIVATE_KEY")
            and _setting_or_file("WECHATPAY_PUBLIC_KEY")
        )

    def client(self, notify_url: str | None = None):
        from wechatpayv3 import WeChatPay, WeChatPayType

        return WeChatPay(
            wechatpay_type=WeChatPayType.NATIVE,
            mchid=settings.WECHATPAY_MCHID,
            private_key=_setting_or_file("WECHATPAY_PRIVATE_KEY"),
            cert_serial_no=settings.WECHATPAY_CERT_SERIAL_NO,
            appid=settings.WECHATPAY_APPID,
            apiv3_key=settings.WECHATPAY_APIV3_KEY,
            notify_url=notify_url,
            public_key=_setting_or_file("WECHATPAY_PUBLIC_KEY"),
            public_key_id=settings.WECHATPAY_PUBLIC_KEY_ID,
            timeout=(3, 10),
        )

    def start(self, order, request) -> StartResult:
        """A Native order at WeChat Pay; its ``code_url`` is what the QR code holds."""
        notify_url = request.build_absolute_uri(
            reverse("payment_notify", kwargs={"code": self.code})
        )
        extra = {}
        if order.pay_by:
            extra["time_expire"] = order.pay_by.astimezone(CHINA).isoformat(timespec="seconds")
        try:
            status, message = self.client(notify_url).pay(
                description=f"{settings.WAGTAIL_SITE_NAME} {order.number}"[:127],
                out_trade_no=order.number,
                amount={"total": to_cents(order.total), "currency": order.currency},
                notify_url=notify_url,
                **extra,
            )
            code_url = json.loads(message).get("code_url", "") if status == 200 else ""
        except Exception as error:  # noqa: BLE001 - network, signature or key trouble
            raise ProviderError(str(error) or error.__class__.__name__) from error
        if not code_url:
            raise ProviderError(f"WeChat Pay answered {status}: {message}")
        return StartResult(qr_text=code_url)

    def verify_notification(self, *, body: bytes, headers: Mapping[str, str]) -> Notification:
        signed = {name: headers.get(name) or "" for name in HEADERS}
        if signed["Wechatpay-Serial"] != settings.WECHATPAY_PUBLIC_KEY_ID:
            raise InvalidSignature("signed by an unknown key")  # never fetch certificates for it
        try:
            age = abs(time.time() - int(signed["Wechatpay-Timestamp"]))
        except ValueError:
            raise InvalidSignature("no timestamp") from None
        if age > TIMESTAMP_TOLERANCE_SECONDS:
            raise InvalidSignature("stale or future timestamp")
        try:
            data = self.client().callback(headers=signed, body=body)
        except Exception as error:  # noqa: BLE001 - the SDK raises bare exceptions
            raise InvalidSignature(str(error)) from error
        if not data:
            raise InvalidSignature("bad signature or undecryptable resource")
        try:
            return self._notification(
                data["resource"], raw=body.decode(), event_id=str(data["id"])
            )
        except (KeyError, TypeError, ValueError, InvalidOperation) as error:
            raise InvalidSignature("unreadable notification") from error

    def _notification(self, resource: dict, *, raw: str, event_id: str) -> Notification:
        state = resource.get("trade_state", "")
        amount = resource["amount"]
        cents = amount.get("payer_total", amount["total"])
        if not isinstance(cents, int) or not resource["out_trade_no"] or not event_id:
            raise ValueError("incomplete transaction")
        return Notification(
            event_id=event_id,
            order_number=str(resource["out_trade_no"]),
            amount=Decimal(cents) / CENTS,
            currency=str(amount.get("currency", "CNY")),
            paid=state == "SUCCESS",
            failed=state in FAILED_STATES,
            raw=raw,
            reference=str(resource.get("transaction_id", "")),
        )

    def query(self, order) -> Notification | None:
        """WeChat Pay's answer to "is this order paid?", as a notification."""
        try:
            status, message = self.client().query(out_trade_no=order.number)
            resource = json.loads(message) if status == 200 else None
        except Exception:  # noqa: BLE001 - network or signature trouble: the notification will come
            logger.warning("WeChat Pay query for order %s failed", order.number, exc_info=True)
            return None
        if not resource or resource.get("trade_state") != "SUCCESS":
            return None
        try:
            return self._notification(
                resource,
                raw=message,
                event_id=f"query:{resource.get('transaction_id', '')}",
            )
        except (KeyError, TypeError, ValueError, InvalidOperation):
            return None

    def refund(self, *, order, payment, amount: Decimal, request_id: str) -> str:
        """A refund of ``amount`` against the very capture (its transaction id) when known."""
        reference = payment.reference if payment is not None else ""
        total = payment.amount if payment is not None else order.total
        try:
            status, message = self.client().refund(
                out_refund_no=request_id,
                amount={"refund": to_cents(amount), "total": to_cents(total), "currency": "CNY"},
                transaction_id=reference or None,
                out_trade_no=None if reference else order.number,
            )
            answer = json.loads(message) if isinstance(message, str) else {}
        except Exception as error:  # noqa: BLE001 - network or signature trouble
            raise ProviderError(str(error) or error.__class__.__name__) from error
        if status != 200 or answer.get("status") not in {"SUCCESS", "PROCESSING"}:
            raise ProviderError(answer.get("message") or f"refund refused ({status})")
        return str(answer.get("refund_id") or request_id)
