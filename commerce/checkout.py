"""What the checkout pages need between requests, kept in the session.

The checkout form stores the shopper's choices here; the review page and placing
the order read them back and re-validate everything against the database. Only
ids and typed text are stored; prices never are.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict

from django.utils.translation import gettext as _

from accounts.models import Address

from .errors import CheckoutInvalid
from .orders import Delivery

SESSION_KEY = "checkout"


def checkout_state(request) -> dict | None:
    return request.session.get(SESSION_KEY)


def checkout_state_save(
    request,
    *,
    email: str,
    address: Address | None,
    delivery: Delivery | None,
    shipping_method_id: int,
    payment_method: str,
    red_packet_id: int | None,
    note: str,
) -> dict:
    """Remember the choices, with a fresh key that makes placing the order idempotent."""
    state = {
        "email": email,
        "address_id": address.pk if address else None,
        "delivery": asdict(delivery) if delivery and address is None else None,
        "shipping_method_id": shipping_method_id,
        "payment_method": payment_method,
        "red_packet_id": red_packet_id,
        "note": note,
        "key": secrets.token_urlsafe(24),
    }
    request.session[SESSION_KEY] = state
    return state


def checkout_state_clear(request) -> None:
    request.session.pop(SESSION_KEY, None)


def state_delivery(request, state: dict) -> Delivery:
    """The delivery address the state names; the address must still be the shopper's."""
    if state.get("address_id"):
        address = Address.objects.filter(
            pk=state["address_id"], user=request.user.pk or None
        ).first()
        if address is None:
            raise CheckoutInvalid(
                _("That address is no longer in your address book; please choose another.")
            )
        return Delivery.from_address(address)
    if state.get("delivery"):
        return Delivery(**state["delivery"])
    raise CheckoutInvalid(_("Please choose where to deliver."))


def state_email(request, state: dict) -> str:
    if request.user.is_authenticated:
        return request.user.email or state.get("email", "")
    return state.get("email", "")
