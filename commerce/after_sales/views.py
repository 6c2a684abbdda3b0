"""The shopper's after-sales pages: open a request from an order, follow it, send the parcel.

Only the shopper's own orders and requests are reachable (anyone else's number is a 404).
Views are thin: form → ``services`` function → redirect, a refusal becomes a message.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.errors import CommerceError
from core.uploads import MAX_PHOTOS

from ..orders.models import Order
from ..shipping.models import Carrier
from .emails import return_address
from .models import AfterSalesKind, AfterSalesReason, AfterSalesRequest
from .selectors import request_timeline
from .services import (
    after_sales_cancel,
    after_sales_reply,
    after_sales_request_create,
    after_sales_ship_back,
    units_available,
    window_deadline,
    window_problem,
)
from .status import SHOPPER_CANCELLABLE

TEMPLATES = "commerce/after_sales/"


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Type"), choices=AfterSalesKind.choices)
    reason = forms.ChoiceField(label=gettext_lazy("Reason"), choices=AfterSalesReason.choices)
    description = forms.CharField(
        label=gettext_lazy("Describe the problem"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ShipBackForm(forms.Form):
    carrier = forms.ModelChoiceField(
        label=gettext_lazy("Carrier"), queryset=Carrier.objects.filter(active=True)
    )
    tracking_number = forms.CharField(label=gettext_lazy("Tracking number"), max_length=60)


def _quantities(request, order) -> dict[int, int]:
    wanted = {}
    for line in order.lines.all():
        raw = request.POST.get(f"qty_{line.pk}", "").strip() or "0"
        if not raw.isdigit() or len(raw) > 4:
            raise CommerceError(_("Quantities are whole numbers."))
        wanted[line.pk] = int(raw)
    return wanted


def _windows(order) -> list[dict]:
    return [
        {
            "kind": kind,
            "label": label,
            "deadline": window_deadline(order, kind),
            "problem": window_problem(order, kind),
        }
        for kind, label in AfterSalesKind.choices
    ]


@login_required
def after_sales_new(request, number):
    """/account/orders/<number>/after-sales/: which lines, how many, what type and why."""
    order = get_object_or_404(Order, number=number, user=request.user)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        photos = request.FILES.getlist("photos")
        try:
            created = after_sales_request_create(
                order=order,
                user=request.user,
                quantities=_quantities(request, order),
                photos=photos,
                **form.cleaned_data,
            )
        except CommerceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your request %(number)s was sent.") % {"number": created.number}
            )
            return redirect(created.get_absolute_url())
    available = units_available(order)
    lines = [(line, available[line.pk]) for line in order.lines.all()]
    return render(
        request,
        TEMPLATES + "request_form.html",
        {
            "order": order,
            "form": form,
            "lines": lines,
            "windows": _windows(order),
            "max_photos": MAX_PHOTOS,
        },
    )


@login_required
def after_sales_list(request):
    """/account/after-sales/: the shopper's requests, newest first."""
    requests = AfterSalesRequest.objects.filter(user=request.user).select_related("order")
    page = Paginator(requests, 20).get_page(request.GET.get("page"))
    return render(request, TEMPLATES + "request_list.html", {"requests": page})


def _own(request, number) -> AfterSalesRequest:
    return get_object_or_404(
        AfterSalesRequest.objects.select_related(
            "order", "return_carrier", "refund", "replacement_order"
        ),
        number=number,
        user=request.user,
    )


@login_required
def after_sales_detail(request, number):
    """One request: status, history and staff messages, return address, the parcel form."""
    case = _own(request, number)
    events = list(case.events.filter(internal=False).select_related("actor"))
    return render(
        request,
        TEMPLATES + "request_detail.html",
        {
            "case": case,
            "lines": case.lines.select_related("order_line"),
            "events": events,
            "timeline": request_timeline(case, events),
            "photos": case.photos.select_related("image"),
            "ship_form": ShipBackForm(),
            "return_address": return_address(),
            "can_cancel": case.status in SHOPPER_CANCELLABLE,
        },
    )


def _act(http_request, action, success, **kwargs):
    """Run ``action(**kwargs)`` (whose own ``request`` is the after-sales case) and say how it
    went."""
    try:
        action(**kwargs)
    except CommerceError as error:
        messages.error(http_request, error.message)
    else:
        messages.success(http_request, success)


@login_required
@require_POST
def after_sales_cancel_view(request, number):
    case = _own(request, number)
    _act(
        request,
        after_sales_cancel,
        _("Your request was cancelled."),
        request=case,
        user=request.user,
    )
    return redirect(case.get_absolute_url())


@login_required
@require_POST
def after_sales_reply_view(request, number):
    case = _own(request, number)
    _act(
        request,
        after_sales_reply,
        _("Thank you, your answer was sent."),
        request=case,
        user=request.user,
        message=request.POST.get("message", ""),
    )
    return redirect(case.get_absolute_url())


@login_required
@require_POST
def after_sales_ship_view(request, number):
    case = _own(request, number)
    form = ShipBackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the carrier and enter the tracking number."))
    else:
        _act(
            request,
            after_sales_ship_back,
            _("Thank you: we will tell you when the parcel arrives."),
            request=case,
            user=request.user,
            **form.cleaned_data,
        )
    return redirect(case.get_absolute_url())
