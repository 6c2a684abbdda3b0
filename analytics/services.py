"""Moving events from the buffer into the table, and forgetting them after the retention.

``events_flush`` is what ``manage.py analytics_flush`` and the flush task run; the buffer
(``core.events``) asks for it every few hundred events or once a minute. One flush at a time
(a lock in the cache): two would insert the same slots twice.
"""

import datetime
import logging
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from core import events as buffer
from products.models import ProductVariant

from .models import Event

logger = logging.getLogger(__name__)

FLUSH_LOCK_KEY = "events:flush-lock"
BATCH_SIZE = 1000
_TEXT_LIMITS = {
    field.name: field.max_length
    for field in Event._meta.get_fields()
    if getattr(field, "max_length", None) and field.name != "kind"
}
_INTEGERS = ("product_id", "quantity", "order_id", "results", "position", "user_id")


def _event_from(payload: dict) -> Event | None:
    """The row for one buffered payload, or None when it is not one (a stale format)."""
    occurred_at = parse_datetime(str(payload.get("at", "")))
    if occurred_at is None or payload.get("kind") not in buffer.KINDS:
        return None
    row = Event(occurred_at=occurred_at, kind=payload["kind"])
    for name, limit in _TEXT_LIMITS.items():
        setattr(row, name, str(payload.get(name) or "")[:limit])
    for name in _INTEGERS:
        value = payload.get(name)
        setattr(row, name, value if isinstance(value, int) and value >= 0 else None)
    try:
        row.amount = Decimal(payload["amount"]) if payload.get("amount") else None
    except InvalidOperation:
        row.amount = None
    return row


def _with_products(rows: list[Event]) -> list[Event]:
    """Fill in the product of events that name only a SKU (cart lines know no product)."""
    skus = {row.sku for row in rows if row.sku and row.product_id is None}
    if skus:
        products = dict(
            ProductVariant.objects.filter(sku__in=skus).values_list("sku", "product_id")
        )
        for row in rows:
            if row.product_id is None and row.sku:
                row.product_id = products.get(row.sku)
    return rows


def events_flush(*, batch_size: int = BATCH_SIZE, max_batches: int = 1000) -> int:
    """Insert buffered events in batches of ``batch_size``; returns how many were stored."""
    cache = buffer.buffer()
    if not cache.add(FLUSH_LOCK_KEY, 1, timeout=300):
        return 0
    stored = 0
    try:
        for _batch in range(max_batches):
            payloads, upto = buffer.buffer_take(limit=batch_size)
            rows = _with_products([row for row in map(_event_from, payloads) if row is not None])
            if rows:
                Event.objects.bulk_create(rows, batch_size=batch_size)
                stored += len(rows)
            if upto == (cache.get(buffer.FLUSHED_KEY) or 0):
                break
            buffer.buffer_commit(upto)
    finally:
        cache.delete(FLUSH_LOCK_KEY)
    return stored


def events_flush_soon() -> None:
    """Queue the flush task once the current transaction (if any) commits."""
    from .tasks import flush_events

    transaction.on_commit(flush_events.enqueue)


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=settings.ANALYTICS_RETENTION_DAYS)


def events_purge(*, now: datetime.datetime | None = None, batch_size: int = 10_000) -> int:
    """Delete events older than the retention, in batches; the rollups stay."""
    cutoff = retention_cutoff(now)
    deleted = 0
    while True:
        ids = list(
            Event.objects.filter(occurred_at__lt=cutoff).values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            return deleted
        deleted += Event.objects.filter(pk__in=ids).delete()[0]
