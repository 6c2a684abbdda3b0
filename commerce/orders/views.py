"""The shopper's orders: list, one order with its timeline, cancel, confirm receipt.

Signed-in shoppers see only their own orders (anyone else's number is a 404);
guests reach their order only through the signed link in their e-mail.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import CommerceError

from ..payments.models import RECEIVED
from ..payments.selectors import payment_choices
from ..payments.services import order_outstanding_amount
from .models import Order, OrderStatus, PaymentMethod
from .services import order_cancel_by_customer, order_confirm_receipt
from .status import COD_TIMELINE, CUSTOMER_CANCELLABLE, TIMELINE

ORDERS_PER_PAGE = 20


def order_url_for(request, order: Order) -> str:
    """Where the shopper sees this order: their account, or the guest's signed link."""
    if order.user_id is not None:
        return order.get_absolute_url()
    from ..outbox.services import order_guest_token

    return reverse("order_guest_view", kwargs={"token": order_guest_token(order)})


@login_required
def order_list(request):
    """/account/orders/: the shopper's orders, newest first."""
    orders = (
        Order.objects.filter(user=request.user)
        .annotate(item_count=Sum("lines__quantity"))
        .order_by("-placed_at", "-pk")
    )
    page = Paginator(orders, ORDERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "commerce/orders/order_list.html", {"orders": page})


@login_required
def order_detail(request, number):
    from ..reviews.selectors import order_review_rows  # reviews build on orders

    order = get_object_or_404(Order, number=number, user=request.user)
    context = order_context(order, actions_url=order.get_absolute_url())
    context["review_rows"] = order_review_rows(order, context["lines"])
    return render(request, "commerce/orders/order_detail.html", context)


def order_guest_view(request, token):
    order = _guest_order(token)
    return render(
        request,
        "commerce/orders/order_detail.html",
        order_context(order, actions_url=request.path),
    )


def _guest_order(token) -> Order:
    from ..outbox.services import order_from_guest_token

    order = order_from_guest_token(token)
    if order is None:
        raise Http404(_("This order link is not valid."))
    return order


def order_context(order: Order, *, actions_url: str) -> dict:
    """The order page: lines, totals, delivery, what to do next, and the timeline."""
    changes = list(order.status_changes.select_related("actor"))
    awaiting_transfer = (
        order.status == OrderStatus.AWAITING_PAYMENT
        and order.payment_method == PaymentMethod.BANK_TRANSFER
    )
    return {
        "order": order,
        "lines": list(order.lines.all()),
        "discounts": order.named_discounts,  # the totals' rows, by name
        "history": changes,
        "timeline": order_timeline(order, changes),
        "can_cancel": order.status in CUSTOMER_CANCELLABLE,
        "can_confirm_receipt": order.status
        in {OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED},
        "awaiting_transfer": awaiting_transfer,
        "transfer_amount": order_outstanding_amount(order) if awaiting_transfer else None,
        "actions_url": actions_url.rstrip("/"),
        **payment_choices(order),
        "payments": list(order.payments.filter(status__in=RECEIVED)),
        "refunds": list(order.refunds.all()),
    }


def order_timeline(order: Order, changes) -> list[dict]:
    """The usual steps for this kind of order, each marked reached (with when) or to come.

    A cancelled order has no steps to come: it shows when it was placed, the steps it did
    reach, and the cancellation, with when and why.
    """
    reached = {}
    for change in changes:
        reached.setdefault(change.to_status, change.created_at)
    steps = COD_TIMELINE if order.payment_method == PaymentMethod.CASH_ON_DELIVERY else TIMELINE
    if order.status == OrderStatus.CANCELLED:
        return _cancelled_timeline(order, changes, steps, reached)
    return [
        {
            "status": status,
            "label": OrderStatus(status).label,
            "at": reached.get(status),
            "current": status == order.status,
        }
        for status in steps
    ]


def _cancelled_timeline(order: Order, changes, steps, reached) -> list[dict]:
    cancel = next((c for c in reversed(changes) if c.to_status == OrderStatus.CANCELLED), None)
    placed = {
        "status": "placed",
        "label": _("Order placed"),
        "at": order.placed_at,
        "current": False,
    }
    between = [
        {"status": status, "label": OrderStatus(status).label, "at": reached[status]}
        for status in steps[1:]  # the first step is the placing itself
        if status in reached
    ]
    cancelled = {
        "status": OrderStatus.CANCELLED,
        "label": OrderStatus.CANCELLED.label,
        "at": cancel.created_at if cancel else order.updated_at,
        "note": cancel.note if cancel else "",
        "current": True,
    }
    return [placed, *between, cancelled]


def _act(request, order, action, success_message):
    try:
        action(order=order, actor=request.user)
    except CommerceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success_message)


@login_required
@require_POST
def order_cancel(request, number):
    order = get_object_or_404(Order, number=number, user=request.user)
    _act(request, order, order_cancel_by_customer, _("Your order has been cancelled."))
    return redirect(order.get_absolute_url())


@login_required
@require_POST
def order_confirm(request, number):
    order = get_object_or_404(Order, number=number, user=request.user)
    _act(
        request,
        order,
        order_confirm_receipt,
        _("Thank you for confirming that your order arrived."),
    )
    return redirect(order.get_absolute_url())


@require_POST
def order_guest_cancel(request, token):
    order = _guest_order(token)
    _act(request, order, order_cancel_by_customer, _("Your order has been cancelled."))
    return redirect("order_guest_view", token=token)


@require_POST
def order_guest_confirm(request, token):
    order = _guest_order(token)
    _act(
        request,
        order,
        order_confirm_receipt,
        _("Thank you for confirming that your order arrived."),
    )
    return redirect("order_guest_view", token=token)
