"""How red packet actions read in Site history and each object's history."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from ...admin_base import simple_log_formatter


class IssueFormatter(LogFormatter):
    label = gettext_lazy("Red packets: issue")

    def format_message(self, log_entry):
        count = log_entry.data.get("count", 0)
        users = log_entry.data.get("users", [])
        return _("Issued %(count)s red packets to %(users)s") % {
            "count": count,
            "users": ", ".join(users) + ("…" if count > len(users) else ""),
        }


class DisableFormatter(LogFormatter):
    label = gettext_lazy("Red packets: disable")

    def format_message(self, log_entry):
        # The reason goes into the message: the generic history listing shows no comments.
        reason = log_entry.data.get("reason", "")
        return _("Disabled: %(reason)s") % {"reason": reason} if reason else _("Disabled")


class TypeDisableFormatter(LogFormatter):
    label = gettext_lazy("Red packet types: disable")

    def format_message(self, log_entry):
        message = _("Disabled the type and withdrew %(count)s unused packets") % {
            "count": log_entry.data.get("count", 0)
        }
        reason = log_entry.data.get("reason", "")
        return message + (" (" + reason + ")" if reason else "")


# Shown in Site history and each object's history.
LOG_ACTIONS = {
    "commerce.red_packet.issue": IssueFormatter,
    "commerce.red_packet.claim": simple_log_formatter(
        gettext_lazy("Red packets: claim"),
        gettext_lazy("Claimed by the shopper on the campaign page"),
    ),
    "commerce.red_packet.disable": DisableFormatter,
    "commerce.red_packet_type.disable": TypeDisableFormatter,
}
