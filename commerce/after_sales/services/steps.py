"""Moving a request step by step: each step locks the request (``commerce.locks``), checks the
status table, writes an ``AfterSalesEvent`` and queues the shopper's e-mail in one transaction."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.money import money_amount

from ...locks import lock_after_sales_request
from ...payments.services import order_paid_total, order_refunded_total
from ..models import (
    AfterSalesEvent,
    AfterSalesRequest,
)
from ..status import SHOPPER_CANCELLABLE, can_move
from .history import _event, shopper_text
from .requests import AfterSalesRefused, K, S, plain_text


def _lock(request: AfterSalesRequest) -> AfterSalesRequest:
    return lock_after_sales_request(request.pk)


def _move(
    request: AfterSalesRequest, to_status: str, *, actor, message="", staff=True, **fields
) -> AfterSalesRequest:
    """Lock, check the table, write the new status (and ``fields``), the event and the e-mail."""
    with transaction.atomic():
        locked = _lock(request)
        if not can_move(locked.status, to_status):
            raise AfterSalesRefused(
                _("A request that is “%(from)s” cannot become “%(to)s”.")
                % {"from": locked.get_status_display(), "to": S(to_status).label},
                code="illegal_step",
            )
        from_status = locked.status
        now = timezone.now()
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.status = to_status
        if staff and locked.first_answered_at is None:
            locked.first_answered_at = now
        if to_status in {S.REFUNDED, S.EXCHANGED, S.REPAIRED, S.CLOSED, S.REJECTED, S.CANCELLED}:
            locked.closed_at = now
        locked.save()
        _event(locked, from_status, to_status, actor=actor, message=message, staff=staff)
    request.refresh_from_db()
    return request


def after_sales_approve(
    *,
    request: AfterSalesRequest,
    actor,
    return_needed: bool,
    refund_amount=None,
    message: str = "",
) -> AfterSalesRequest:
    """Customer service says yes: the parcel comes back first, or the refund is queued now.

    A complaint approved is closed with the message (the answer is the outcome).
    """
    message = plain_text(message)
    amount = None
    if request.kind in {K.RETURN, K.REFUND_ONLY}:
        amount = money_amount(refund_amount if refund_amount not in (None, "") else "-1")
        if amount <= 0:
            raise AfterSalesRefused(_("Enter the amount to refund, more than zero."))
        left = order_paid_total(request.order) - order_refunded_total(request.order)
        if request.order.payment_method != "cod" and amount > left:
            raise AfterSalesRefused(
                _("At most ¥%(left)s can still be refunded on this order.") % {"left": left}
            )
    if request.kind == K.COMPLAINT:
        to_status = S.CLOSED
    elif return_needed:
        to_status = S.AWAITING_PARCEL
    elif request.kind in {K.RETURN, K.REFUND_ONLY}:
        to_status = S.REFUND_PENDING
    else:
        raise AfterSalesRefused(_("An exchange or a repair needs the parcel back first."))
    return _move(
        request,
        to_status,
        actor=actor,
        message=message,
        return_needed=return_needed and request.kind != K.COMPLAINT,
        refund_amount=amount,
    )


def after_sales_reject(*, request: AfterSalesRequest, actor, reason: str) -> AfterSalesRequest:
    """Customer service says no, with the reason the shopper reads."""
    reason = plain_text(reason)
    if not reason:
        raise AfterSalesRefused(_("Please tell the customer why the request is rejected."))
    return _move(request, S.REJECTED, actor=actor, message=reason)


def after_sales_ask_info(*, request: AfterSalesRequest, actor, message: str) -> AfterSalesRequest:
    """Customer service needs more from the shopper (a photo, the serial number…)."""
    message = plain_text(message)
    if not message:
        raise AfterSalesRefused(_("Please write what you need from the customer."))
    return _move(request, S.INFO_REQUESTED, actor=actor, message=message)


def after_sales_reply(*, request: AfterSalesRequest, user, message: str) -> AfterSalesRequest:
    """The shopper answers a question; the request is back in customer service's queue."""
    message = plain_text(message)
    if not message:
        raise AfterSalesRefused(_("Please write your answer."))
    return _move(request, S.SUBMITTED, actor=user, message=message, staff=False)


def after_sales_note_add(*, request: AfterSalesRequest, actor, note: str) -> AfterSalesEvent:
    """A staff note on the request, never shown to the shopper."""
    note = plain_text(note)
    if not note:
        raise AfterSalesRefused(_("The note is empty."))
    return _event(request, "", "", actor=actor, message=note, internal=True, staff=True)


def after_sales_cancel(*, request: AfterSalesRequest, user) -> AfterSalesRequest:
    """The shopper withdraws the request, possible until the parcel is received."""
    if request.status not in SHOPPER_CANCELLABLE:
        raise AfterSalesRefused(
            _("The parcel has been received; the request can no longer be cancelled.")
        )
    return _move(
        request,
        S.CANCELLED,
        actor=user,
        message=shopper_text(request, gettext_noop("Cancelled by the customer.")),
        staff=False,
    )


def after_sales_ship_back(
    *, request: AfterSalesRequest, user, carrier, tracking_number: str
) -> AfterSalesRequest:
    """The shopper sent the parcel: record the carrier and tracking number (may be corrected)."""
    tracking_number = plain_text(tracking_number, length=60)
    if carrier is None or not tracking_number:
        raise AfterSalesRefused(_("Choose the carrier and enter the tracking number."))
    if not re.fullmatch(r"[A-Za-z0-9-]{4,60}", tracking_number):
        raise AfterSalesRefused(_("A tracking number has 4 to 60 letters, digits or dashes."))
    with transaction.atomic():
        locked = _lock(request)
        if locked.status != S.AWAITING_PARCEL:
            raise AfterSalesRefused(_("This request is not waiting for a parcel."))
        locked.return_carrier, locked.return_tracking_number = carrier, tracking_number
        locked.save(update_fields=["return_carrier", "return_tracking_number"])
        _event(
            locked,
            "",
            "",
            actor=user,
            message=shopper_text(
                locked,
                gettext_noop("Parcel sent with %(carrier)s, tracking number %(number)s."),
                carrier=carrier.name,
                number=tracking_number,
            ),
        )
    request.refresh_from_db()
    return request


def after_sales_finish(
    *,
    request: AfterSalesRequest,
    actor,
    message: str = "",
    carrier=None,
    tracking_number: str = "",
) -> AfterSalesRequest:
    """The repaired item went back to the shopper (with its carrier and tracking number), or
    a received case is closed without more (``message`` says why).

    An exchange is finished by ``after_sales_replacement_create`` instead: the replacement
    leaves the shelf through an order of its own.
    """
    message = plain_text(message)
    if request.kind == K.EXCHANGE:
        raise AfterSalesRefused(_("Send an exchange's replacement as a replacement order."))
    if request.kind == K.REPAIR:
        tracking_number = plain_text(tracking_number, length=60)
        if carrier is None or not re.fullmatch(r"[A-Za-z0-9-]{4,60}", tracking_number):
            raise AfterSalesRefused(
                _("Choose the carrier and enter the tracking number of the parcel sent back.")
            )
        sent = shopper_text(
            request,
            gettext_noop("Sent back with %(carrier)s, tracking number %(number)s."),
            carrier=carrier.name,
            number=tracking_number,
        )
        message = f"{sent}\n{message}".strip()
        return _move(request, S.REPAIRED, actor=actor, message=message)
    if not message:
        raise AfterSalesRefused(_("Please tell the customer how the request ends."))
    return _move(request, S.CLOSED, actor=actor, message=message)
