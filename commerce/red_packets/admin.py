"""Admin for red packets: the types, the issued packets, issuing by hand and withdrawing.

The generic create/edit forms never issue, withdraw or spend a packet: those go
through the domain functions in ``commerce.red_packets.services`` so that each one is
checked and written to the audit log. Rights are the model permissions: "add red
packet" to issue, "change red packet" to withdraw one, "change red packet type" to
withdraw a type.
"""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy

from core.errors import CommerceError

from ..admin_base import (
    ActionsOnlyViewSetMixin,
    PermissionMenuItem,
    StaffPageMixin,
    simple_log_formatter,
)
from .models import RedPacket, RedPacketType
from .selectors import SEGMENTS, red_packet_recipients, segment_users
from .services import (
    red_packet_disable,
    red_packet_issue,
    red_packet_type_disable,
    red_packet_type_problem,
)

TYPE_VIEWSET = "red_packet_types"
PACKET_VIEWSET = "red_packets"
RED_PACKET_SUBMENU_HOOK = (
    "register_red_packet_menu_item"  # extra entries of the "Red packets" menu
)
MAX_RECIPIENT_LINES = 5000


# Forms -------------------------------------------------------------------------------


class IssueForm(forms.Form):
    """Who gets a packet of which type: a pasted list of people or a segment, not both."""

    packet_type = forms.ModelChoiceField(
        label=gettext_lazy("Red packet type"), queryset=RedPacketType.objects.none()
    )
    recipients = forms.CharField(
        label=gettext_lazy("Shoppers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("One username, e-mail address or mobile number per line."),
    )
    segment = forms.ChoiceField(
        label=gettext_lazy("…or everyone in a segment"),
        required=False,
        choices=[("", "---------"), *SEGMENTS],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["packet_type"].queryset = RedPacketType.objects.filter(
            disabled=False, valid_until__gt=timezone.now()
        ).order_by("name", "pk")
        self.users = []

    def clean(self):
        cleaned = super().clean()
        lines = cleaned.get("recipients", "").splitlines()
        segment = cleaned.get("segment")
        if bool(segment) == any(line.strip() for line in lines):
            raise forms.ValidationError(
                _("Give either a list of shoppers or a segment (one of the two).")
            )
        if len(lines) > MAX_RECIPIENT_LINES:
            raise forms.ValidationError(
                _("At most %(max)d lines at a time.") % {"max": MAX_RECIPIENT_LINES}
            )
        if segment:
            self.users = list(segment_users(segment))
        else:
            self.users, unknown = red_packet_recipients(lines)
            if unknown:
                self.add_error(
                    "recipients",
                    _("Nothing was issued. No active account matches: %(names)s")
                    % {"names": ", ".join(unknown)},
                )
        if not self.users and not self.errors:
            raise forms.ValidationError(_("No shopper matches; nothing to issue."))
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Kept in the history log."),
    )


# Views ------------------------------------------------------------------------------


class RedPacketAdminMixin(PermissionCheckedMixin, StaffPageMixin):
    """Admin chrome plus a model-permission check for the views below."""

    header_icon = "tag"
    index_url_name = f"{PACKET_VIEWSET}:index"
    index_label = gettext_lazy("Issued red packets")


class IssueView(RedPacketAdminMixin, FormView):
    """Step 1 checks the form and shows how many will receive the packet; step 2
    (the confirm button) issues them. Unknown names stop both steps."""

    permission_policy = ModelPermissionPolicy(RedPacket)
    permission_required = "add"
    form_class = IssueForm
    template_name = "commerce/red_packets/admin/issue.html"
    page_title = gettext_lazy("Issue red packets")

    def get_initial(self):
        return {"packet_type": self.request.GET.get("packet_type")}

    def form_valid(self, form):
        if not self.request.POST.get("confirm"):
            return self.render_to_response(
                self.get_context_data(form=form, confirming=True, count=len(form.users))
            )
        packet_type = form.cleaned_data["packet_type"]
        try:
            packets = red_packet_issue(
                packet_type=packet_type, users=form.users, actor=self.request.user
            )
        except CommerceError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Issued %(count)d red packets of “%(name)s”.")
            % {"count": len(packets), "name": packet_type.name},
        )
        return redirect(reverse(f"{PACKET_VIEWSET}:index") + f"?packet_type={packet_type.pk}")


class DisableView(RedPacketAdminMixin, FormView):
    """GET asks for confirmation (and a reason); POST withdraws and goes back to the list."""

    form_class = ReasonForm
    template_name = "commerce/red_packets/admin/confirm_disable.html"
    permission_required = "change"
    model = None

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            warning=self.warning(),
            cancel_url=reverse(self.success_url_name()),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            message = self.disable(form.cleaned_data["reason"])
        except CommerceError as error:
            messages.error(self.request, error.message)
        else:
            messages.success(self.request, message)
        return redirect(self.success_url_name())


class PacketDisableView(DisableView):
    model = RedPacket
    permission_policy = ModelPermissionPolicy(RedPacket)
    page_title = gettext_lazy("Disable red packet")

    def warning(self):
        return _("%(user)s will no longer be able to use this “%(name)s” red packet.") % {
            "user": self.object.user,
            "name": self.object.packet_type.name,
        }

    def disable(self, reason):
        red_packet_disable(packet=self.object, actor=self.request.user, reason=reason)
        return _("The red packet was disabled.")

    def success_url_name(self):
        return f"{PACKET_VIEWSET}:index"


class TypeDisableView(DisableView):
    model = RedPacketType
    permission_policy = ModelPermissionPolicy(RedPacketType)
    page_title = gettext_lazy("Disable red packet type")

    def warning(self):
        available = self.object.packets.filter(status=RedPacket.Status.AVAILABLE).count()
        return _(
            "“%(name)s” can no longer be issued, claimed or used, and the %(count)d unused "
            "packets of it "
            "are withdrawn."
        ) % {"name": self.object.name, "count": available}

    def disable(self, reason):
        count = red_packet_type_disable(
            packet_type=self.object, actor=self.request.user, reason=reason
        )
        return _("“%(name)s” was disabled; %(count)d unused packets were withdrawn.") % {
            "name": self.object.name,
            "count": count,
        }

    def success_url_name(self):
        return f"{TYPE_VIEWSET}:index"


# Listings ------------------------------------------------------------------------------


class RedPacketTypeIndexView(IndexView):
    """Types with how many were issued and used, counted in the listing's own query."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                issued_count=Count("packets"),
                used_count=Count("packets", filter=Q(packets__status=RedPacket.Status.USED)),
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("commerce.add_redpacket") and not red_packet_type_problem(
            instance
        ):
            buttons.append(
                MenuItem(
                    _("Issue"),
                    reverse(f"{PACKET_VIEWSET}:issue") + f"?packet_type={instance.pk}",
                    icon_name="plus",
                    priority=40,
                )
            )
        if self.user_has_permission("change") and not instance.disabled:
            buttons.append(
                MenuItem(
                    _("Disable"),
                    reverse(f"{TYPE_VIEWSET}:disable", args=[instance.pk]),
                    icon_name="cross",
                    priority=50,
                )
            )
        return buttons


class RedPacketFilterSet(WagtailFilterSet):
    class Meta:
        model = RedPacket
        fields = ["packet_type", "status"]


class RedPacketIndexView(IndexView):
    """Issued packets; there is no add or edit form: issuing and withdrawing are actions."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user", "packet_type", "issued_by", "used_on")
        )

    @property
    def header_buttons(self):
        if not self.request.user.has_perm("commerce.add_redpacket"):
            return []
        return [
            HeaderButton(
                _("Issue red packets"), url=reverse(f"{PACKET_VIEWSET}:issue"), icon_name="plus"
            )
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("History"),
                reverse(f"{PACKET_VIEWSET}:history", args=[instance.pk]),
                icon_name="history",
                priority=30,
            )
        )
        if self.user_has_permission("change") and instance.status == RedPacket.Status.AVAILABLE:
            buttons.append(
                MenuItem(
                    _("Disable"),
                    reverse(f"{PACKET_VIEWSET}:disable", args=[instance.pk]),
                    icon_name="cross",
                    priority=50,
                )
            )
        return buttons


class RedPacketTypeViewSet(ModelViewSet):
    model = RedPacketType
    name = TYPE_VIEWSET
    icon = "tag"
    menu_label = gettext_lazy("Red packet types")
    index_view_class = RedPacketTypeIndexView
    list_display = [
        "name",
        Column("value_label", label=gettext_lazy("Value")),
        "min_spend",
        DateColumn("valid_from", label=gettext_lazy("Valid from")),
        DateColumn("valid_until", label=gettext_lazy("Valid until")),
        Column("issued_count", label=gettext_lazy("Issued")),
        Column("used_count", label=gettext_lazy("Used")),
        BooleanColumn("claimable", label=gettext_lazy("Claimable")),
        BooleanColumn("disabled", label=gettext_lazy("Disabled")),
    ]
    list_filter = ["kind", "claimable", "disabled"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False
    # "disabled" is not on the form: withdrawing a type goes through the Disable
    # action, which also withdraws its packets and logs why.
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("amount"), FieldPanel("percent"), FieldPanel("cap")]),
                FieldPanel("min_spend"),
            ],
            heading=gettext_lazy("Value"),
        ),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        MultiFieldPanel(
            [FieldPanel("categories"), FieldPanel("brands")],
            heading=gettext_lazy("Where it applies"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("claimable"),
                FieldRowPanel([FieldPanel("claim_limit"), FieldPanel("quantity_limit")]),
            ],
            heading=gettext_lazy("Campaign page"),
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("disable/<int:pk>/", self.disable_view, name="disable"),
        ]

    @property
    def disable_view(self):
        return TypeDisableView.as_view()


class RedPacketViewSet(ActionsOnlyViewSetMixin, ModelViewSet):
    model = RedPacket
    name = PACKET_VIEWSET
    icon = "tag"
    menu_label = gettext_lazy("Issued red packets")
    index_view_class = RedPacketIndexView
    list_display = [
        Column("user", label=gettext_lazy("Shopper")),
        Column("packet_type", label=gettext_lazy("Type")),
        Column("get_status_display", label=gettext_lazy("Status"), sort_key="status"),
        DateColumn("issued_at", label=gettext_lazy("Issued")),
        Column("issued_by", label=gettext_lazy("Issued by")),
        Column("used_on", label=gettext_lazy("Order")),
    ]
    filterset_class = RedPacketFilterSet
    search_fields = ["user__username", "user__email", "user__mobile"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self):
        # No add/edit/delete forms: issuing and withdrawing are actions (see the module docstring).
        return [
            *self.listing_urlpatterns(),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("issue/", IssueView.as_view(), name="issue"),
            path("disable/<int:pk>/", PacketDisableView.as_view(), name="disable"),
        ]


class RedPacketViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Red packets")
    menu_icon = "tag"
    menu_order = 320
    items = (RedPacketTypeViewSet, RedPacketViewSet)
    submenu_hook = RED_PACKET_SUBMENU_HOOK


def issue_menu_item():
    """The "Red packets" menu's entry for issuing, shown to staff who may add red packets
    (issuing creates them)."""
    return PermissionMenuItem(
        gettext_lazy("Issue red packets"),
        reverse(f"{PACKET_VIEWSET}:issue"),
        name="issue-red-packets",
        icon_name="plus",
        order=900,
        check="commerce.add_redpacket",
    )


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
