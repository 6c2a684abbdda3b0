"""Ranked product ids and facet counts from Elasticsearch, or None so the caller uses the database.

A cluster that is down, slow or missing its index must never cost the shopper a
page: every transport or API error is logged as a warning and answered with None.
"""

import logging

from elasticsearch import ApiError, TransportError

from products.listing import ListingFilters

from . import client
from .queries import build_product_query, parse_facet_counts

logger = logging.getLogger(__name__)


def search_product_ids(
    query_terms: list[str], limit: int, *, slots: list | None = None
) -> tuple[list[int], bool] | None:
    """Live product ids with every word (else any word, flagged partial), best first; None without
    Elasticsearch."""
    es = client.get_client()
    if es is None or not query_terms:
        return None
    try:
        for operator in ("and", "or"):
            ids = _ranked_ids(es, query_terms, slots, operator, limit)
            if ids or len(query_terms) == 1:
                return ids, operator == "or"
        return [], False
    except (TransportError, ApiError) as error:
        logger.warning(
            "Elasticsearch product search failed; using the database backend instead: %s", error
        )
        return None


def _ranked_ids(
    es, query_terms: list[str], slots: list | None, operator: str, limit: int
) -> list[int]:
    body = build_product_query(
        query_terms, ListingFilters(), {}, operator=operator, facets=False, slots=slots
    )
    response = es.search(
        index=client.product_index_alias(),
        size=limit,
        source=False,
        track_total_hits=False,
        **body,
    )
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def search_facet_counts(
    query_terms: list[str],
    filters: ListingFilters,
    filterable: dict,
    *,
    operator: str = "and",
    slots: list | None = None,
) -> dict | None:
    """Facet counts over the matches from the index's aggregations (no hits fetched); None on any
    failure.

    The counts come in products.listing's raw shape (see queries.parse_facet_counts).
    """
    es = client.get_client()
    if es is None or not query_terms:
        return None
    body = build_product_query(query_terms, filters, filterable, operator=operator, slots=slots)
    try:
        response = es.search(
            index=client.product_index_alias(), size=0, track_total_hits=False, **body
        )
        return parse_facet_counts(response)
    except (TransportError, ApiError, KeyError, TypeError, ValueError) as error:
        logger.warning(
            "Elasticsearch facet counts failed; counting in the database instead: %r", error
        )
        return None
