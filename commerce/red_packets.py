"""Red packets: whether one can be spent, spending it, and giving it back.

Spending happens inside ``order_place``'s transaction with the packet row locked, so
five checkouts racing for one packet use it once; cancelling an unpaid order gives
it back. Issuing, claiming and disabling are further down.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from core.errors import CommerceError

from .errors import RedPacketInvalid
from .models import Order, RedPacket, RedPacketType


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
            "date": timezone.localtime(packet_type.valid_from).strftime("%Y-%m-%d %H:%M")
        }
    if now >= packet_type.valid_until:
        return _("This red packet has expired.")
    return ""


def spendable_red_packets(user, *, now=None) -> list[RedPacket]:
    """The shopper's packets that are available and in their dates (the rule may still not fit the
    cart)."""
    if not getattr(user, "is_authenticated", False):
        return []
    now = now or timezone.now()
    return list(
        RedPacket.objects.filter(
            user=user,
            status=RedPacket.Status.AVAILABLE,
            packet_type__disabled=False,
            packet_type__valid_from__lte=now,
            packet_type__valid_until__gt=now,
        )
        .select_related("packet_type")
        .prefetch_related("packet_type__categories", "packet_type__brands")
        .order_by("packet_type__valid_until", "pk")
    )


def red_packet_redeem(*, packet_id: int, user, order) -> RedPacket:
    """Mark a packet used by ``order``. Call inside the order's transaction.

    The row is locked and re-checked under the lock, so of several concurrent
    checkouts only the first spends it; the others get ``RedPacketInvalid``.
    """
    packet = (
        RedPacket.objects.select_for_update()
        .select_related("packet_type")
        .filter(pk=packet_id, user=user)
        .first()
    )
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
    """ "available", "used", "expired" or "disabled", as the shopper's list groups them."""
    now = now or timezone.now()
    if packet.status == RedPacket.Status.USED:
        return "used"
    if packet.status == RedPacket.Status.DISABLED or packet.packet_type.disabled:
        return "disabled"
    if now >= packet.packet_type.valid_until:
        return "expired"
    return "available"


# Issuing, claiming and disabling ---------------------------------------------------
#
# Every change here is written to Wagtail's audit log (actions registered in
# commerce/wagtail_hooks.py), so Reports → Site history and each object's history
# show who issued, claimed or withdrew what.

SEGMENT_ALL = "all"
SEGMENT_NEW = "new_30_days"
SEGMENT_NEVER_ORDERED = "never_ordered"
SEGMENT_RECENT_BUYERS = "ordered_90_days"
SEGMENTS = [
    (SEGMENT_ALL, gettext_lazy("All shoppers")),
    (SEGMENT_NEW, gettext_lazy("Signed up in the last 30 days")),
    (SEGMENT_NEVER_ORDERED, gettext_lazy("Never ordered")),
    (SEGMENT_RECENT_BUYERS, gettext_lazy("Ordered in the last 90 days")),
]


def shoppers():
    """Active customer accounts: not staff, not superusers, in no staff role group."""
    return get_user_model().objects.filter(
        is_active=True, is_staff=False, is_superuser=False, groups__isnull=True
    )


def segment_users(segment: str, *, now=None):
    """The shoppers in a named segment (see ``SEGMENTS``), ordered by pk."""
    now = now or timezone.now()
    orders = Order.objects.filter(user=OuterRef("pk"))
    users = shoppers()
    if segment == SEGMENT_NEW:
        users = users.filter(date_joined__gte=now - timedelta(days=30))
    elif segment == SEGMENT_NEVER_ORDERED:
        users = users.filter(~Exists(orders))
    elif segment == SEGMENT_RECENT_BUYERS:
        users = users.filter(Exists(orders.filter(placed_at__gte=now - timedelta(days=90))))
    elif segment != SEGMENT_ALL:
        raise CommerceError(
            _("Unknown segment “%(segment)s”.") % {"segment": segment}, code="unknown_segment"
        )
    return users.order_by("pk")


def red_packet_recipients(lines) -> tuple[list, list[str]]:
    """Users named one per line by username, e-mail or mobile: (found users, unknown names).

    Blank lines are skipped and a user named twice is returned once, so a pasted
    list from a spreadsheet works as it is.
    """
    names = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
    User = get_user_model()
    found, unknown = {}, []
    for name in names:
        user = (
            User.objects.filter(
                Q(username=name) | Q(email__iexact=name) | Q(mobile=name), is_active=True
            )
            .order_by("pk")
            .first()
        )
        if user is None:
            unknown.append(name)
        else:
            found.setdefault(user.pk, user)
    return list(found.values()), unknown


def red_packet_type_problem(packet_type: RedPacketType, *, now=None) -> str:
    """Why no new packet of this type may be handed out now ("" when it may)."""
    now = now or timezone.now()
    if packet_type.disabled:
        return _("The red packet type “%(name)s” is disabled.") % {"name": packet_type.name}
    if now >= packet_type.valid_until:
        return _("The red packet type “%(name)s” has expired.") % {"name": packet_type.name}
    return ""


@transaction.atomic
def red_packet_issue(*, packet_type: RedPacketType, users, actor) -> list[RedPacket]:
    """Give one packet of the type to each user (staff action), all or none.

    The type row is locked so a concurrent "disable type" cannot slip in between
    the check and the insert and leave fresh packets of a withdrawn type.
    """
    packet_type = RedPacketType.objects.select_for_update().get(pk=packet_type.pk)
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
def red_packet_claim(*, packet_type: RedPacketType, user) -> RedPacket:
    """The shopper takes a packet from a campaign.

    Claims of one type are serialised by locking the type row; the limits are
    counted under that lock, so ten shoppers racing for the last three packets get
    exactly three. Both limits count every packet of the type (claimed or issued).
    """
    packet_type = RedPacketType.objects.select_for_update().filter(pk=packet_type.pk).first()
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
def red_packet_disable(*, packet: RedPacket, actor, reason: str = "") -> RedPacket:
    """Withdraw one shopper's packet. A used packet stays used (the order keeps its discount)."""
    packet = RedPacket.objects.select_for_update().select_related("packet_type").get(pk=packet.pk)
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
def red_packet_type_disable(*, packet_type: RedPacketType, actor, reason: str = "") -> int:
    """Withdraw a whole type: it can no longer be issued, claimed or spent, and every
    available packet of it is disabled. Returns how many packets were withdrawn."""
    packet_type = RedPacketType.objects.select_for_update().get(pk=packet_type.pk)
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


# Shopper-facing views of the data --------------------------------------------------


def red_packets_by_status(user, *, now=None) -> dict[str, list[RedPacket]]:
    """The shopper's packets grouped as "my red packets" shows them, in one query (plus
    prefetches)."""
    groups = {"available": [], "used": [], "expired": [], "disabled": []}
    packets = (
        RedPacket.objects.filter(user=user)
        .select_related("packet_type", "used_on")
        .prefetch_related("packet_type__categories", "packet_type__brands")
    )
    for packet in packets:
        groups[red_packet_status_label(packet, now=now)].append(packet)
    return groups


def claimable_red_packet_types(user=None, *, now=None) -> list[RedPacketType]:
    """Types running on the campaign page, each with ``claimed_total``, ``claimed_by_user``,
    ``remaining`` (None without a quantity limit) and ``claim_state``: "open",
    "claimed" (the shopper reached their limit) or "sold_out"."""
    now = now or timezone.now()
    mine = Q(packets__user=user) if getattr(user, "is_authenticated", False) else Q(pk__in=[])
    types = (
        RedPacketType.objects.filter(
            claimable=True, disabled=False, valid_from__lte=now, valid_until__gt=now
        )
        .annotate(claimed_total=Count("packets"), claimed_by_user=Count("packets", filter=mine))
        .prefetch_related("categories", "brands")
        .order_by("valid_until", "pk")
    )
    types = list(types)
    for packet_type in types:
        packet_type.claim_state = _claim_state(packet_type)
        packet_type.remaining = (
            None
            if packet_type.quantity_limit is None
            else max(packet_type.quantity_limit - packet_type.claimed_total, 0)
        )
    return types


def _claim_state(packet_type: RedPacketType) -> str:
    if packet_type.claimed_by_user >= packet_type.claim_limit:
        return "claimed"
    if (
        packet_type.quantity_limit is not None
        and packet_type.claimed_total >= packet_type.quantity_limit
    ):
        return "sold_out"
    return "open"


def red_packet_scope_label(packet_type: RedPacketType) -> str:
    """ "Whole shop" or the categories and brands a type is limited to (uses prefetches)."""
    names = [category.name for category in packet_type.categories.all()]
    names += [brand.title for brand in packet_type.brands.all()]
    if not names:
        return _("Whole shop")
    return _("Only: %(names)s") % {"names": "、".join(names)}


def red_packet_rule_label(packet_type: RedPacketType) -> str:
    """The value with its condition, e.g. "¥20 off, on a spend of ¥199"."""
    if packet_type.min_spend > 0:
        return _("%(value)s on a spend of ¥%(min)s") % {
            "value": packet_type.value_label(),
            "min": packet_type.min_spend,
        }
    return _("%(value)s, no minimum spend") % {"value": packet_type.value_label()}
