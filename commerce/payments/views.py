"""Paying online: start (redirect to the provider or show its QR code), the
provider's notifications, the shopper's return, and the demo gateway's page.

Pages the shopper sees take the signed token of ``commerce.payments.links`` so
guests reach them too; a wrong token is a 404. Notifications are answered
"success" (stored, or a duplicate) or 400 (signature refused).
"""

import logging

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.errors import CommerceError

from ..orders.models import OrderStatus, PaymentMethod
from ..orders.views import order_url_for
from .links import order_for_payment_token, payment_return_url, payment_start_url
from .notifications import demo_gateway_send, notification_receive, payment_return_check
from .providers import provider_for
from .providers.base import InvalidSignature, NotSupported, ProviderError
from .selectors import payment_choices
from .services import order_payment_method_change

logger = logging.getLogger(__name__)


def qr_svg(text: str) -> str:
    """The QR code as inline SVG markup (segno escapes nothing it is given: the text is the
    provider's URL, drawn as modules, never written into the markup)."""
    import segno

    return mark_safe(segno.make(text, error="m").svg_inline(scale=7, border=2))  # noqa: S308


def _order_or_404(request, number):
    order = order_for_payment_token(
        number, request.GET.get("token") or request.POST.get("token", "")
    )
    if order is None:
        raise Http404(_("This payment link is not valid."))
    return order


@require_GET
def payment_start(request, number):
    """/payments/start/<number>/: off to the provider (the "Pay now" button and the checkout land
    here)."""
    order = _order_or_404(request, number)
    provider = provider_for(order.payment_method)
    if order.status != OrderStatus.AWAITING_PAYMENT or provider is None or not provider.online:
        messages.info(request, _("This order cannot be paid online now."))
        return redirect(order_url_for(request, order))
    try:
        result = provider.start(order, request)
    except (NotSupported, ProviderError, ValueError):  # ValueError: keys the SDK cannot read
        logger.exception("Starting a %s payment for order %s failed", provider.code, order.number)
        messages.error(
            request, _("Online payment is not available right now; please try again later.")
        )
        return redirect(order_url_for(request, order))
    if result.redirect_url:
        return redirect(result.redirect_url)
    return render(
        request,
        "commerce/payments/qr.html",
        {
            "order": order,
            "qr_text": result.qr_text,
            "qr_svg": qr_svg(result.qr_text),
            "provider": provider,
            "return_url": payment_return_url(order),
        },
    )


@require_GET
def payment_return(request, number):
    """/payments/return/<number>/: the shopper is back; show whether the money arrived (never pays
    twice)."""
    order = payment_return_check(order=_order_or_404(request, number))
    return render(
        request,
        "commerce/payments/return.html",
        {
            "order": order,
            "paid": order.paid_at is not None and order.status != OrderStatus.AWAITING_PAYMENT,
            "order_url": order_url_for(request, order),
            "refresh_url": payment_return_url(order),
            **payment_choices(order),
        },
    )


@require_POST
def payment_switch(request, number):
    """/payments/switch/<number>/: pay an unpaid order another way (online: off to pay now)."""
    order = _order_or_404(request, number)
    try:
        order = order_payment_method_change(
            order=order, payment_method=request.POST.get("method", ""), actor=request.user
        )
    except CommerceError as error:
        messages.error(request, error.message)
        return redirect(order_url_for(request, order))
    pay_url = payment_start_url(order)
    if pay_url:
        return redirect(pay_url)
    messages.success(
        request,
        _("You pay by %(method)s now; the details are below.")
        % {"method": order.get_payment_method_display()},
    )
    return redirect(order_url_for(request, order))


@csrf_exempt  # the provider posts here; the signature, not a cookie, proves who sent it
@require_POST
def payment_notify(request, code):
    """/payments/notify/<provider>/: the provider's server-to-server notification."""
    provider = provider_for(code)
    if provider is None or not provider.online:
        raise Http404
    try:
        notification_receive(provider=provider, body=request.body, headers=request.headers)
    except InvalidSignature:
        return HttpResponseBadRequest("failure", content_type="text/plain")
    return HttpResponse("success", content_type="text/plain")


@require_http_methods(["GET", "POST"])
def payment_demo(request, number):
    """/payments/demo/<number>/: the demo gateway's own "pay / fail" page (404 when it is switched
    off)."""
    if provider_for("demo") is None:
        raise Http404
    order = _order_or_404(request, number)
    if order.payment_method != PaymentMethod.DEMO:
        raise Http404
    if request.method == "POST" and order.status == OrderStatus.AWAITING_PAYMENT:
        demo_gateway_send(order=order, paid=request.POST.get("action") == "pay")
        return redirect(payment_return_url(order))
    return render(
        request,
        "commerce/payments/demo.html",
        {
            "order": order,
            "token": request.GET.get("token") or request.POST.get("token", ""),
            "payable": order.status == OrderStatus.AWAITING_PAYMENT,
            "order_url": order_url_for(request, order),
        },
    )
