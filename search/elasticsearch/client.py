"""The Elasticsearch connection, built from settings and shared by every request."""

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch

# A shopper waits for search: a slow cluster must hand over to the database quickly.
REQUEST_TIMEOUT_SECONDS = 2
MAX_RETRIES = 1


def get_client() -> Elasticsearch | None:
    """The client for ``settings.ELASTICSEARCH_URL``, or None when Elasticsearch is not configured."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    return _client_for(url) if url else None


@lru_cache(maxsize=4)
def _client_for(url: str) -> Elasticsearch:
    """One client (and connection pool) per address; building it opens no connection yet."""
    return Elasticsearch(
        url,
        request_timeout=REQUEST_TIMEOUT_SECONDS,
        max_retries=MAX_RETRIES,
        retry_on_timeout=False,
    )


def product_index_alias() -> str:
    """The alias searches read; rebuilds swap it from the old index to the new one."""
    return getattr(settings, "ELASTICSEARCH_PRODUCT_INDEX", "products")
