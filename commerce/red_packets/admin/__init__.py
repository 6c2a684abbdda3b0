"""Admin for red packets: the types, the issued packets, issuing by hand and withdrawing.

The generic create/edit forms never issue, withdraw or spend a packet: those go
through the domain functions in ``commerce.red_packets.services`` so that each one is
checked and written to the audit log. Rights are the model permissions: "add red
packet" to issue, "change red packet" to withdraw one, "change red packet type" to
withdraw a type.
"""

from .actions import PACKET_VIEWSET, TYPE_VIEWSET
from .log import LOG_ACTIONS
from .viewsets import RED_PACKET_SUBMENU_HOOK, RedPacketViewSetGroup, issue_menu_item

__all__ = [
    "LOG_ACTIONS",
    "PACKET_VIEWSET",
    "RED_PACKET_SUBMENU_HOOK",
    "TYPE_VIEWSET",
    "RedPacketViewSetGroup",
    "issue_menu_item",
]
