"""Facet counts over the products a query matched: the listing's facets, cached per query."""

import hashlib

from products.listing import Facets, ListingFilters, compute_facets


def search_facets(base, filters: ListingFilters, filterable: dict, brands: list, *, terms: list[str]) -> Facets:
    """Counts for every facet value among the matches, each facet counted with the other facets applied."""
    scope = "search:" + hashlib.sha256(" ".join(terms).encode()).hexdigest()[:32]
    return compute_facets(base, filters, filterable, brands, cache_scope=scope)
