"""Staff cancel (or reject) an order, with a reason the shopper reads.

Who may cancel what (checked here, not only in the views):

* Managers: any order that has not left the warehouse;
* Customer service: the same, before shipping;
* Logistics: orders in its review queue (paid or confirmed cash-on-delivery orders
  not yet stocked) — suspicious or undeliverable orders are rejected there.

Cancelling goes through ``order_transition``: stock reservation and red packet are
released and the shopper gets the "cancelled" e-mail with the reason. A paid order
lands in finance's refunds queue by itself (cancelled with money left to refund).
"""

from django.utils.translation import gettext as _

from core.errors import CommerceError

from ..orders.models import Order, OrderStatus
from ..orders.services import order_transition
from ..orders.status import HOLDS_RESERVATION

# Before shipping: every status that still holds a reservation (packing included).
BEFORE_SHIPPING = set(HOLDS_RESERVATION)
LOGISTICS_REVIEW = {OrderStatus.PAID, OrderStatus.CONFIRMED}
REASON_LENGTH = 300


class CancelRefused(CommerceError):
    code = "cancel_refused"


def is_manager(user) -> bool:
    return user.is_superuser or user.groups.filter(name="Managers").exists()


def staff_cancel_statuses(user) -> set[str]:
    """The order statuses from which ``user`` may cancel (empty: none)."""
    if is_manager(user) or user.has_perm("commerce.serve_customer"):
        return BEFORE_SHIPPING
    if user.has_perm("commerce.fulfil_order"):
        return LOGISTICS_REVIEW
    return set()


def staff_cancel_problem(*, order: Order, user) -> str:
    """Why ``user`` may not cancel ``order`` now ("" when they may)."""
    allowed = staff_cancel_statuses(user)
    if not allowed:
        return _("Your role cannot cancel orders.")
    if order.status not in BEFORE_SHIPPING:
        return _(
            "Order %(number)s is “%(status)s”: it has left the warehouse and can no longer be "
            "cancelled. Open an after-sales request for it instead."
        ) % {"number": order.number, "status": order.get_status_display()}
    if order.status not in allowed:
        return _(
            "Logistics cancels orders from the review queue only; order %(number)s is "
            "“%(status)s”. Ask customer service or a manager."
        ) % {"number": order.number, "status": order.get_status_display()}
    return ""


def order_cancel_by_staff(*, order: Order, actor, reason: str) -> Order:
    """Cancel ``order`` for a reason the shopper reads (on the order page and in the e-mail)."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise CancelRefused(_("Please give the reason the customer will read."))
    if len(reason) > REASON_LENGTH:
        raise CancelRefused(_("Please keep the reason under 300 characters."))
    order.refresh_from_db(fields=["status"])
    problem = staff_cancel_problem(order=order, user=actor)
    if problem:
        raise CancelRefused(problem)
    return order_transition(order=order, to_status=OrderStatus.CANCELLED, actor=actor, note=reason)
