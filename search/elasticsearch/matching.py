"""Ranked product ids and facet counts from Elasticsearch, or None so the caller uses the database.

A cluster that is down, slow or missing its index must never cost the shopper a
page: every failure opens the breaker (search.elasticsearch.breaker, one warning)
and is answered with None; while the breaker is open the cluster is not asked.
"""

from products.listing import ListingFilters

from . import breaker, client
from .queries import build_product_query, parse_facet_counts


def search_product_ids(
    query_terms: list[str], limit: int, *, operator: str = "and", slots: list | None = None
) -> list[int] | None:
    """Live product ids with every word (``operator="or"``: any word), best first.

    None without Elasticsearch, while the breaker is open, or when the cluster fails.
    """
    es = client.get_client()
    if es is None or not query_terms or breaker.is_open():
        return None
    body = build_product_query(
        query_terms, ListingFilters(), {}, operator=operator, facets=False, slots=slots
    )
    try:
        response = es.search(
            index=client.product_index_alias(),
            size=limit,
            source=False,
            track_total_hits=False,
            **body,
        )
        return [int(hit["_id"]) for hit in response["hits"]["hits"]]
    except breaker.FAILURES as error:
        breaker.trip(
            error, "Elasticsearch product search failed; using the database backend instead"
        )
        return None


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
    if es is None or not query_terms or breaker.is_open():
        return None
    body = build_product_query(query_terms, filters, filterable, operator=operator, slots=slots)
    try:
        response = es.search(
            index=client.product_index_alias(), size=0, track_total_hits=False, **body
        )
        return parse_facet_counts(response)
    except (*breaker.FAILURES, KeyError, TypeError, ValueError) as error:
        breaker.trip(error, "Elasticsearch facet counts failed; counting in the database instead")
        return None
