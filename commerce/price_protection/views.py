"""The shopper's price-protection claim, from the order page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import CommerceError

from ..orders.models import Order
from .models import ClaimStatus
from .services import price_claim_create


@login_required
@require_POST
def price_claim(request, number, line_id):
    order = get_object_or_404(Order, number=number, user=request.user)
    try:
        claim = price_claim_create(
            order=order, line_id=line_id, user=request.user, site=getattr(request, "site", None)
        )
    except CommerceError as error:
        messages.error(request, error.message)
    else:
        if claim.status == ClaimStatus.PAID_RED_PACKET:
            text = _("¥%(amount)s of price difference is in your red packets.")
        else:
            text = _("¥%(amount)s of price difference will be refunded to you.")
        messages.success(request, text % {"amount": claim.amount})
    return redirect(order.get_absolute_url())
