"""Reviewing new orders: the address complete enough for a courier, no burst of orders from one
phone or address, a region some shipping method reaches; accepting or flagging an order."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError
from core.regions import PROVINCE_CODES

from ....locks import lock_order
from ....orders.models import Order, OrderStatus
from ....orders.services import order_transition
from ....shipping.models import ShippingMethod

if TYPE_CHECKING:
    from accounts.models import User
from .common import (
    BURST_COUNT,
    BURST_WINDOW,
    FLAG_REASON_LENGTH,
    MIN_STREET_LENGTH,
    MOBILE_RE,
    POSTCODE_RE,
    REVIEW_STATUSES,
    ReviewProblem,
)

# --- review
# -------------------------------------------------------------------------------------------


def order_review_checks(order: Order) -> list[ReviewProblem]:
    """What is wrong or suspicious about one order (empty: nothing found)."""
    return orders_review_checks([order])[order.pk]


def orders_review_checks(orders) -> dict[int, list[ReviewProblem]]:
    """``order_review_checks`` for a whole list page, in a fixed handful of queries."""
    orders = list(orders)
    unreachable = unreachable_provinces() if orders else set()
    mobile_bursts = _bursts(orders, field="mobile", key=lambda o: o.mobile)
    address_bursts = _bursts(orders, field="district", key=address_key)
    problems = {}
    for order in orders:
        found = address_problems(order)
        if order.province in unreachable:
            found.append(
                ReviewProblem(
                    "unreachable", _("No shipping method in use delivers to this province.")
                )
            )
        if order.pk in mobile_bursts:
            found.append(
                ReviewProblem(
                    "mobile_burst",
                    _("%(count)d or more orders from this mobile number within 24 hours.")
                    % {"count": BURST_COUNT},
                )
            )
        if order.pk in address_bursts:
            found.append(
                ReviewProblem(
                    "address_burst",
                    _("%(count)d or more orders to this address within 24 hours.")
                    % {"count": BURST_COUNT},
                )
            )
        if order.needs_reconciliation:
            found.append(
                ReviewProblem(
                    "needs_reconciliation",
                    _("The payment does not match; finance must reconcile it first."),
                )
            )
        problems[order.pk] = found
    return problems


def address_problems(order: Order) -> list[ReviewProblem]:
    """Completeness of the delivery details a courier needs: name, reachable phone, full
    address."""
    checks = [
        (not order.recipient.strip(), "no_recipient", _("The recipient's name is missing.")),
        (
            not MOBILE_RE.match(order.mobile),
            "bad_mobile",
            _("The mobile number is not an 11-digit mainland number."),
        ),
        (
            order.province not in PROVINCE_CODES,
            "bad_province",
            _("The province is not one we know."),
        ),
        (
            not order.city.strip() or not order.district.strip(),
            "no_city",
            _("The city or district is missing."),
        ),
        (
            len(order.street.strip()) < MIN_STREET_LENGTH,
            "short_street",
            _("The street address is too short to find the door."),
        ),
        (
            bool(order.postcode) and not POSTCODE_RE.match(order.postcode),
            "bad_postcode",
            _("The postcode is not six digits."),
        ),
    ]
    return [ReviewProblem(code, message) for failed, code, message in checks if failed]


def unreachable_provinces() -> set[str]:
    """Provinces where every active shipping method says "not delivered" (all, if none is
    active)."""
    methods = list(ShippingMethod.objects.filter(active=True).prefetch_related("region_rules"))
    closed = [
        {rule.province for rule in method.region_rules.all() if rule.unavailable}
        for method in methods
    ]
    return {code for code in PROVINCE_CODES if all(code in provinces for provinces in closed)}


def address_key(order: Order) -> str:
    """The address without spacing or case, so "科技园路 1 号" and "科技园路1号" are one door."""
    return re.sub(
        r"\s+", "", "|".join([order.province, order.city, order.district, order.street])
    ).lower()


def _bursts(orders: list[Order], *, field: str, key) -> set[int]:
    """Pks of ``orders`` that fall in a 24-hour window holding ``BURST_COUNT`` orders with the same
    key.

    One query fetches every order near the page's orders that shares ``field``
    (a cheap, indexed pre-filter); ``key`` then groups them exactly.
    """
    if not orders:
        return set()
    moments = [order.placed_at for order in orders]
    nearby = Order.objects.filter(
        **{f"{field}__in": {getattr(order, field) for order in orders}},
        placed_at__range=(min(moments) - BURST_WINDOW, max(moments) + BURST_WINDOW),
    )
    times = defaultdict(list)
    for other in nearby.only(
        "pk", "placed_at", "province", "city", "district", "street", "mobile"
    ):
        times[key(other)].append(other.placed_at)
    return {order.pk for order in orders if _in_burst(order.placed_at, times[key(order)])}


def _in_burst(moment, moments) -> bool:
    """Is there a window of BURST_WINDOW containing ``moment`` and at least BURST_COUNT of
    ``moments``?"""
    for start in moments:
        in_window = start <= moment <= start + BURST_WINDOW
        if in_window and sum(start <= o <= start + BURST_WINDOW for o in moments) >= BURST_COUNT:
            return True
    return False


def order_review_accept(*, order: Order, actor: User, note: str = "") -> Order:
    """The reviewer lets the order go to the shelves (stocking); a flag on it is lifted.

    An order whose payment does not match waits for finance, whatever the reviewer thinks.
    """
    order.refresh_from_db(fields=["needs_reconciliation", "flagged", "flag_reason"])
    if order.needs_reconciliation:
        raise CommerceError(
            _("Finance must reconcile this order's payment before it is stocked."),
            code="needs_reconciliation",
        )
    was_flagged, reason = order.flagged, order.flag_reason
    with transaction.atomic():
        order = order_transition(
            order=order,
            to_status=OrderStatus.STOCKING,
            actor=actor,
            note=note or _("Reviewed by logistics."),
        )
        if was_flagged:
            Order.objects.filter(pk=order.pk).update(flagged=False)
            order.flagged = False
        log(
            order,
            "commerce.logistics.accept",
            user=actor,
            data={"was_flagged": was_flagged, "flag_reason": reason},
        )
    return order


def order_flag(*, order: Order, reason: str, actor: User) -> Order:
    """Hold a suspicious order in review with the reason; customer service sees the flag too."""
    reason = " ".join(reason.split())
    if not reason:
        raise CommerceError(_("Say why the order is suspicious."), code="flag_reason_missing")
    with transaction.atomic():
        locked = lock_order(order)
        if locked.status not in REVIEW_STATUSES:
            raise CommerceError(
                _("Only orders waiting for review can be flagged."), code="not_in_review"
            )
        Order.objects.filter(pk=order.pk).update(
            flagged=True, flag_reason=reason[:FLAG_REASON_LENGTH]
        )
        log(
            locked,
            "commerce.logistics.flag",
            user=actor,
            data={"reason": reason[:FLAG_REASON_LENGTH]},
        )
    order.refresh_from_db()
    return order
