"""Admin views of the finance desk: bank transfers to confirm, mismatches to reconcile, couriers'
cash to record, refunds to pay out and the daily takings by payment method.

Every view needs ``commerce.record_payment`` (Finance and Managers); anyone else, customer
service included, gets HTTP 403 and nothing changes. Views are thin: the bookkeeping is in
``commerce.desks.finance.services``, whose refusals become form errors or messages.
"""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from core.errors import CommerceError

from ...fields import MONEY
from ...orders.models import Order, OrderStatus, PaymentMethod
from ...payments.models import Payment
from ...price_protection.models import PriceProtectionClaim
from ...price_protection.services import awaiting_refund_claims, price_claim_refund
from ...pricing import money
from ...shipping.models import Carrier
from ..base import Desk, DeskMixin, DeskPostView, Tab, paginate
from .services import (
    CodDifference,
    awaiting_bank_transfers,
    cod_awaiting_collection,
    cod_collection_record,
    cod_collections,
    daily_totals,
    duplicate_payment_refund,
    order_confirm_bank_transfer,
    order_excess_refund,
    order_outstanding,
    order_receipts,
    order_reconcile,
    order_refund,
    reconciliation_queue,
    refund_queue,
    refundable_orders,
    totals_by_method,
    with_balances,
)

TEMPLATES = "commerce/desks/finance/"
DESK = Desk(
    permission="commerce.record_payment",
    label=gettext_lazy("Finance desk"),
    templates=TEMPLATES,
    icon="doc-full",
    menu_icon="doc-full",
    forbidden_message=gettext_lazy(
        "Only the finance desk (Finance and Managers) may use these pages."
    ),
    tabs=(
        Tab("finance:awaiting", gettext_lazy("Bank transfers to confirm"), "doc-full"),
        Tab("finance:reconciliation", gettext_lazy("Needs reconciliation"), "warning"),
        Tab("finance:cod", gettext_lazy("Cash on delivery to collect"), "mail"),
        Tab("finance:cod_collections", gettext_lazy("Cash collections"), "list-ul"),
        Tab("finance:refunds", gettext_lazy("Refunds"), "arrow-left"),
        Tab("finance:totals", gettext_lazy("Daily totals"), "date"),
    ),
)


# Bank transfers
# ----------------------------------------------------------------------------------------


class AwaitingView(DeskMixin, TemplateView):
    """Bank-transfer orders waiting for their money, searchable by order number or amount."""

    desk = DESK
    page_title = gettext_lazy("Bank transfers to confirm")
    template_name = TEMPLATES + "awaiting.html"
    nav = "awaiting"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:40]
        return super().get_context_data(
            orders=paginate(self.request, awaiting_bank_transfers(query)), query=query, **kwargs
        )


class ConfirmForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Bank reference"),
        max_length=60,
        help_text=gettext_lazy("As printed on the bank statement; each is used once."),
    )
    amount = forms.DecimalField(
        label=gettext_lazy("Amount received (¥)"),
        min_value=0,
        **MONEY,
        help_text=gettext_lazy(
            "Less than is outstanding is kept as a part payment and the order waits for "
            "the rest; more pays the order and the excess is flagged for a refund."
        ),
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=300)


class ConfirmView(DeskMixin, FormView):
    """Confirm one transfer: reference, amount (the total, pre-filled) and a note."""

    desk = DESK
    form_class = ConfirmForm
    template_name = TEMPLATES + "confirm.html"
    nav = "awaiting"

    @cached_property
    def order(self):
        # Looked up after the role gate, so outsiders learn nothing about order numbers.
        return get_object_or_404(
            Order, number=self.kwargs["number"], payment_method=PaymentMethod.BANK_TRANSFER
        )

    def get_page_title(self):
        return _("Confirm payment of order %(number)s") % {"number": self.order.number}

    def get_initial(self):
        return {"amount": order_outstanding(self.order)}

    def get_context_data(self, **kwargs):
        awaiting = self.order.status == OrderStatus.AWAITING_PAYMENT
        receipts = order_receipts(self.order)
        return super().get_context_data(
            order=self.order,
            awaiting=awaiting,
            receipts=receipts,
            outstanding=order_outstanding(self.order) if receipts else None,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            data = form.cleaned_data
            order = order_confirm_bank_transfer(
                order=self.order,
                reference=data["reference"],
                amount_received=data["amount"],
                note=data["note"],
                actor=self.request.user,
            )
        except CommerceError as error:
            form.add_error("reference" if error.code == "bank_reference" else None, error.message)
            return self.form_invalid(form)
        if order.needs_reconciliation and order.status == OrderStatus.AWAITING_PAYMENT:
            messages.warning(
                self.request,
                _(
                    "Part payment recorded for order %(number)s: ¥%(outstanding)s is "
                    "outstanding. It waits in the reconciliation list for a top-up."
                )
                % {"number": order.number, "outstanding": order_outstanding(order)},
            )
        elif order.needs_reconciliation:
            messages.warning(
                self.request,
                _(
                    "Order %(number)s is paid, with more than its total: the excess waits "
                    "in the reconciliation list for a refund."
                )
                % {"number": order.number},
            )
        else:
            messages.success(
                self.request,
                _("Order %(number)s is paid and goes to logistics for review.")
                % {"number": order.number},
            )
        return redirect("finance:awaiting")


class ReconciliationView(DeskMixin, TemplateView):
    """Orders whose money did not match, each with a form to settle it."""

    desk = DESK
    page_title = gettext_lazy("Needs reconciliation")
    template_name = TEMPLATES + "reconciliation.html"
    nav = "reconciliation"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            orders=paginate(self.request, reconciliation_queue()), **kwargs
        )


class ReconcileView(DeskPostView):
    """Lift the reconciliation flag with a note saying how the difference was settled."""

    desk = DESK

    def post(self, request, number):
        order = get_object_or_404(Order, number=number)
        try:
            order_reconcile(order=order, note=request.POST.get("note", ""), actor=request.user)
        except CommerceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Order %(number)s was reconciled.") % {"number": order.number}
            )
        return redirect("finance:reconciliation")


class DuplicateRefundView(DeskPostView):
    """Refund a duplicate capture through the shop's refund path; the flag lifts once settled."""

    desk = DESK

    def post(self, request, number, payment_id):
        payment = get_object_or_404(
            Payment.objects.select_related("order"), pk=payment_id, order__number=number
        )
        try:
            refund = duplicate_payment_refund(payment=payment, actor=request.user)
        except CommerceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Refunded the duplicate payment of ¥%(amount)s on order %(number)s.")
                % {"amount": refund.amount, "number": number},
            )
        return redirect("finance:reconciliation")


class PriceClaimRefundView(DeskPostView):
    """Pay out a price-protection claim the shop settles by refund (not by red packet)."""

    desk = DESK

    def post(self, request, claim_id):
        claim = get_object_or_404(
            PriceProtectionClaim.objects.select_related("order"), pk=claim_id
        )
        try:
            claim = price_claim_refund(claim=claim, actor=request.user)
        except CommerceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Refunded the price drop of ¥%(amount)s on order %(number)s.")
                % {"amount": money(claim.amount), "number": claim.order.number},
            )
        return redirect("finance:refunds")


class ExcessRefundView(DeskPostView):
    """Refund what an order received beyond what is due; the flag lifts once settled."""

    desk = DESK

    def post(self, request, number):
        order = get_object_or_404(Order, number=number)
        try:
            refund = order_excess_refund(order=order, actor=request.user)
        except CommerceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Refunded the excess of ¥%(amount)s on order %(number)s.")
                % {"amount": refund.amount, "number": number},
            )
        return redirect("finance:reconciliation")


# Cash on delivery
# -------------------------------------------------------------------------------------


class CodForm(forms.Form):
    carrier = forms.ModelChoiceField(label=gettext_lazy("Carrier"), queryset=Carrier.objects.all())
    day = forms.DateField(
        label=gettext_lazy("Day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    amount = forms.DecimalField(label=gettext_lazy("Cash handed in (¥)"), min_value=0, **MONEY)
    orders = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Orders collected"),
        queryset=Order.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Select the orders the cash was collected for.")},
    )
    accept_difference = forms.BooleanField(
        label=gettext_lazy("Record with the difference"), required=False
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Required when recording with a difference."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["orders"].queryset = cod_awaiting_collection()


class CodView(DeskMixin, FormView):
    """Delivered cash-on-delivery orders without a collection, and the form recording one day's
    cash."""

    desk = DESK
    form_class = CodForm
    template_name = TEMPLATES + "cod.html"
    page_title = gettext_lazy("Cash on delivery to collect")
    nav = "cod"

    @cached_property
    def carrier(self):
        value = self.request.POST.get("carrier") or self.request.GET.get("carrier", "")
        return Carrier.objects.filter(pk=value).first() if value.isdigit() else None

    def get_initial(self):
        return {"carrier": self.carrier, "day": timezone.localdate()}

    def get_context_data(self, **kwargs):
        form = kwargs.get("form")
        chosen = set(form["orders"].value() or []) if form is not None and form.is_bound else set()
        orders = list(cod_awaiting_collection(carrier=self.carrier)[:500])
        return super().get_context_data(
            rows=[(order, str(order.pk) in chosen) for order in orders],
            carriers=Carrier.objects.all(),
            carrier=self.carrier,
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            collection = cod_collection_record(
                carrier=data["carrier"],
                day=data["day"],
                amount=data["amount"],
                orders=list(data["orders"]),
                note=data["note"],
                accept_difference=data["accept_difference"],
                actor=self.request.user,
            )
        except CodDifference as error:
            form.add_error(None, error.message)
            return self.render_to_response(
                self.get_context_data(form=form, difference=error.difference)
            )
        except CommerceError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Recorded ¥%(amount)s from %(carrier)s for %(day)s (%(count)d orders).")
            % {
                "amount": collection.amount,
                "carrier": collection.carrier.name,
                "day": collection.day.isoformat(),
                "count": len(data["orders"]),
            },
        )
        return redirect("finance:cod_collections")


class CodCollectionsView(DeskMixin, TemplateView):
    """Recorded collections against what their orders add up to: a difference stands out."""

    desk = DESK
    page_title = gettext_lazy("Cash collections")
    template_name = TEMPLATES + "collections.html"
    nav = "cod_collections"

    def get_context_data(self, **kwargs):
        return super().get_context_data(collections=cod_collections(), **kwargs)


# Refunds
# ---------------------------------------------------------------------------------------------


class RefundQueueView(DeskMixin, TemplateView):
    """Paid orders that were cancelled and still wait for their money; any other paid order by
    number."""

    desk = DESK
    page_title = gettext_lazy("Refunds")
    template_name = TEMPLATES + "refunds.html"
    nav = "refunds"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:40]
        return super().get_context_data(
            orders=paginate(self.request, refund_queue()),
            price_claims=awaiting_refund_claims(),
            query=query,
            found=refundable_orders(query) if query else None,
            **kwargs,
        )


class RefundForm(forms.Form):
    amount = forms.DecimalField(label=gettext_lazy("Amount to refund (¥)"), min_value=0, **MONEY)
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=300)


class RefundView(DeskMixin, FormView):
    """Refund part or all of what is left on one order."""

    desk = DESK
    form_class = RefundForm
    template_name = TEMPLATES + "refund.html"
    nav = "refunds"

    @cached_property
    def order(self):
        return get_object_or_404(with_balances(Order.objects.all()), number=self.kwargs["number"])

    def get_page_title(self):
        return _("Refund order %(number)s") % {"number": self.order.number}

    def get_initial(self):
        return {"amount": money(self.order.refundable)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            order=self.order, refunds=self.order.refunds.select_related("created_by"), **kwargs
        )

    def form_valid(self, form):
        try:
            refund = order_refund(order=self.order, actor=self.request.user, **form.cleaned_data)
        except CommerceError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Refunded ¥%(amount)s on order %(number)s.")
            % {"amount": refund.amount, "number": self.order.number},
        )
        return redirect("finance:refunds")


# Daily totals
# --------------------------------------------------------------------------------------------


class TotalsForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))


class TotalsView(DeskMixin, TemplateView):
    """Money received minus refunds per day and payment method for a chosen period (last 7 days at
    first)."""

    desk = DESK
    page_title = gettext_lazy("Daily totals")
    template_name = TEMPLATES + "totals.html"
    nav = "totals"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        data = (
            self.request.GET
            if "start" in self.request.GET
            else {"start": today - timedelta(days=6), "end": today}
        )
        form = TotalsForm(data)
        rows = []
        if form.is_valid():
            try:
                rows = daily_totals(start=form.cleaned_data["start"], end=form.cleaned_data["end"])
            except CommerceError as error:
                form.add_error(None, error.message)
        return super().get_context_data(
            form=form, rows=rows, sums=totals_by_method(rows), **kwargs
        )
