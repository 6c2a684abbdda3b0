"""Opening after-sales requests and moving them step by step, from the shopper to the refund.

Every step locks the request row (``select_for_update``), re-reads its status and asks
``commerce.after_sales.status`` whether the step is allowed, so two staff members
clicking at once move it once. Each step writes an ``AfterSalesEvent`` and queues the
shopper's e-mail in the same transaction. Money leaves only through
``commerce.payments.services.refund_create``: the request is first claimed
(``refund_pending`` → ``refunding``) under its lock, the refund runs after that lock is
released (it may call the provider), then the request is finalised or given back.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import CommerceError
from core.money import CENT, money_amount
from core.uploads import MAX_PHOTOS, user_photo_save

from ..inventory.services import stock_return
from ..orders.models import Order, OrderStatus
from ..payments.models import Refund
from ..payments.services import RefundInvalid, order_paid_total, order_refunded_total
from ..payments.services import refund_create as payment_refund_create
from .models import (
    AfterSalesEvent,
    AfterSalesKind,
    AfterSalesLine,
    AfterSalesPhoto,
    AfterSalesReason,
    AfterSalesRequest,
    AfterSalesStatus,
)
from .status import NOT_COUNTED, SHOPPER_CANCELLABLE, can_move

S = AfterSalesStatus
K = AfterSalesKind
AFTER_DELIVERY = {OrderStatus.DELIVERED, OrderStatus.COMPLETED}
# Days after delivery each type may be asked for (settings override the defaults).
WINDOW_SETTINGS = {
    K.RETURN: ("AFTER_SALES_RETURN_DAYS", 7),
    K.REFUND_ONLY: ("AFTER_SALES_RETURN_DAYS", 7),
    K.EXCHANGE: ("AFTER_SALES_EXCHANGE_DAYS", 15),
    K.REPAIR: ("AFTER_SALES_WARRANTY_DAYS", 365),
    K.COMPLAINT: ("AFTER_SALES_COMPLAINT_DAYS", 90),
}
# Types that take units of a line (a repaired item comes back to the shopper; a complaint
# takes nothing), so the same unit cannot be returned twice.
TAKES_UNITS = {K.RETURN, K.REFUND_ONLY, K.EXCHANGE}
TEXT_LENGTH = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class AfterSalesRefused(CommerceError):
    code = "after_sales_refused"


def plain_text(value: str, *, length: int = TEXT_LENGTH) -> str:
    """User text as stored: stripped, control characters refused, at most ``length``."""
    value = (value or "").strip()
    if _CONTROL.search(value):
        raise AfterSalesRefused(_("Please remove the invisible control characters from the text."))
    if len(value) > length:
        raise AfterSalesRefused(
            _("Please write at most %(length)d characters.") % {"length": length}
        )
    return value


# --- windows and quantities
# ---------------------------------------------------------------------------


def delivered_at(order: Order) -> datetime | None:
    """When the parcel arrived: the first "delivered" (else "completed") step of the order."""
    changes = order.status_changes.filter(to_status__in=list(AFTER_DELIVERY)).order_by(
        "created_at", "pk"
    )
    first = changes.first()
    return first.created_at if first is not None else None


def window_days(kind: str) -> int:
    name, default = WINDOW_SETTINGS[kind]
    return int(getattr(settings, name, default))


def window_deadline(order: Order, kind: str) -> datetime | None:
    arrived = delivered_at(order)
    return arrived + timedelta(days=window_days(kind)) if arrived else None


def window_problem(order: Order, kind: str, *, now: datetime | None = None) -> str:
    """Why ``kind`` cannot be asked for on ``order`` now ("" when it can), for the shopper."""
    if order.status not in AFTER_DELIVERY:
        return _("After-sales requests open once the order has been delivered.")
    deadline = window_deadline(order, kind)
    if deadline is None:
        return _("After-sales requests open once the order has been delivered.")
    if (now or timezone.now()) > deadline:
        return _(
            "%(kind)s is possible for %(days)d days after delivery; for this order that ended "
            "on %(date)s. Please contact customer service."
        ) % {
            "kind": K(kind).label,
            "days": window_days(kind),
            "date": timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M"),
        }
    return ""


def units_taken(order: Order) -> dict[int, int]:
    """Order line id → units already asked back by requests that still count."""
    rows = (
        AfterSalesLine.objects.filter(order_line__order=order, request__kind__in=list(TAKES_UNITS))
        .exclude(request__status__in=list(NOT_COUNTED))
        .values("order_line")
        .annotate(units=Sum("quantity"))
    )
    return {row["order_line"]: row["units"] for row in rows}


def units_available(order: Order) -> dict[int, int]:
    """Order line id → units that can still be asked back (bought minus asked back)."""
    taken = units_taken(order)
    return {line.pk: line.quantity - taken.get(line.pk, 0) for line in order.lines.all()}


# --- the shopper opens a request
# -----------------------------------------------------------------------


def after_sales_request_create(
    *,
    order: Order,
    user,
    kind: str,
    reason: str,
    description: str,
    quantities: dict[int, int],
    photos=(),
    now: datetime | None = None,
) -> AfterSalesRequest:
    """Open a request on the shopper's own delivered order, within the type's window.

    The order row is locked while the quantities are checked and the lines written, so
    two requests filed at once cannot together ask back more than was bought.
    """
    if kind not in K.values:
        raise AfterSalesRefused(_("Please choose the type of request."))
    if reason not in AfterSalesReason.values:
        raise AfterSalesRefused(_("Please choose a reason."))
    description = plain_text(description)
    photos = list(photos)
    if len(photos) > MAX_PHOTOS:
        raise AfterSalesRefused(_("At most %(count)d photos, please.") % {"count": MAX_PHOTOS})
    wanted = {int(pk): int(units) for pk, units in quantities.items() if int(units) > 0}
    if not wanted and kind != K.COMPLAINT:
        raise AfterSalesRefused(_("Please choose at least one item and how many."))
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if locked.user_id != user.pk:
            raise AfterSalesRefused(_("This order is not yours."))
        problem = window_problem(locked, kind, now=now)
        if problem:
            raise AfterSalesRefused(problem, code="outside_window")
        lines = _checked_lines(locked, kind, wanted)
        request = AfterSalesRequest.objects.create(
            order=locked,
            user=user,
            kind=kind,
            reason=reason,
            description=description,
            return_needed=kind != K.COMPLAINT,
            refund_amount=_proposed_refund(kind, lines),
        )
        AfterSalesLine.objects.bulk_create(
            AfterSalesLine(request=request, order_line=line, quantity=units)
            for line, units in lines
        )
        for index, upload in enumerate(photos, start=1):
            image = user_photo_save(
                upload=upload, title=f"{request.number} #{index}", uploaded_by=user
            )
            AfterSalesPhoto.objects.create(request=request, image=image)
        _event(request, "", S.SUBMITTED, actor=user, message=description)
    return request


def _checked_lines(order: Order, kind: str, wanted: dict[int, int]) -> list:
    lines = {line.pk: line for line in order.lines.all()}
    unknown = set(wanted) - set(lines)
    if unknown:
        raise AfterSalesRefused(_("That item is not part of this order."), code="unknown_line")
    available = (
        units_available(order)
        if kind in TAKES_UNITS
        else {pk: line.quantity for pk, line in lines.items()}
    )
    chosen = []
    for pk, units in sorted(wanted.items()):
        if units > available[pk]:
            raise AfterSalesRefused(
                _(
                    "You bought %(bought)d of “%(name)s” and %(taken)d are already in a request; "
                    "at most %(left)d more can be asked for."
                )
                % {
                    "bought": lines[pk].quantity,
                    "name": lines[pk].product_name,
                    "taken": lines[pk].quantity - available[pk],
                    "left": max(available[pk], 0),
                },
                code="too_many",
            )
        chosen.append((lines[pk], units))
    return chosen


def _proposed_refund(kind: str, lines) -> Decimal | None:
    """What the chosen units cost the shopper (after their discounts), for a refunding type."""
    if kind not in {K.RETURN, K.REFUND_ONLY}:
        return None
    total = sum((line.line_total / line.quantity * units for line, units in lines), Decimal("0"))
    return total.quantize(CENT)


# --- moving a request
# ----------------------------------------------------------------------------------


def _lock(request: AfterSalesRequest) -> AfterSalesRequest:
    return AfterSalesRequest.objects.select_for_update().get(pk=request.pk)


def _staff(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _event(request, from_status, to_status, *, actor, message="", internal=False, staff=False):
    event = AfterSalesEvent.objects.create(
        request=request,
        from_status=from_status,
        to_status=to_status,
        actor=_staff(actor),
        by_staff=staff,
        message=message,
        internal=internal,
    )
    if not internal:
        _queue_email(request, event)
    return event


def _queue_email(request: AfterSalesRequest, event: AfterSalesEvent) -> None:
    from .emails import after_sales_email_queue

    after_sales_email_queue(request=request, event=event)


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
        request, S.CANCELLED, actor=user, message=_("Cancelled by the customer."), staff=False
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
            message=_("Parcel sent with %(carrier)s, tracking number %(number)s.")
            % {"carrier": carrier.name, "number": tracking_number},
        )
    request.refresh_from_db()
    return request


# --- the warehouse receives the parcel
# --------------------------------------------------------------------


def after_sales_receive(
    *, request: AfterSalesRequest, actor, received: dict[int, tuple[int, str]]
) -> AfterSalesRequest:
    """Logistics counts what came back per line and its condition.

    Resaleable units go back on the shelf through the ledger (a ``return_in`` movement);
    damaged units are booked in and written off at once (``return_in`` then ``damaged``),
    so on hand always equals the ledger and a damaged unit is never sold. A return or
    refund-only case then waits for finance; an exchange or repair for the desk.
    """
    from ..inventory.services import stock_write_off_damaged

    with transaction.atomic():
        locked = _lock(request)
        if locked.status != S.AWAITING_PARCEL:
            raise AfterSalesRefused(_("This request is not waiting for a parcel."))
        lines = {line.pk: line for line in locked.lines.select_related("order_line")}
        if set(received) - set(lines):
            raise AfterSalesRefused(_("That line is not part of this request."))
        for pk, line in sorted(lines.items()):
            units, condition = received.get(pk, (0, ""))
            if not 0 <= units <= line.quantity:
                raise AfterSalesRefused(
                    _("At most %(count)d of “%(name)s” were announced.")
                    % {"count": line.quantity, "name": line.order_line.product_name}
                )
            if units and condition not in AfterSalesLine.Condition.values:
                raise AfterSalesRefused(_("Choose the condition of every item received."))
            line.received_quantity, line.condition = units, condition if units else ""
            line.save(update_fields=["received_quantity", "condition"])
            if units and locked.kind != K.REPAIR:  # a repaired item goes back to the shopper
                stock_return(
                    sku=line.order_line.sku, quantity=units, order=locked.order, actor=actor
                )
                if condition == AfterSalesLine.Condition.DAMAGED:
                    stock_write_off_damaged(
                        sku=line.order_line.sku,
                        quantity=units,
                        order=locked.order,
                        actor=actor,
                        reason=locked.number,
                    )
        if not any(units for units, _c in received.values()):
            raise AfterSalesRefused(_("Enter how many items arrived."))
        _move(locked, S.RECEIVED, actor=actor, message=_("Your parcel arrived at our warehouse."))
        if locked.kind in {K.RETURN, K.REFUND_ONLY}:
            _move(locked, S.REFUND_PENDING, actor=actor)
    request.refresh_from_db()
    return request


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
        )
    except (RefundInvalid, CommerceError):
        AfterSalesRequest.objects.filter(pk=request.pk, status=S.REFUNDING).update(
            status=S.REFUND_PENDING
        )
        raise
    _move(
        request,
        S.REFUNDED,
        actor=actor,
        refund=refund,
        message=_("¥%(amount)s has been refunded.") % {"amount": refund.amount},
    )
    return refund


def after_sales_finish(
    *, request: AfterSalesRequest, actor, message: str = ""
) -> AfterSalesRequest:
    """The replacement or the repaired item went back to the shopper, or the case is closed."""
    message = plain_text(message)
    to_status = {K.EXCHANGE: S.EXCHANGED, K.REPAIR: S.REPAIRED}.get(request.kind, S.CLOSED)
    return _move(request, to_status, actor=actor, message=message)
