"""Storefront red packets: the shopper's own ("my red packets") and the campaign page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import CommerceError

from .models import RedPacketType
from .selectors import (
    claimable_red_packet_types,
    red_packet_rule_label,
    red_packet_scope_label,
    red_packets_by_status,
)
from .services import red_packet_claim

SECTIONS = ["available", "used", "expired", "disabled"]


@login_required
def red_packet_list(request):
    """Available, used, expired and withdrawn packets, each with its rule, dates and scope."""
    groups = red_packets_by_status(request.user)
    for packets in groups.values():
        _describe([packet.packet_type for packet in packets])
    sections = [(code, groups[code]) for code in SECTIONS]
    return render(
        request,
        "commerce/red_packets/red_packet_list.html",
        {"sections": sections, "groups": groups},
    )


def red_packet_campaign(request):
    """Packets shoppers can claim right now, with what each shopper has already claimed."""
    types = _describe(claimable_red_packet_types(request.user))
    return render(
        request, "commerce/red_packets/red_packet_campaign.html", {"packet_types": types}
    )


@require_POST
def red_packet_claim_view(request, type_id: int):
    """Claim one packet; sign in first (and come back to the campaign page)."""
    campaign_url = reverse("red_packet_campaign")
    if not request.user.is_authenticated:
        return redirect_to_login(campaign_url)
    packet_type = get_object_or_404(RedPacketType, pk=type_id, claimable=True)
    try:
        red_packet_claim(packet_type=packet_type, user=request.user)
    except CommerceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("“%(name)s” is now in your red packets.") % {"name": packet_type.name}
        )
    return redirect(campaign_url)


def _describe(packet_types):
    """Attach the display texts of each type (rule and scope) for the templates."""
    for packet_type in packet_types:
        packet_type.rule_label = red_packet_rule_label(packet_type)
        packet_type.scope_label = red_packet_scope_label(packet_type)
    return packet_types
