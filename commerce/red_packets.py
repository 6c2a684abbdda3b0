"""Red packets: whether one can be spent, spending it, and giving it back.

Spending happens inside ``order_place``'s transaction with the packet row locked, so
five checkouts racing for one packet use it once; cancelling an unpaid order gives
it back. Issuing, claiming and disabling are further down.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import RedPacketInvalid
from .models import RedPacket


def red_packet_problem(packet: RedPacket, *, user, now=None) -> str:
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
            "date": timezone.localtime(packet_type.valid_from).strftime("%Y-%m-%d %H:%M")}
    if now >= packet_type.valid_until:
        return _("This red packet has expired.")
    return ""


def spendable_red_packets(user, *, now=None) -> list[RedPacket]:
    """The shopper's packets that are available and in their dates (the rule may still not fit the cart)."""
    if not getattr(user, "is_authenticated", False):
        return []
    now = now or timezone.now()
    return list(
        RedPacket.objects.filter(
            user=user, status=RedPacket.Status.AVAILABLE, packet_type__disabled=False,
            packet_type__valid_from__lte=now, packet_type__valid_until__gt=now,
        ).select_related("packet_type").prefetch_related("packet_type__categories", "packet_type__brands")
        .order_by("packet_type__valid_until", "pk")
    )


def red_packet_redeem(*, packet_id: int, user, order) -> RedPacket:
    """Mark a packet used by ``order``. Call inside the order's transaction.

    The row is locked and re-checked under the lock, so of several concurrent
    checkouts only the first spends it; the others get ``RedPacketInvalid``.
    """
    packet = (RedPacket.objects.select_for_update().select_related("packet_type")
              .filter(pk=packet_id, user=user).first())
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


def red_packet_release(*, order) -> RedPacket | None:
    """Give back the packet an order used (the order was cancelled before payment)."""
    packet = RedPacket.objects.select_for_update().filter(used_on=order).first()
    if packet is None:
        return None
    packet.status = RedPacket.Status.AVAILABLE
    packet.used_at = None
    packet.used_on = None
    packet.save(update_fields=["status", "used_at", "used_on"])
    return packet


def red_packet_status_label(packet: RedPacket, *, now=None) -> str:
    """"available", "used", "expired" or "disabled", as the shopper's list groups them."""
    now = now or timezone.now()
    if packet.status == RedPacket.Status.USED:
        return "used"
    if packet.status == RedPacket.Status.DISABLED or packet.packet_type.disabled:
        return "disabled"
    if now >= packet.packet_type.valid_until:
        return "expired"
    return "available"

