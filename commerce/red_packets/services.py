"""Red packets: whether one can be spent, spending it, giving it back; issuing, claiming
and disabling.

Spending happens inside ``order_place``'s transaction with the packet row locked, so
five checkouts racing for one packet use it once; cancelling an unpaid order gives
it back. Every staff or shopper change (issue, claim, disable) is written to
Wagtail's audit log (the actions are registered in ``commerce/wagtail_hooks.py``), so
Reports → Site history and each object's history show who issued, claimed or
withdrew what.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError

from ..locks import lock_red_packet, lock_red_packet_type, lock_red_packet_used_on
from .models import RedPacket, RedPacketType

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

    from ..orders.models import Order


class RedPacketInvalid(CommerceError):
    """This red packet cannot be spent or claimed (the message says why)."""

    code = "red_packet_invalid"


def red_packet_problem(
    packet: RedPacket, *, user: User | AnonymousUser, now: datetime | None = None
) -> str:
    """Why this shopper cannot spend this packet now ("" when they can)."""
    now = now or timezone.now()
    packet_type = packet.packet_type
    if packet.user_id != getattr(user, "pk", None):
        return _("This red packet is not yours.")
    if packet.status == RedPacket.Status.USED:
        return _("This red packet has already been used.")
    if packet.status == RedPacket.Status.DISABLED or packet_type.disabled:
        return _("This red packet has been withdrawn.")
    if now < packet_type.valid_from:
        return _("This red packet can be used from %(date)s.") % {
            "date": timezone.localtime(packet_type.valid_from).strftime("%Y-%m-%d %H:%M")
        }
    if now >= packet_type.valid_until:
        return _("This red packet has expired.")
    return ""


def red_packet_redeem(*, packet_id: int, user: User, order: Order) -> RedPacket:
    """Mark a packet used by ``order``. Call inside the order's transaction.

    The row is locked and re-checked under the lock, so of several concurrent
    checkouts only the first spends it; the others get ``RedPacketInvalid``.
    """
    packet = lock_red_packet(packet_id, user=user, missing_ok=True)
    if packet is None:
        raise RedPacketInvalid(_("That red packet was not found."))
    problem = red_packet_problem(packet, user=user)
    if problem:
        raise RedPacketInvalid(problem)
    packet.status = RedPacket.Status.USED
    packet.used_at = timezone.now()
    packet.used_on = order
    packet.save(update_fields=["status", "used_at", "used_on"])
    return packet


def red_packet_release(*, order: Order) -> RedPacket | None:
    """Give back the packet an order used (the order was cancelled, paid or not)."""
    packet = lock_red_packet_used_on(order)
    if packet is None:
        return None
    packet.status = RedPacket.Status.AVAILABLE
    packet.used_at = None
    packet.used_on = None
    packet.save(update_fields=["status", "used_at", "used_on"])
    return packet


def red_packet_type_problem(packet_type: RedPacketType, *, now: datetime | None = None) -> str:
    """Why no new packet of this type may be handed out now ("" when it may)."""
    now = now or timezone.now()
    if packet_type.disabled:
        return _("The red packet type “%(name)s” is disabled.") % {"name": packet_type.name}
    if now >= packet_type.valid_until:
        return _("The red packet type “%(name)s” has expired.") % {"name": packet_type.name}
    return ""


@transaction.atomic
def red_packet_issue(
    *, packet_type: RedPacketType, users: Iterable[User], actor: User
) -> list[RedPacket]:
    """Give one packet of the type to each user (staff action), all or none.

    The type row is locked so a concurrent "disable type" cannot slip in between
    the check and the insert and leave fresh packets of a withdrawn type.
    """
    packet_type = lock_red_packet_type(packet_type.pk)
    problem = red_packet_type_problem(packet_type)
    if problem:
        raise CommerceError(problem, code="red_packet_type_unusable")
    recipients = list({user.pk: user for user in users}.values())
    if not recipients:
        raise CommerceError(_("There is no one to issue the red packet to."), code="no_recipients")
    packets = RedPacket.objects.bulk_create(
        [RedPacket(packet_type=packet_type, user=user, issued_by=actor) for user in recipients]
    )
    log(
        packet_type,
        "commerce.red_packet.issue",
        user=actor,
        data={
            "count": len(packets),
            "users": [user.username for user in recipients[:ISSUE_LOG_NAMES]],
        },
    )
    return packets


ISSUE_LOG_NAMES = 50  # the log names this many recipients; the count is always exact


@transaction.atomic
def red_packet_claim(*, packet_type: RedPacketType, user: User) -> RedPacket:
    """The shopper takes a packet from a campaign.

    Claims of one type are serialised by locking the type row; the limits are
    counted under that lock, so ten shoppers racing for the last three packets get
    exactly three. Both limits count every packet of the type (claimed or issued).
    """
    packet_type = lock_red_packet_type(packet_type.pk, missing_ok=True)
    problem = _claim_problem(packet_type, user)
    if problem:
        raise RedPacketInvalid(problem, code="red_packet_claim_refused")
    packet = RedPacket.objects.create(packet_type=packet_type, user=user)
    log(packet, "commerce.red_packet.claim", user=user)
    return packet


def _claim_problem(packet_type: RedPacketType | None, user, *, now=None) -> str:
    now = now or timezone.now()
    if packet_type is None or not packet_type.claimable:
        return _("This red packet cannot be claimed.")
    if packet_type.disabled or not packet_type.valid_from <= now < packet_type.valid_until:
        return _("This red packet campaign is not running.")
    packets = RedPacket.objects.filter(packet_type=packet_type)
    if packets.filter(user=user).count() >= packet_type.claim_limit:
        return _("You have already claimed this red packet.")
    if packet_type.quantity_limit is not None and packets.count() >= packet_type.quantity_limit:
        return _("All of these red packets have been claimed.")
    return ""


@transaction.atomic
def red_packet_disable(*, packet: RedPacket, actor: User, reason: str = "") -> RedPacket:
    """Withdraw one shopper's packet. A used packet stays used (the order keeps its discount)."""
    packet = lock_red_packet(packet.pk)
    if packet.status == RedPacket.Status.USED:
        raise CommerceError(
            _("This red packet has already been used; it cannot be withdrawn."),
            code="red_packet_used",
        )
    if packet.status == RedPacket.Status.DISABLED:
        raise CommerceError(_("This red packet is already disabled."), code="red_packet_disabled")
    packet.status = RedPacket.Status.DISABLED
    packet.disabled_at = timezone.now()
    packet.save(update_fields=["status", "disabled_at"])
    log(packet, "commerce.red_packet.disable", user=actor, data={"reason": reason})
    return packet


@transaction.atomic
def red_packet_type_disable(*, packet_type: RedPacketType, actor: User, reason: str = "") -> int:
    """Withdraw a whole type: it can no longer be issued, claimed or spent, and every
    available packet of it is disabled. Returns how many packets were withdrawn."""
    packet_type = lock_red_packet_type(packet_type.pk)
    if packet_type.disabled:
        raise CommerceError(
            _("This red packet type is already disabled."), code="red_packet_type_disabled"
        )
    packet_type.disabled = True
    packet_type.save(update_fields=["disabled"])
    withdrawn = packet_type.packets.filter(status=RedPacket.Status.AVAILABLE).update(
        status=RedPacket.Status.DISABLED, disabled_at=timezone.now()
    )
    log(
        packet_type,
        "commerce.red_packet_type.disable",
        user=actor,
        data={"reason": reason, "count": withdrawn},
    )
    return withdrawn
