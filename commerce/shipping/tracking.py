"""Parcel tracking: links to the carrier's page, and optional status updates from a tracking API.

A shop may plug in a tracking service (Kuaidi100, a carrier's own API…) by writing
an adapter with one method, ``parcel_status``, and naming its class in the setting
``COMMERCE_TRACKING_ADAPTER`` (dotted path; ``COMMERCE_TRACKING_OPTIONS`` are passed
to it as keyword arguments). ``tracking_poll`` (``manage.py tracking_poll``, from
cron) asks it about every shipped order and moves them shipped → in transit →
delivered through ``order_transition``, so the shopper gets the "delivered" e-mail.
Without an adapter nothing is polled; staff and shoppers move orders by hand.

The only adapter shipped here is ``FileTrackingAdapter``, which reads a JSON file:
it exists for tests and demos, not for production.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from core.errors import CommerceError

from ..orders.models import Order, OrderStatus
from ..orders.services import order_transition

logger = logging.getLogger(__name__)

IN_TRANSIT, DELIVERED = "in_transit", "delivered"
POLLED_STATUSES = (OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT)
# Order status → the tracking answers that move it on (shipped may jump straight to delivered).
STEPS = {
    OrderStatus.SHIPPED: {IN_TRANSIT: OrderStatus.IN_TRANSIT, DELIVERED: OrderStatus.DELIVERED},
    OrderStatus.IN_TRANSIT: {DELIVERED: OrderStatus.DELIVERED},
}


@dataclass(frozen=True)
class ParcelStatus:
    """What the tracking service says about one parcel: ``in_transit`` or ``delivered``."""

    status: str
    description: str = ""


class TrackingAdapter(Protocol):
    """A tracking service. Return None when it knows nothing (yet) about the parcel."""

    def parcel_status(self, *, carrier_code: str, tracking_number: str) -> ParcelStatus | None: ...


class FileTrackingAdapter:
    """Test double: statuses come from a JSON file ``{"<carrier code>:<tracking number>":
    "delivered"}``.

    A value may also be an object ``{"status": "...", "description": "..."}``. The
    file is read on every call, so a test can change it between polls.
    """

    def __init__(self, path):
        self.path = Path(path)

    def parcel_status(self, *, carrier_code: str, tracking_number: str) -> ParcelStatus | None:
        entry = json.loads(self.path.read_text(encoding="utf-8")).get(
            f"{carrier_code}:{tracking_number}"
        )
        if entry is None:
            return None
        if isinstance(entry, str):
            return ParcelStatus(status=entry)
        return ParcelStatus(
            status=entry.get("status", ""), description=entry.get("description", "")
        )


def tracking_adapter() -> TrackingAdapter | None:
    """The configured adapter, or None when the shop has none."""
    path = getattr(settings, "COMMERCE_TRACKING_ADAPTER", "")
    if not path:
        return None
    return import_string(path)(**getattr(settings, "COMMERCE_TRACKING_OPTIONS", {}))


def order_tracking_url(order: Order) -> str:
    """The carrier's tracking page for this order, or "" (no managed carrier, no template, no
    number)."""
    carrier = order.shipping_carrier if order.shipping_carrier_id else None
    return carrier.tracking_url(order.tracking_number) if carrier is not None else ""


def tracking_poll(*, adapter: TrackingAdapter | None = None) -> dict[str, int]:
    """Ask the adapter about every shipped or in-transit order; returns how many moved where.

    Each order moves in its own transaction (``order_transition`` locks it), so a
    parcel the service cannot answer for, or an order a shopper confirmed
    meanwhile, never holds up the others.
    """
    adapter = adapter or tracking_adapter()
    moved = {IN_TRANSIT: 0, DELIVERED: 0, "unknown": 0}
    if adapter is None:
        return moved
    orders = (
        Order.objects.filter(status__in=POLLED_STATUSES, shipping_carrier__isnull=False)
        .exclude(tracking_number="")
        .select_related("shipping_carrier")
        .order_by("pk")
    )
    for order in orders.iterator():
        moved[_poll_one(adapter, order)] += 1
    return moved


def _poll_one(adapter: TrackingAdapter, order: Order) -> str:
    try:
        answer = adapter.parcel_status(
            carrier_code=order.shipping_carrier.code, tracking_number=order.tracking_number
        )
    except Exception:  # noqa: BLE001 — a broken service must not stop the poll of other parcels
        logger.exception("Tracking lookup failed for order %s", order.number)
        return "unknown"
    target = STEPS.get(order.status, {}).get(answer.status if answer else "")
    if target is None:
        return "unknown"
    try:
        order_transition(
            order=order, to_status=target, note=answer.description or _("Carrier tracking update.")
        )
    except CommerceError:
        return "unknown"  # moved meanwhile (e.g. the shopper confirmed receipt)
    return answer.status
