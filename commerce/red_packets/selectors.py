"""Red packets as the shopper and the staff see them: what can be spent, the shopper's
groups, the campaign page's types, the labels, and who a packet can be issued to.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import CommerceError

from ..orders.models import Order
from .models import RedPacket, RedPacketType


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


def red_packet_status_label(packet: RedPacket, *, now=None) -> str:
    """ "available", "used", "expired" or "disabled", as the shopper's list groups them."""
    return packet.status_now(now)


# Segments of shoppers a packet can be issued to.
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
