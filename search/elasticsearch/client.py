"""The Elasticsearch connection, built from settings and shared by every request.

A shopper waits for search, so a slow or hung cluster must hand over to the
database quickly: every request has a short timeout (``ELASTICSEARCH_TIMEOUT_SECONDS``,
which urllib3 applies to connecting and to each read) and is never retried, and
search.elasticsearch.breaker stops asking a cluster that just failed.
"""

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch

DEFAULT_TIMEOUT_SECONDS = 1.0
# Rebuilding the whole index is an operator's command, not a shopper's wait: bulk requests of
# hundreds of documents get longer.
REBUILD_TIMEOUT_SECONDS = 60


def timeout_seconds() -> float:
    return float(getattr(settings, "ELASTICSEARCH_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))


def get_client() -> Elasticsearch | None:
    """The client for ``settings.ELASTICSEARCH_URL``; None when Elasticsearch is not configured."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    return _client_for(url, timeout_seconds()) if url else None


@lru_cache(maxsize=4)
def _client_for(url: str, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> Elasticsearch:
    """One client (and connection pool) per address; building it opens no connection yet.

    ``max_retries=0``: a retry of a request that timed out doubles the wait, and with
    one node there is nobody else to retry on.
    """
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def product_index_alias() -> str:
    """The alias searches read; rebuilds swap it from the old index to the new one."""
    return getattr(settings, "ELASTICSEARCH_PRODUCT_INDEX", "products")
