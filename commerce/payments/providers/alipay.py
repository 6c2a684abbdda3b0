"""Alipay (支付宝) computer-website payment through python-alipay-sdk, signed with RSA2.

Configured from settings (ALIPAY_APP_ID and the two keys, as strings or file
paths); without them it is not offered. Alipay signs its notifications over the
sorted form fields, so verification works on the parsed fields of the raw body.
"""

import logging
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from ...orders.models import PaymentMethod
from ..links import payment_return_url
from .base import InvalidSignature, Notification, PaymentProvider, ProviderError, StartResult

logger = logging.getLogger(__name__)

PAID_STATUSES = {"TRADE_SUCCESS", "TRADE_FINISHED"}
FAILED_STATUSES = {"TRADE_CLOSED"}  # unpaid and closed (timed out, or closed by the shopper)
CHINA = timezone.get_fixed_timezone(8 * 60)  # Alipay reads times as Beijing time


def _pem(text: str, kind: str) -> str:
    """Keys pasted from Alipay's key tool are bare base64; the SDK wants PEM."""
    text = text.strip()
    if not text or text.startswith("-----BEGIN"):
        return text
    body = "\n".join(text[i : i + 64] for i in range(0, len(text), 64))
    return f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----\n"


def _setting_or_file(name: str) -> str:
    value = getattr(settings, name, "") or ""
    path = getattr(settings, f"{name}_PATH", "") or ""
    if not value and path and Path(path).is_file():
        value = Path(path).read_text()
    return value


class Alipay(PaymentProvider):
    code = PaymentMethod.ALIPAY.value
    label = PaymentMethod.ALIPAY.label
    online = True

    def is_available(self) -> bool:
        return bool(
            getattr(settings, "ALIPAY_APP_ID", "")
            and _setting_or_file("ALIPAY_PRIVATE_KEY")
            and _setting_or_file("ALIPAY_PUBLIC_KEY")
        )

    def client(self, notify_url: str | None = None):
        from alipay import AliPay

        return AliPay(
            appid=settings.ALIPAY_APP_ID,
            app_notify_url=notify_url,
            app_private_key_string=_pem(_setting_or_file("ALIPAY_PRIVATE_KEY"), "PRIVATE KEY"),
            alipay_public_key_string=_pem(_setting_or_file("ALIPAY_PUBLIC_KEY"), "PUBLIC KEY"),
            sign_type="RSA2",
            debug=bool(getattr(settings, "ALIPAY_SANDBOX", False)),
        )

    def start(self, order, request) -> StartResult:
        """A signed page-pay URL at Alipay's gateway (building it is local: no network call)."""
        client = self.client()
        extra = {}
        if order.pay_by:
            extra["time_expire"] = order.pay_by.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
        query = client.api_alipay_trade_page_pay(
            subject=f"{settings.WAGTAIL_SITE_NAME} {order.number}"[:256],
            out_trade_no=order.number,
            total_amount=str(order.total),
            return_url=request.build_absolute_uri(payment_return_url(order)),
            notify_url=request.build_absolute_uri(
                reverse("payment_notify", kwargs={"code": self.code})
            ),
            **extra,
        )
        return StartResult(redirect_url=f"{client._gateway}?{query}")

    def verify_notification(self, *, body: bytes, headers: Mapping[str, str]) -> Notification:
        try:
            data = QueryDict(body, encoding="utf-8").dict()
        except (UnicodeDecodeError, ValueError) as error:
            raise InvalidSignature("unreadable body") from error
        signature = data.pop("sign", "")
        if not signature or data.get("app_id") != str(settings.ALIPAY_APP_ID):
            raise InvalidSignature("missing signature or another app's notification")
        try:
            valid = self.client().verify(dict(data), signature)
        except Exception as error:  # noqa: BLE001 - the SDK raises several kinds for a mangled signature
            raise InvalidSignature("unverifiable signature") from error
        if not valid:
            raise InvalidSignature("bad signature")
        return self._notification(
            data,
            raw=body.decode("utf-8"),
            event_id=data.get("notify_id") or data.get("trade_no", ""),
        )

    def _notification(self, data: dict, *, raw: str, event_id: str) -> Notification:
        try:
            amount = Decimal(data["total_amount"])
            number = data["out_trade_no"]
        except (KeyError, InvalidOperation) as error:
            raise InvalidSignature("notification without order or amount") from error
        if not event_id:
            raise InvalidSignature("notification without an id")
        return Notification(
            event_id=event_id,
            order_number=number,
            amount=amount,
            currency="CNY",
            paid=data.get("trade_status") in PAID_STATUSES,
            failed=data.get("trade_status") in FAILED_STATUSES,
            raw=raw,
            reference=data.get("trade_no", ""),
        )

    def query(self, order) -> Notification | None:
        """Alipay's answer to "is this order paid?" (alipay.trade.query), as a notification."""
        try:
            response = self.client().api_alipay_trade_query(out_trade_no=order.number)
        except Exception:  # noqa: BLE001 - network or signature trouble: the notification will still come
            logger.warning("Alipay query for order %s failed", order.number, exc_info=True)
            return None
        if response.get("code") != "10000" or response.get("trade_status") not in PAID_STATUSES:
            return None
        try:
            return self._notification(
                response, raw=str(response), event_id=f"query:{response.get('trade_no', '')}"
            )
        except InvalidSignature:
            return None

    def refund(self, *, order, payment, amount: Decimal, request_id: str) -> str:
        # With both, Alipay goes by its trade number, which names the very capture (a duplicate
        # one included); the order number alone serves a payment recorded without it.
        trade = {"trade_no": payment.reference} if payment and payment.reference else {}
        try:
            response = self.client().api_alipay_trade_refund(
                refund_amount=str(amount),
                out_trade_no=order.number,
                out_request_no=request_id,
                **trade,
            )
        except Exception as error:  # noqa: BLE001 - network or signature trouble
            raise ProviderError(str(error) or error.__class__.__name__) from error
        if response.get("code") != "10000":
            raise ProviderError(response.get("sub_msg") or response.get("msg") or "refund refused")
        return request_id
