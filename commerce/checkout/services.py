"""What a checkout is made of between requests, and what it costs.

The checkout form stores the shopper's choices in the session; the review page and
placing the order read them back and re-validate everything against the database.
Only ids and typed text are stored; prices never are: ``checkout_price`` prices the
chosen basket as placing the order will (``commerce.orders.services.order_place``).
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from accounts.models import Address
from core.errors import CommerceError

from ..pricing import PriceBreakdown, price_basket
from ..red_packets.models import RedPacket
from ..red_packets.services import RedPacketInvalid, red_packet_problem
from ..shipping.models import ShippingMethod

if TYPE_CHECKING:
    from collections.abc import Sequence

    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest

    from accounts.models import User
    from products.models import ProductVariant

SESSION_KEY = "checkout"


class CheckoutInvalid(CommerceError):
    """The checkout cannot go on as it is (no address, no method, an expired checkout…)."""

    code = "checkout_invalid"


def checkout_state(request: HttpRequest) -> dict | None:
    return request.session.get(SESSION_KEY)


def checkout_state_save(
    *,
    request: HttpRequest,
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


def checkout_state_clear(*, request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def state_delivery(request: HttpRequest, state: dict) -> Delivery:
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


def state_email(request: HttpRequest, state: dict) -> str:
    if request.user.is_authenticated:
        return request.user.email or state.get("email", "")
    return state.get("email", "")


@dataclass(frozen=True)
class Delivery:
    """Where an order goes: copied onto the order, whatever the address book does later."""

    recipient: str
    mobile: str
    province: str
    city: str
    district: str
    street: str
    postcode: str = ""

    @classmethod
    def from_address(cls, address) -> Delivery:
        return cls(
            recipient=address.recipient,
            mobile=address.mobile,
            province=address.province,
            city=address.city,
            district=address.district,
            street=address.street,
            postcode=address.postcode,
        )


def checkout_price(
    *,
    lines: Sequence[tuple[ProductVariant, int]],
    user: User | AnonymousUser,
    shipping_method: ShippingMethod | None,
    province: str,
    red_packet_id: int | None,
) -> tuple[PriceBreakdown, RedPacket | None]:
    """Price a checkout as placing it would; raises ``RedPacketInvalid`` for a packet that cannot
    be spent."""
    packet = None
    if red_packet_id:
        packet = (
            RedPacket.objects.select_related("packet_type")
            .prefetch_related("packet_type__categories", "packet_type__brands")
            .filter(
                pk=red_packet_id, user=user if getattr(user, "is_authenticated", False) else None
            )
            .first()
        )
        if packet is None:
            raise RedPacketInvalid(_("That red packet was not found."))
        problem = red_packet_problem(packet, user=user)
        if problem:
            raise RedPacketInvalid(problem)
    breakdown = price_basket(
        lines=lines, red_packet=packet, shipping_method=shipping_method, province=province
    )
    if packet is not None and breakdown.red_packet_problem:
        raise RedPacketInvalid(breakdown.red_packet_problem)
    return breakdown, packet
