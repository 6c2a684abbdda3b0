"""Red packets: types, issued packets, issuing and withdrawing."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from ..red_packets.admin import (
    PACKET_VIEWSET,
    RED_PACKET_SUBMENU_HOOK,
    IssueRedPacketsMenuItem,
    RedPacketViewSetGroup,
)


@hooks.register("register_admin_viewset")
def register_red_packet_viewsets():
    return RedPacketViewSetGroup()


@hooks.register(RED_PACKET_SUBMENU_HOOK)
def register_issue_red_packets_menu_item():
    return IssueRedPacketsMenuItem(
        _("Issue red packets"),
        reverse(f"{PACKET_VIEWSET}:issue"),
        name="issue-red-packets",
        icon_name="plus",
        order=900,
    )


@hooks.register("register_log_actions")
def register_red_packet_log_actions(actions):
    """The audit-log actions of red packets, shown in Site history and each object's history."""

    @actions.register_action("commerce.red_packet.issue")
    class IssueFormatter(LogFormatter):
        label = _("Red packets: issue")

        def format_message(self, log_entry):
            count = log_entry.data.get("count", 0)
            return _("Issued %(count)s red packets to %(users)s") % {
                "count": count,
                "users": ", ".join(log_entry.data.get("users", []))
                + ("…" if count > len(log_entry.data.get("users", [])) else ""),
            }

    @actions.register_action("commerce.red_packet.claim")
    class ClaimFormatter(LogFormatter):
        label = _("Red packets: claim")
        message = _("Claimed by the shopper on the campaign page")

    @actions.register_action("commerce.red_packet.disable")
    class DisableFormatter(LogFormatter):
        label = _("Red packets: disable")

        def format_message(self, log_entry):
            # The reason goes into the message: the generic history listing shows no comments.
            reason = log_entry.data.get("reason", "")
            return _("Disabled: %(reason)s") % {"reason": reason} if reason else _("Disabled")

    @actions.register_action("commerce.red_packet_type.disable")
    class TypeDisableFormatter(LogFormatter):
        label = _("Red packet types: disable")

        def format_message(self, log_entry):
            message = _("Disabled the type and withdrew %(count)s unused packets") % {
                "count": log_entry.data.get("count", 0)
            }
            reason = log_entry.data.get("reason", "")
            return message + (" (" + reason + ")" if reason else "")
