"""Issuing red packets by hand and withdrawing packets or whole types: forms and views.

None of them writes a packet itself: each calls the domain function in
``commerce.red_packets.services`` that checks it and writes the audit log.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from core.errors import CommerceError

from ...admin_base import StaffPageMixin
from ..models import RedPacket, RedPacketType
from ..selectors import SEGMENTS, red_packet_recipients, segment_users
from ..services import red_packet_disable, red_packet_issue, red_packet_type_disable

TYPE_VIEWSET = "red_packet_types"
PACKET_VIEWSET = "red_packets"
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
