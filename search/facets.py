"""Facet counts over the products a query matched: the listing's facets, from the engine that
matched.

On the database path the listing's own counting runs over the matches (cached per
query and catalogue version). When Elasticsearch found the matches, its
aggregations count them (search.elasticsearch.queries) and the counts are shown
exactly as the listing shows its own; if the cluster fails at that moment, the
database counts instead and a warning is logged.
"""

import hashlib
import logging

from django.conf import settings

from products.listing import Facets, ListingFilters, compute_facets, facets_from_counts

from .matching import ProductMatches
from .synonyms import synonym_slots, synonyms_version

logger = logging.getLogger(__name__)


def search_facets(
    base,
    filters: ListingFilters,
    filterable: dict,
    brands: list,
    *,
    terms: list[str],
    matches: ProductMatches | None = None,
) -> Facets:
    """Counts for every facet value among the matches, each facet counted with the other facets
    applied."""
    if (
        matches is not None
        and matches.elasticsearch
        and getattr(settings, "ELASTICSEARCH_URL", "")
    ):
        from .elasticsearch.matching import search_facet_counts

        attempt = matches.attempt  # the step that found the matches, repeated for the counts
        counts = search_facet_counts(
            attempt.terms if attempt else terms,
            filters,
            filterable,
            operator=matches.operator,
            slots=attempt.slots if attempt else synonym_slots(terms),
        )
        if counts is not None:
            return facets_from_counts(counts, filters, filterable, brands)
    # The synonyms' version is part of the cache key: a new group changes the matches.
    key_words = [*terms, f"synonyms:{synonyms_version()}"]
    scope = "search:" + hashlib.sha256(" ".join(key_words).encode()).hexdigest()[:32]
    return compute_facets(base, filters, filterable, brands, cache_scope=scope)
