"""The shopper opens an after-sales request: the windows after delivery, the units that can
still be asked back, the photos, the refund proposed."""

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
from core.money import CENT
from core.uploads import MAX_PHOTOS, user_photo_save

from ...locks import lock_order
from ...orders.models import Order, OrderStatus
from ..models import (
    AfterSalesKind,
    AfterSalesLine,
    AfterSalesPhoto,
    AfterSalesReason,
    AfterSalesRequest,
    AfterSalesStatus,
)
from ..status import NOT_COUNTED
from .history import _event

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
        locked = lock_order(order)
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
