"""What a checkout is made of between requests, and what it costs.

The checkout form stores the shopper's choices in the session; the review page and
placing the order read them back and re-validate everything against the database.
Only ids and typed text are stored; prices never are: ``checkout_price`` prices the
chosen basket as placing the order will (``commerce.orders.services.order_place``).

A changed total is confirmed, never charged silently: the review page carries what the
shopper saw (``reviewed_sign``: the total, each line's price and quantity, each discount
and the shipping fee, signed so it cannot be edited), and ``order_place`` refuses with
``TotalChanged`` when its own total differs — a price published, a campaign ended, a
flash sale's cap sold out. ``price_changes`` says what changed, in the shopper's words.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core import signing
from django.utils.translation import gettext as _

from accounts.models import Address
from core.errors import CommerceError
from core.money import ZERO

from ..pricing import PriceBreakdown, price_basket
from ..red_packets.models import RedPacket
from ..red_packets.services import RedPacketInvalid, red_packet_problem
from ..shipping.models import ShippingMethod

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest

    from accounts.models import User
    from products.models import ProductVariant

SESSION_KEY = "checkout"
REVIEW_SALT = "commerce.checkout.reviewed"


class CheckoutInvalid(CommerceError):
    """The checkout cannot go on as it is (no address, no method, an expired checkout…)."""

    code = "checkout_invalid"


class TotalChanged(CommerceError):
    """The total at "place order" is not the one the shopper reviewed: nothing was placed.

    ``reviewed`` and ``total`` are the two totals, ``changes`` what moved between them.
    """

    code = "total_changed"

    def __init__(self, *, reviewed: Decimal, total: Decimal, changes: list[str]):
        super().__init__(
            _(
                "The total changed from ¥%(reviewed)s to ¥%(total)s since you reviewed your "
                "order. Nothing has been placed; please check and confirm again."
            )
            % {"reviewed": reviewed, "total": total}
        )
        self.reviewed = reviewed
        self.total = total
        self.changes = changes


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
    email: str = "",
    now: datetime | None = None,
) -> tuple[PriceBreakdown, RedPacket | None]:
    """Price a checkout as placing it would; raises ``RedPacketInvalid`` for a packet that cannot
    be spent. ``user`` and ``email`` count the shopper's own flash-sale purchases."""
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
        lines=lines,
        red_packet=packet,
        shipping_method=shipping_method,
        province=province,
        user=user,
        email=email,
        now=now,
    )
    if packet is not None and breakdown.red_packet_problem:
        raise RedPacketInvalid(breakdown.red_packet_problem)
    return breakdown, packet


def price_snapshot(breakdown: PriceBreakdown) -> dict:
    """What the shopper sees of a priced checkout, as plain strings (to sign and compare)."""
    return {
        "total": str(breakdown.total),
        "lines": {
            line.sku: [line.product_name, line.quantity, str(line.unit_price)]
            for line in breakdown.lines
        },
        "discounts": {d.code: [d.label, str(d.amount)] for d in breakdown.discounts},
        "shipping": str(breakdown.shipping_fee if breakdown.shipping_fee is not None else ZERO),
    }


def reviewed_sign(*, key: str, breakdown: PriceBreakdown) -> str:
    """The review page's hidden value: what it showed, for this checkout only, signed."""
    return signing.dumps(
        {"key": key, **price_snapshot(breakdown)}, salt=REVIEW_SALT, compress=True
    )


def reviewed_read(token: str, *, key: str) -> dict | None:
    """What the review page showed, or None for a missing, edited or other checkout's value."""
    try:
        snapshot = signing.loads(token or "", salt=REVIEW_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(snapshot, dict) or snapshot.get("key") != key:
        return None
    return snapshot


def price_changes(reviewed: dict, breakdown: PriceBreakdown) -> list[str]:
    """What moved between the reviewed snapshot and this pricing, one sentence each."""
    now = price_snapshot(breakdown)
    changes = []
    for sku, (name, quantity, price) in now["lines"].items():
        before = reviewed.get("lines", {}).get(sku)
        if before is None:
            changes.append(
                _("%(name)s was added (× %(quantity)s).") % {"name": name, "quantity": quantity}
            )
            continue
        if before[2] != price:
            changes.append(
                _("%(name)s: ¥%(before)s → ¥%(now)s each.")
                % {"name": name, "before": before[2], "now": price}
            )
        if before[1] != quantity:
            changes.append(
                _("%(name)s: quantity %(before)s → %(now)s.")
                % {"name": name, "before": before[1], "now": quantity}
            )
    for sku, (name, _quantity, _price) in reviewed.get("lines", {}).items():
        if sku not in now["lines"]:
            changes.append(_("%(name)s is no longer in the order.") % {"name": name})
    for code, (label, amount) in now["discounts"].items():
        before = reviewed.get("discounts", {}).get(code)
        if before is None:
            changes.append(_("New: %(label)s −¥%(amount)s.") % {"label": label, "amount": amount})
        elif before[1] != amount:
            changes.append(
                _("%(label)s: −¥%(before)s → −¥%(now)s.")
                % {"label": label, "before": before[1], "now": amount}
            )
    for code, (label, amount) in reviewed.get("discounts", {}).items():
        if code not in now["discounts"]:
            changes.append(
                _("%(label)s (−¥%(amount)s) no longer applies.")
                % {"label": label, "amount": amount}
            )
    if reviewed.get("shipping") != now["shipping"]:
        changes.append(
            _("Shipping: ¥%(before)s → ¥%(now)s.")
            % {"before": reviewed.get("shipping"), "now": now["shipping"]}
        )
    return changes


def total_check(*, reviewed: dict | None, breakdown: PriceBreakdown) -> None:
    """Raise ``TotalChanged`` when ``breakdown`` totals other than the reviewed snapshot."""
    if reviewed is None or Decimal(reviewed["total"]) == breakdown.total:
        return
    raise TotalChanged(
        reviewed=Decimal(reviewed["total"]),
        total=breakdown.total,
        changes=price_changes(reviewed, breakdown),
    )
