"""Admin views of the customer-service desk: orders with a shopper's note, out-of-stock holds,
order search, one order with its staff notes, and one customer with everything they have.

Every view needs ``commerce.serve_customer`` (Customer service and Managers); anyone else
gets HTTP 403. Nothing here changes an order's payment or status: the only write is a
staff note (``commerce.desks.service.services.staff_note_add``).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from core.errors import CommerceError

from ...orders.models import Order
from ..base import Desk, DeskMixin, Tab, paginate
from .services import (
    NOTE_LENGTH,
    customer_overview,
    customer_search,
    normalise_query,
    order_search,
    orders_with_customer_note,
    out_of_stock_holds,
    search_problem,
    staff_note_add,
)

TEMPLATES = "commerce/desks/service/"
DESK = Desk(
    permission="commerce.serve_customer",
    label=gettext_lazy("Customer service desk"),
    templates=TEMPLATES,
    icon="user",
    menu_icon="user",
    forbidden_message=gettext_lazy(
        "Only the customer service desk (Customer service and Managers) may use these pages."
    ),
    tabs=(
        Tab("service:notes", gettext_lazy("Orders with customer notes"), "comment"),
        Tab("service:out_of_stock", gettext_lazy("Out-of-stock holds"), "warning"),
        Tab("service:search", gettext_lazy("Find an order or a customer"), "search"),
    ),
)


class NotesView(DeskMixin, TemplateView):
    """Orders whose shopper wrote a note, newest first; closed orders on request."""

    desk = DESK
    page_title = gettext_lazy("Orders with customer notes")
    template_name = TEMPLATES + "notes.html"
    nav = "notes"

    def get_context_data(self, **kwargs):
        include_closed = bool(self.request.GET.get("all"))
        orders = orders_with_customer_note(include_closed=include_closed)
        return super().get_context_data(
            orders=paginate(self.request, orders), include_closed=include_closed, **kwargs
        )


class OutOfStockView(DeskMixin, TemplateView):
    """Orders on hold because something could not be picked: call the shopper."""

    desk = DESK
    page_title = gettext_lazy("Out-of-stock holds")
    template_name = TEMPLATES + "out_of_stock.html"
    nav = "out_of_stock"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            orders=paginate(self.request, out_of_stock_holds()), **kwargs
        )


class SearchView(DeskMixin, TemplateView):
    """Orders and customer accounts by order number, mobile or e-mail (the whole value or its
    start)."""

    desk = DESK
    page_title = gettext_lazy("Find an order or a customer")
    template_name = TEMPLATES + "search.html"
    nav = "search"

    def get_context_data(self, **kwargs):
        query = normalise_query(self.request.GET.get("q", ""))[:100]
        problem = search_problem(query) if query else ""
        searched = bool(query) and not problem
        return super().get_context_data(
            query=query,
            problem=problem,
            searched=searched,
            orders=paginate(self.request, order_search(query)) if searched else None,
            customers=customer_search(query) if searched else [],
            **kwargs,
        )


class StaffNoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Staff note"),
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Seen by staff only, never by the customer."),
    )


class OrderView(DeskMixin, FormView):
    """One order as customer service needs it: lines, history, the shopper's and staff's notes."""

    desk = DESK
    form_class = StaffNoteForm
    template_name = TEMPLATES + "order.html"

    @cached_property
    def order(self):
        # Looked up after the role gate, so outsiders learn nothing about order numbers.
        return get_object_or_404(
            Order.objects.select_related("user"), number=self.kwargs["number"]
        )

    def get_page_title(self):
        return _("Order %(number)s") % {"number": self.order.number}

    def get_context_data(self, **kwargs):
        order = self.order
        return super().get_context_data(
            order=order,
            lines=order.lines.all(),
            history=order.status_changes.select_related("actor"),
            staff_notes=order.staff_notes.select_related("author"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            staff_note_add(
                order=self.order, text=form.cleaned_data["text"], actor=self.request.user
            )
        except CommerceError as error:
            form.add_error("text", error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The note was added to order %(number)s.") % {"number": self.order.number},
        )
        return redirect("service:order", number=self.order.number)


class CustomerView(DeskMixin, TemplateView):
    """One account: profile, address book, orders with totals, red packets."""

    desk = DESK
    template_name = TEMPLATES + "customer.html"

    @cached_property
    def customer(self):
        return get_object_or_404(get_user_model(), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Customer %(name)s") % {
            "name": self.customer.get_full_name() or self.customer.username
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(overview=customer_overview(self.customer), **kwargs)
