"""The one interface every way of paying implements.

Offline methods (cash on delivery, bank transfer) only have a code and a label:
staff record their money by hand. Online providers also start a payment (a
redirect or a QR code), verify the provider's signed notifications, answer status
queries and refund. Nothing here touches the database: applying a verified
notification is ``commerce.payments.notification_apply``'s job, for every provider.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal


class InvalidSignature(Exception):
    """A notification whose signature is missing or wrong, or whose body cannot be read: refused,
    never applied."""


class NotSupported(Exception):
    """The provider cannot do this (e.g. refund): the caller falls back to the manual way."""


class ProviderError(Exception):
    """The provider answered with a refusal or could not be reached; ``str()`` says why, for
    staff."""


@dataclass(frozen=True)
class StartResult:
    """Where the shopper goes to pay: a page to redirect to, or text to show as a QR code."""

    redirect_url: str = ""
    qr_text: str = ""


@dataclass(frozen=True)
class Notification:
    """A verified message from a provider about one order's payment.

    ``event_id`` is unique per message at that provider (the key a duplicate is
    recognised by); ``reference`` is the provider's trade number, kept on the Payment.
    """

    event_id: str
    order_number: str
    amount: Decimal
    currency: str
    paid: bool
    raw: str
    reference: str = ""
    failed: bool = False  # the attempt is over without payment (declined, closed): say so


class PaymentProvider:
    """Base class: an offline method that is always offered."""

    code = ""
    label = ""
    online = False  # online providers have start/notify/query; offline ones are recorded by staff

    def is_available(self) -> bool:
        return True

    def start(self, order, request) -> StartResult:
        raise NotSupported(self.code)

    def verify_notification(self, *, body: bytes, headers: Mapping[str, str]) -> Notification:
        """Check the signature over the raw ``body`` and read it; raise ``InvalidSignature``
        otherwise."""
        raise NotSupported(self.code)

    def query(self, order) -> Notification | None:
        """Ask the provider whether ``order`` is paid; ``None`` when it cannot tell (or is not
        asked)."""
        return None

    def refund(self, *, order, payment, amount: Decimal, request_id: str) -> str:
        """Give ``amount`` back through the provider; returns its refund reference."""
        raise NotSupported(self.code)
