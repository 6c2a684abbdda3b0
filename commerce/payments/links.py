"""Signed links to an order's payment pages.

The start, demo and return pages are reached by guests too, who have no account,
so each link carries a token signed for that order number: holding it proves the
link came from us (the order page, the checkout, the provider's return).
"""

from django.core import signing
from django.urls import reverse

from ..orders.models import Order, OrderStatus

SALT = "commerce.payments.link"
TOKEN_MAX_AGE = 7 * 24 * 3600  # longer than any pay-by window


def payment_token(order: Order) -> str:
    return signing.dumps(order.number, salt=SALT)


def order_for_payment_token(number: str, token: str) -> Order | None:
    """The order a token was signed for, or ``None`` for a forged, expired or mismatched token."""
    try:
        signed_number = signing.loads(token or "", salt=SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if signed_number != number:
        return None
    return Order.objects.filter(number=number).first()


def _signed(name: str, order: Order) -> str:
    return f"{reverse(name, kwargs={'number': order.number})}?token={payment_token(order)}"


def payment_return_url(order: Order) -> str:
    return _signed("payment_return", order)


def payment_demo_url(order: Order) -> str:
    return _signed("payment_demo", order)


def payment_start_url(order: Order) -> str | None:
    """The "Pay now" link: only for an unpaid order whose online provider is switched on."""
    from .providers import provider_for

    provider = provider_for(order.payment_method)
    if order.status != OrderStatus.AWAITING_PAYMENT or provider is None or not provider.online:
        return None
    return _signed("payment_start", order)
