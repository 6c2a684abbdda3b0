"""Staff cancelling an order before it ships (``cancellation`` says who may cancel which)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.errors import CommerceError

from ...orders.models import Order
from ..cancellation import (
    REASON_LENGTH,
    order_cancel_by_staff,
    staff_cancel_problem,
    staff_cancel_statuses,
)
from .desks import (
    CANCEL_DESK,
    TEMPLATES,
    AfterSalesPageMixin,
)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason the customer reads"),
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Shown on the order page and in the cancellation e-mail."),
    )


class CancelOrderView(AfterSalesPageMixin, TemplateView):
    """Cancel (or reject) one order with a reason: stock, red packet and refund taken care of."""

    desk = CANCEL_DESK
    template_name = TEMPLATES + "cancel_order.html"

    @cached_property
    def order(self):
        return get_object_or_404(Order, number=self.kwargs["number"])

    def get_page_title(self):
        return _("Cancel order %(number)s") % {"number": self.order.number}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            order=self.order,
            problem=staff_cancel_problem(order=self.order, user=self.request.user),
            allowed=bool(staff_cancel_statuses(self.request.user)),
            form=kwargs.pop("form", None) or CancelForm(),
            **kwargs,
        )

    def post(self, request, number):
        form = CancelForm(request.POST)
        if form.is_valid():
            try:
                order_cancel_by_staff(
                    order=self.order, actor=request.user, reason=form.cleaned_data["reason"]
                )
            except CommerceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Order %(number)s was cancelled; the customer was told why.")
                    % {"number": self.order.number},
                )
                return redirect("after_sales:cancel_order", number=self.order.number)
        return self.render_to_response(self.get_context_data(form=form))
