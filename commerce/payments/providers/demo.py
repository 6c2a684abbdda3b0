"""The demo gateway: a "pay / fail" page on our own site, so the whole online flow
can be tried without a provider account.

It behaves like a real provider: its notification is a JSON body signed with
HMAC-SHA256 in a header, verified against the raw bytes like any other. Production
settings switch it off (``PAYMENT_DEMO_GATEWAY = False``): then it is not offered,
its notifications are refused and its pages are 404s.
"""

import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.crypto import salted_hmac

from ...orders.models import PaymentMethod
from ..links import payment_demo_url
from .base import InvalidSignature, Notification, PaymentProvider, StartResult

SIGNATURE_HEADER = "X-Demo-Signature"


def demo_secret() -> bytes:
    """PAYMENT_DEMO_SECRET, else a key derived from SECRET_KEY (never SECRET_KEY itself)."""
    configured = getattr(settings, "PAYMENT_DEMO_SECRET", "")
    if configured:
        return configured.encode()
    return salted_hmac("commerce.payments.demo", "demo-gateway-signing-key").hexdigest().encode()


def demo_sign(body: bytes) -> str:
    return hmac.new(demo_secret(), body, hashlib.sha256).hexdigest()


def demo_notification_body(order, *, paid: bool) -> bytes:
    """What the demo gateway sends when the shopper presses "Pay" or "Fail": a fresh event each
    time."""
    return json.dumps(
        {
            "event_id": secrets.token_hex(16),
            "trade_no": "DEMO" + secrets.token_hex(8).upper(),
            "order_number": order.number,
            "amount": str(order.total),
            "currency": order.currency,
            "status": "paid" if paid else "failed",
        }
    ).encode()


class DemoGateway(PaymentProvider):
    code = PaymentMethod.DEMO.value
    label = PaymentMethod.DEMO.label
    online = True

    def is_available(self) -> bool:
        return bool(getattr(settings, "PAYMENT_DEMO_GATEWAY", False))

    def start(self, order, request) -> StartResult:
        return StartResult(redirect_url=payment_demo_url(order))

    def verify_notification(self, *, body: bytes, headers: Mapping[str, str]) -> Notification:
        signature = headers.get(SIGNATURE_HEADER) or ""
        # Constant-time: the comparison must not tell an attacker how many characters were right.
        if not signature or not hmac.compare_digest(signature.encode(), demo_sign(body).encode()):
            raise InvalidSignature("bad or missing signature")
        try:
            data = json.loads(body)
            return Notification(
                event_id=str(data["event_id"]),
                order_number=str(data["order_number"]),
                amount=Decimal(str(data["amount"])),
                currency=str(data["currency"]),
                paid=data["status"] == "paid",
                failed=data["status"] == "failed",
                raw=body.decode(),
                reference=str(data.get("trade_no", "")),
            )
        except (ValueError, KeyError, TypeError, InvalidOperation) as error:
            raise InvalidSignature("unreadable body") from error

    def refund(self, *, order, payment, amount: Decimal, request_id: str) -> str:
        return f"DEMO-REFUND-{request_id}"  # the pretend provider always pays back
