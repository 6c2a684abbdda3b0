"""Finance pays an approved refund once: claim the request, refund through the shop's one
refund path, finalise (or give the claim back)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.errors import CommerceError
from core.money import money_amount

from ...payments.models import Refund
from ...payments.services import order_paid_total
from ...payments.services import refund_create as payment_refund_create
from ..models import (
    AfterSalesRequest,
)
from .history import shopper_text
from .requests import AfterSalesRefused, S
from .steps import _lock, _move

# --- finance refunds
# -----------------------------------------------------------------------------------


def after_sales_refund(
    *, request: AfterSalesRequest, actor, kind: str, amount=None, reference: str = ""
) -> Refund:
    """Pay the approved refund through the shop's one refund path, once.

    Claim (lock the request, ``refund_pending`` → ``refunding``), refund (``refund_create``
    locks the order and never pays above paid minus refunded), finalise (``refunded``) —
    or, if the refund is refused, give the claim back so finance can try again.
    """
    amount = money_amount(amount if amount not in (None, "") else request.refund_amount or 0)
    order = request.order
    if order.payment_method == "cod" and order_paid_total(order) <= 0:
        raise AfterSalesRefused(
            _(
                "The courier's cash for order %(number)s is not on record yet: record the cash "
                "collection first (Finance desk → Cash on delivery to collect)."
            )
            % {"number": order.number},
            code="cash_not_collected",
        )
    with transaction.atomic():
        locked = _lock(request)
        if locked.status != S.REFUND_PENDING:
            raise AfterSalesRefused(
                _("Request %(number)s is not waiting for a refund (it is “%(status)s”).")
                % {"number": locked.number, "status": locked.get_status_display()},
                code="not_refundable",
            )
        if locked.refund_amount is not None and amount > locked.refund_amount:
            raise AfterSalesRefused(
                _("At most the approved ¥%(amount)s can be refunded for this request.")
                % {"amount": locked.refund_amount}
            )
        locked.status = S.REFUNDING
        locked.save(update_fields=["status"])
    try:
        refund = payment_refund_create(
            order=request.order,
            amount=amount,
            reason=_("After-sales request %(number)s") % {"number": request.number},
            actor=actor,
            kind=kind,
            reference=reference,
            notify=False,  # the request's own "refunded" e-mail tells the shopper
        )
    except CommerceError:
        # Refused: nothing was paid (refund_create deletes its reservation), so the request
        # goes back to the queue. Any other failure leaves it "refunding", for finance to
        # check with the provider before anyone pays twice.
        AfterSalesRequest.objects.filter(pk=request.pk, status=S.REFUNDING).update(
            status=S.REFUND_PENDING
        )
        raise
    _move(
        request,
        S.REFUNDED,
        actor=actor,
        refund=refund,
        message=shopper_text(
            request, gettext_noop("¥%(amount)s has been refunded."), amount=refund.amount
        ),
    )
    return refund
