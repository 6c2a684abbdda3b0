"""Admin wiring for commerce: shipping methods, red packets, the e-mail outbox and orders."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_permissions import ViewOnlyPermissionPolicy
from .models import Order, OutgoingEmail, ShippingMethod
from .order_admin import OrderViewSet
from .red_packet_admin import PACKET_VIEWSET, RED_PACKET_SUBMENU_HOOK, RedPacketViewSetGroup


class ShippingMethodViewSet(SnippetViewSet):
    model = ShippingMethod
    icon = "mail"
    menu_label = _("Shipping methods")
    add_to_settings_menu = True
    list_display = ["name", "code", "base_fee", "free_shipping_threshold", "active"]
    ordering = ["sort_order", "pk"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldPanel("description"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("base_fee"), FieldPanel("first_weight_grams")]),
            FieldRowPanel([FieldPanel("step_fee"), FieldPanel("step_grams")]),
            FieldPanel("free_shipping_threshold"),
        ], heading=_("Fee")),
        FieldRowPanel([FieldPanel("active"), FieldPanel("sort_order")]),
        InlinePanel("region_rules", label=_("Regions that differ"), panels=[
            FieldRowPanel([FieldPanel("province"), FieldPanel("surcharge")]),
            FieldRowPanel([FieldPanel("unavailable"), FieldPanel("surcharge_waived_when_free")]),
        ]),
    ]


register_snippet(ShippingMethodViewSet)


# --- Red packets: types, issued packets, issuing and withdrawing (commerce/red_packet_admin.py) ------------


@hooks.register("register_admin_viewset")
def register_red_packet_viewsets():
    return RedPacketViewSetGroup()


class IssueRedPacketsMenuItem(MenuItem):
    """Shown to staff who may add red packets (issuing creates them)."""

    def is_shown(self, request):
        return request.user.has_perm("commerce.add_redpacket")


@hooks.register(RED_PACKET_SUBMENU_HOOK)
def register_issue_red_packets_menu_item():
    return IssueRedPacketsMenuItem(_("Issue red packets"), reverse(f"{PACKET_VIEWSET}:issue"),
                                   name="issue-red-packets", icon_name="plus", order=900)


@hooks.register("register_log_actions")
def register_red_packet_log_actions(actions):
    """The audit-log actions of red packets, shown in Site history and each object's history."""

    @actions.register_action("commerce.red_packet.issue")
    class IssueFormatter(LogFormatter):
        label = _("Red packets: issue")

        def format_message(self, log_entry):
            count = log_entry.data.get("count", 0)
            return _("Issued %(count)s red packets to %(users)s") % {
                "count": count, "users": ", ".join(log_entry.data.get("users", []))
                + ("…" if count > len(log_entry.data.get("users", [])) else "")}

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
                "count": log_entry.data.get("count", 0)}
            reason = log_entry.data.get("reason", "")
            return message + (" (" + reason + ")" if reason else "")


# --- Outgoing e-mails: the outbox, read-only ---------------------------------------------------------------
# Staff look here when a customer says "I got no mail": status, attempts and the last
# SMTP error. Rows are written by commerce.emails only, so nobody may add, edit or
# delete them; a stuck row is resent by ``manage.py send_pending_emails`` (cron).


register_permission_policy(OutgoingEmail, ViewOnlyPermissionPolicy(OutgoingEmail))


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []  # the edit views exist but the permission policy closes them
    list_display = ["subject", "to", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject", "dedupe_key"]
    search_backend_name = None  # plain database filtering: the outbox is not in the search index
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = ["kind", "to", "subject", "status", "attempts", "last_error", "created_at",
                           "sent_at", "order", "text_body"]


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet("outgoing_emails")


# --- Orders: read-only list and full view for the roles that run orders -----------------------------------


register_permission_policy(Order, ViewOnlyPermissionPolicy(Order))


@hooks.register("register_admin_viewset")
def register_order_viewset():
    return OrderViewSet("orders")
