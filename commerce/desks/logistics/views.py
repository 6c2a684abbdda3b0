"""Admin views of the logistics desk: the review queue, stocking, packing, shipping (one by one or
from a CSV) and printable packing lists.

Every view needs ``commerce.fulfil_order`` (Logistics and Managers); anyone else gets
HTTP 403 and nothing changes. Views are thin: the decisions are the domain functions
in ``commerce.desks.logistics.services``, whose refusals become messages or form errors.
"""

import csv
import io

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from core.csv_files import decode_csv
from core.errors import CommerceError

from ...orders.models import Order, OrderStatus
from ...shipping.models import Carrier
from ..base import Desk, DeskMixin, DeskPostView, Tab, paginate
from .services import (
    REVIEW_STATUSES,
    BulkShipInvalid,
    bulk_ship_from_csv,
    order_back_in_stock,
    order_flag,
    order_mark_out_of_stock,
    order_review_accept,
    order_ship_with_carrier,
    order_stock_confirm,
    orders_review_checks,
)

TEMPLATES = "commerce/desks/logistics/"
DESK = Desk(
    permission="commerce.fulfil_order",
    label=gettext_lazy("Logistics desk"),
    templates=TEMPLATES,
    icon="mail",
    menu_icon="clipboard-list",
    forbidden_message=gettext_lazy(
        "Only the logistics desk (Logistics and Managers) may use these pages."
    ),
    tabs=(
        Tab("logistics:review", gettext_lazy("To review"), "warning"),
        Tab("logistics:stocking", gettext_lazy("Stocking"), "list-ul"),
        Tab("logistics:packing", gettext_lazy("Packing and shipping"), "mail"),
        Tab(
            "logistics:bulk_ship",
            gettext_lazy("Ship from a CSV file"),
            "upload",
            menu_name="logistics-bulk-ship",
        ),
    ),
    nav_class="logistics-nav",
)
MAX_PACKING_LIST_ORDERS = 200
MAX_CSV_BYTES = 1_000_000


# Queues
# ------------------------------------------------------------------------------------------------


class QueueView(DeskMixin, TemplateView):
    """Orders in some statuses, oldest first (first come, first served), one page at a time."""

    desk = DESK

    statuses: tuple = ()

    def get_queryset(self):
        orders = Order.objects.filter(status__in=self.statuses).order_by("placed_at", "pk")
        query = self.request.GET.get("q", "").strip()
        if query:
            orders = orders.filter(
                Q(number__icontains=query)
                | Q(mobile__icontains=query)
                | Q(recipient__icontains=query)
            )
        return orders.prefetch_related("lines")

    def get_context_data(self, **kwargs):
        page = paginate(self.request, self.get_queryset())
        return super().get_context_data(
            orders=page,
            query=self.request.GET.get("q", ""),
            next_url=self.request.get_full_path(),
            **kwargs,
        )


class ReviewQueueView(QueueView):
    """New paid and cash-on-delivery orders with what the checks found; flagged ones on request."""

    page_title = gettext_lazy("Orders to review")
    template_name = TEMPLATES + "review.html"
    nav = "review"
    statuses = REVIEW_STATUSES

    def get_queryset(self):
        orders = super().get_queryset()
        return orders.filter(flagged=True) if self.request.GET.get("flagged") else orders

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        problems = orders_review_checks(context["orders"].object_list)
        for order in context["orders"].object_list:
            order.problems = problems[order.pk]  # what the review.html cells show
        context["rows"] = [(order, order.problems) for order in context["orders"].object_list]
        context["flagged_only"] = bool(self.request.GET.get("flagged"))
        return context


class StockingView(QueueView):
    """Orders being picked from the shelves, and those waiting for goods that ran out."""

    page_title = gettext_lazy("Stocking")
    template_name = TEMPLATES + "stocking.html"
    nav = "stocking"
    statuses = (OrderStatus.STOCKING, OrderStatus.OUT_OF_STOCK)


class PackingView(QueueView):
    """Orders being packed: print their packing lists, then ship them."""

    page_title = gettext_lazy("Packing and shipping")
    template_name = TEMPLATES + "packing.html"
    nav = "packing"
    statuses = (OrderStatus.PACKING,)


# One order's actions
# --------------------------------------------------------------------------------------


def _accept(request, order):
    order_review_accept(order=order, actor=request.user, note=request.POST.get("note", "")[:300])
    return _("Order %(number)s was reviewed and goes to stocking.")


def _flag(request, order):
    order_flag(order=order, reason=request.POST.get("reason", ""), actor=request.user)
    return _("Order %(number)s was flagged and stays in review.")


def _stock_confirm(request, order):
    order_stock_confirm(order=order, actor=request.user)
    return _("Order %(number)s goes to packing.")


def _out_of_stock(request, order):
    order_mark_out_of_stock(
        order=order, actor=request.user, note=request.POST.get("note", "")[:300]
    )
    return _("Order %(number)s is out of stock; customer service was told.")


def _back_in_stock(request, order):
    order_back_in_stock(order=order, actor=request.user)
    return _("Order %(number)s is back in stocking.")


ACTIONS = {
    "accept": _accept,
    "flag": _flag,
    "stock-confirm": _stock_confirm,
    "out-of-stock": _out_of_stock,
    "back-in-stock": _back_in_stock,
}


class OrderActionView(DeskPostView):
    """POST only: one step of one order, then back to the queue the button was on."""

    desk = DESK

    def post(self, request, number, action):
        order = get_object_or_404(Order, number=number)
        step = ACTIONS.get(action)
        if step is None:
            messages.error(request, _("Unknown action."))
        else:
            try:
                messages.success(request, step(request, order) % {"number": order.number})
            except CommerceError as error:
                messages.error(request, error.message)
        return redirect(self._next_url())

    def _next_url(self):
        target = self.request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return reverse("logistics:review")


# Shipping
# -------------------------------------------------------------------------------------------------


class ShipForm(forms.Form):
    carrier = forms.ModelChoiceField(
        label=gettext_lazy("Carrier"), queryset=Carrier.objects.none()
    )
    tracking_number = forms.CharField(label=gettext_lazy("Tracking number"), max_length=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carrier"].queryset = Carrier.objects.filter(active=True)


class ShipView(DeskMixin, FormView):
    """Carrier and tracking number for one packed order; the shopper's page then links to
    tracking."""

    desk = DESK
    form_class = ShipForm
    template_name = TEMPLATES + "ship.html"
    nav = "packing"

    @cached_property
    def order(self):
        # Looked up after the role gate, so outsiders learn nothing about order numbers.
        return get_object_or_404(Order, number=self.kwargs["number"])

    def get_page_title(self):
        return _("Ship order %(number)s") % {"number": self.order.number}

    def get_context_data(self, **kwargs):
        return super().get_context_data(order=self.order, **kwargs)

    def form_valid(self, form):
        try:
            order_ship_with_carrier(
                order=self.order,
                carrier=form.cleaned_data["carrier"],
                tracking_number=form.cleaned_data["tracking_number"],
                actor=self.request.user,
            )
        except CommerceError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Order %(number)s was shipped.") % {"number": self.order.number}
        )
        return redirect("logistics:packing")


class BulkShipForm(forms.Form):
    """A CSV file or pasted CSV: order number, carrier code, tracking number (one order per
    line)."""

    csv_file = forms.FileField(label=gettext_lazy("CSV file"), required=False)
    csv_text = forms.CharField(
        label=gettext_lazy("…or paste the lines"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    carrier = forms.ModelChoiceField(
        label=gettext_lazy("Carrier for lines without a carrier code"),
        required=False,
        queryset=Carrier.objects.none(),
        help_text=gettext_lazy(
            "Lines may be “order number, tracking number” when all go with this carrier."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carrier"].queryset = Carrier.objects.filter(active=True)

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("csv_file"), cleaned.get("csv_text", "")
        if bool(upload) == bool(text.strip()):
            raise forms.ValidationError(
                _("Upload a CSV file or paste the lines (one of the two).")
            )
        if upload:
            text = self._decode(upload)
        cleaned["rows"] = list(csv.reader(io.StringIO(text)))
        return cleaned

    def _decode(self, upload) -> str:
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 1 MB)."))
        text = decode_csv(upload.read())
        if text is None:
            raise forms.ValidationError(_("The file is not a text CSV (UTF-8 or GB18030)."))
        return text


class BulkShipView(DeskMixin, FormView):
    """Ship many packed orders from a CSV: every line checked first, then all shipped or none."""

    desk = DESK
    form_class = BulkShipForm
    template_name = TEMPLATES + "bulk_ship.html"
    nav = "bulk_ship"
    page_title = gettext_lazy("Ship from a CSV file")

    def form_valid(self, form):
        try:
            shipped = bulk_ship_from_csv(
                rows=form.cleaned_data["rows"],
                actor=self.request.user,
                default_carrier=form.cleaned_data["carrier"],
            )
        except BulkShipInvalid as error:
            return self.render_to_response(
                self.get_context_data(form=form, error=error.message, row_errors=error.row_errors)
            )
        messages.success(
            self.request, _("%(count)d orders were shipped.") % {"count": len(shipped)}
        )
        return redirect("logistics:packing")


class PackingListView(View):
    """Printable packing lists (one page per order) for the chosen orders, or every order being
    packed.

    A plain page with print styles instead of a PDF library: the browser's "Print →
    Save as PDF" gives the PDF.
    """

    def get(self, request):
        refused = DESK.refusal(request)  # in get(): other methods stay a plain 405
        if refused is not None:
            return refused
        chosen = [value for value in request.GET.getlist("order") if value.isdigit()]
        orders = (
            Order.objects.filter(pk__in=chosen)
            if chosen
            else Order.objects.filter(status=OrderStatus.PACKING)
        )
        orders = orders.order_by("placed_at", "pk").prefetch_related("lines")[
            :MAX_PACKING_LIST_ORDERS
        ]
        return TemplateResponse(request, TEMPLATES + "packing_list.html", {"orders": orders})
