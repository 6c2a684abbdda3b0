"""One request: its page with the steps the viewer's role may take, and those steps."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.errors import CommerceError

from ...desks.base import DeskPostView
from ...payments.models import Refund
from ...shipping.models import Carrier
from ..emails import return_address
from ..models import AfterSalesLine, AfterSalesRequest
from ..selectors import (
    sla_colour,
)
from ..services import (
    TEXT_LENGTH,
    after_sales_approve,
    after_sales_ask_info,
    after_sales_finish,
    after_sales_note_add,
    after_sales_receive,
    after_sales_refund,
    after_sales_reject,
    after_sales_replacement_create,
    exchange_choices,
)
from .desks import (
    ANY_DESK,
    FINANCE,
    LOGISTICS,
    SERVICE,
    TEMPLATES,
    AfterSalesPageMixin,
    K,
    S,
)


class ApproveForm(forms.Form):
    return_needed = forms.BooleanField(
        label=gettext_lazy("The customer sends the items back first"),
        required=False,
        initial=True,
    )
    refund_amount = forms.CharField(
        label=gettext_lazy("Refund proposed (¥)"),
        required=False,
        max_length=12,
        help_text=gettext_lazy("What the items cost the customer; shipping may be added."),
    )
    message = forms.CharField(
        label=gettext_lazy("Message to the customer"),
        required=False,
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MessageForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message to the customer"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Staff note"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Seen by staff only, never by the customer."),
    )


class RefundForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Refund through"),
        choices=Refund.Kind.choices,
        widget=forms.RadioSelect,
    )
    amount = forms.CharField(label=gettext_lazy("Amount (¥)"), max_length=12)
    reference = forms.CharField(
        label=gettext_lazy("Bank transfer reference"),
        required=False,
        max_length=80,
        help_text=gettext_lazy("Required for a manual refund: the transfer you made."),
    )


class FinishForm(forms.Form):
    carrier = forms.ModelChoiceField(
        label=gettext_lazy("Carrier"), queryset=Carrier.objects.none(), required=False
    )
    tracking_number = forms.CharField(
        label=gettext_lazy("Tracking number"), max_length=60, required=False
    )
    message = forms.CharField(
        label=gettext_lazy("Message to the customer"),
        required=False,
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carrier"].queryset = Carrier.objects.filter(active=True)


def _detail_queryset():
    return AfterSalesRequest.objects.select_related(
        "order", "user", "return_carrier", "refund", "refund__created_by", "replacement_order"
    )


class DetailView(AfterSalesPageMixin, TemplateView):
    """One request: the order, lines, photos, history with notes, and the role's actions."""

    desk = ANY_DESK
    template_name = TEMPLATES + "detail.html"

    @cached_property
    def case(self):
        # Looked up after the role gate, so outsiders learn nothing about request numbers.
        return get_object_or_404(_detail_queryset(), number=self.kwargs["number"])

    def get_page_title(self):
        return _("After-sales request %(number)s") % {"number": self.case.number}

    def get_context_data(self, **kwargs):
        case, user = self.case, self.request.user
        lines = list(case.lines.select_related("order_line"))
        if case.kind == K.EXCHANGE and case.status == S.RECEIVED:
            choices = exchange_choices(case)
            for line in lines:
                line.exchange_variants = choices.get(line.pk, [])  # the replacement's SKU list
        may = {
            "answer": user.has_perm(SERVICE) and case.status == S.SUBMITTED,
            "reject": user.has_perm(SERVICE) and case.status in {S.SUBMITTED, S.INFO_REQUESTED},
            "receive": user.has_perm(LOGISTICS) and case.status == S.AWAITING_PARCEL,
            "finish": user.has_perm(LOGISTICS) and case.status == S.RECEIVED,
            "refund": user.has_perm(FINANCE) and case.status == S.REFUND_PENDING,
        }
        return super().get_context_data(
            case=case,
            lines=lines,
            photos=case.photos.select_related("image"),
            events=case.events.select_related("actor"),
            may=may,
            sla=sla_colour(case.created_at),
            approve_form=ApproveForm(
                initial={
                    "refund_amount": case.refund_amount,
                    "return_needed": case.kind != K.COMPLAINT,
                }
            ),
            message_form=MessageForm(),
            note_form=NoteForm(),
            refund_form=RefundForm(initial=self._refund_initial(case)),
            finish_form=FinishForm(),
            conditions=AfterSalesLine.Condition.choices,
            return_address=return_address(),
            **kwargs,
        )

    def _refund_initial(self, case):
        online = case.order.payment_method in {"alipay", "wechat", "demo"}
        return {
            "amount": case.refund_amount,
            "kind": Refund.Kind.PROVIDER if online else Refund.Kind.MANUAL,
        }


def _received(post, case) -> dict[int, tuple[int, str]]:
    """The receive form's units and condition per line, strictly read."""
    received = {}
    for line in case.lines.all():
        raw = (post.get(f"units_{line.pk}") or "0").strip()
        if not raw.isdigit() or len(raw) > 4:
            raise CommerceError(_("Quantities are whole numbers."))
        received[line.pk] = (int(raw), post.get(f"condition_{line.pk}", ""))
    return received


def _approve(request, case):
    form = ApproveForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    after_sales_approve(
        request=case,
        actor=request.user,
        return_needed=data.get("return_needed", False),
        refund_amount=data.get("refund_amount"),
        message=data.get("message", ""),
    )
    return _("Request %(number)s was approved; the customer was told.") % {"number": case.number}


def _reject(request, case):
    after_sales_reject(request=case, actor=request.user, reason=request.POST.get("message", ""))
    return _("Request %(number)s was rejected; the customer was told why.") % {
        "number": case.number
    }


def _ask(request, case):
    after_sales_ask_info(request=case, actor=request.user, message=request.POST.get("message", ""))
    return _("Your question was sent to the customer.")


def _note(request, case):
    after_sales_note_add(request=case, actor=request.user, note=request.POST.get("note", ""))
    return _("The note was added to request %(number)s.") % {"number": case.number}


def _receive(request, case):
    after_sales_receive(request=case, actor=request.user, received=_received(request.POST, case))
    return _("The parcel of request %(number)s was booked in.") % {"number": case.number}


def _refund(request, case):
    form = RefundForm(request.POST)
    if not form.is_valid():
        raise CommerceError(_("Choose how the money goes back and enter the amount."))
    data = form.cleaned_data
    if data["kind"] == Refund.Kind.MANUAL and not data["reference"].strip():
        raise CommerceError(_("Enter the reference of the bank transfer you made."))
    refund = after_sales_refund(
        request=case,
        actor=request.user,
        kind=data["kind"],
        amount=data["amount"],
        reference=data["reference"],
    )
    return _("¥%(amount)s was refunded for request %(number)s.") % {
        "amount": refund.amount,
        "number": case.number,
    }


def _finish(request, case):
    form = FinishForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    after_sales_finish(
        request=case,
        actor=request.user,
        message=data.get("message", ""),
        carrier=data.get("carrier"),
        tracking_number=data.get("tracking_number", ""),
    )
    return _("Request %(number)s is done; the customer was told.") % {"number": case.number}


def _replace(request, case):
    skus = {
        line.pk: request.POST.get(f"sku_{line.pk}", "").strip()[:64] for line in case.lines.all()
    }
    replacement = after_sales_replacement_create(
        request=case, actor=request.user, skus={pk: sku for pk, sku in skus.items() if sku}
    )
    return _(
        "Replacement order %(order)s for request %(number)s waits in the logistics review queue."
    ) % {"order": replacement.number, "number": case.number}


# action → (the permission it needs, the step)
ACTIONS = {
    "approve": (SERVICE, _approve),
    "reject": (SERVICE, _reject),
    "ask": (SERVICE, _ask),
    "note": (None, _note),
    "receive": (LOGISTICS, _receive),
    "finish": (LOGISTICS, _finish),
    "replace": (LOGISTICS, _replace),
    "refund": (FINANCE, _refund),
}


class ActionView(DeskPostView):
    """POST only: one step of one request by the role it belongs to, then back to its page."""

    desk = ANY_DESK

    def post(self, request, number, action):
        permission, step = ACTIONS.get(action, (None, None))
        if permission and not request.user.has_perm(permission):
            return ANY_DESK.forbidden(request)
        case = get_object_or_404(AfterSalesRequest.objects.select_related("order"), number=number)
        if step is None:
            messages.error(request, _("Unknown action."))
        else:
            try:
                messages.success(request, step(request, case))
            except CommerceError as error:
                messages.error(request, error.message)
        return redirect("after_sales:detail", number=case.number)
