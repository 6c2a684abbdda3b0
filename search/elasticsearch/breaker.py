"""A circuit breaker for Elasticsearch, kept in the cache so every worker process shares it.

A cluster that accepts connections and never answers costs each call the full
timeout; with sync workers a few such searches block every page. So one failure
is remembered: for ``ELASTICSEARCH_COOLDOWN_SECONDS`` every Elasticsearch call of
the shop (product matching, facet counts, page search, index updates) is skipped
and the database answers at once. Opening the breaker logs one warning; skipped
calls log nothing above INFO. Once the cooldown is over the next call tries the
cluster again, and a new failure opens the breaker for another cooldown.
"""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from elasticsearch import ApiError, TransportError
from elasticsearch.helpers import BulkIndexError

logger = logging.getLogger(__name__)

KEY = "search:elasticsearch:open-until"
DEFAULT_COOLDOWN_SECONDS = 30
# Any of these means the cluster could not do what was asked: connection refused, timed out,
# answered with an error, or refused some documents of a bulk request.
FAILURES = (TransportError, ApiError, BulkIndexError)


def _now() -> float:
    return time.time()


def cooldown_seconds() -> int:
    return max(
        1, int(getattr(settings, "ELASTICSEARCH_COOLDOWN_SECONDS", DEFAULT_COOLDOWN_SECONDS))
    )


def is_open() -> bool:
    """True while a recent failure says Elasticsearch should not be asked."""
    until = cache.get(KEY)
    return until is not None and until > _now()


def trip(error: BaseException, what: str) -> bool:
    """Remember a failure for one cooldown; True when this call opened the breaker.

    ``what`` says what failed and what happens instead; it is logged as a warning by the call
    that opens the breaker and at INFO by calls that failed while it was being opened.

    ``cache.add`` lets exactly one of several workers failing at once open it, so the warning is
    logged once per outage and cooldown, not once per request.
    """
    cooldown = cooldown_seconds()
    until = _now() + cooldown
    opened = cache.add(KEY, until, timeout=cooldown)
    if not opened and not is_open():  # a value left over from an earlier cooldown
        cache.set(KEY, until, timeout=cooldown)
        opened = True
    logger.log(
        logging.WARNING if opened else logging.INFO,
        "%s: %r. Elasticsearch is skipped for the next %s seconds.",
        what,
        error,
        cooldown,
    )
    return opened


def close() -> None:
    """Forget the failure (tests, or an operator who knows the cluster is back)."""
    cache.delete(KEY)


@contextmanager
def watch(what: str):
    """Run one Elasticsearch call: a failure opens the breaker and is raised again."""
    try:
        yield
    except FAILURES as error:
        trip(error, what)
        raise
