"""Ranked product lists for the catalogue, and the best-sellers ranking it asks for.

The last 24 hours' best-sellers are counted from orders, which sit above the
catalogue. The catalogue asks through the Wagtail hook ``catalogue_best_sellers``:
commerce registers the function that counts them (``commerce.best_sellers``), and
without it every ranking is empty, so the listing and the home rows still work.
"""

from django.db.models import Case, F, IntegerField, Q, Value, When
from wagtail import hooks

from .models import Category, Product

BEST_SELLERS_HOOK = "catalogue_best_sellers"
# How deep a ranking is computed and cached: every caller slices the same list, so the
# home row (8) and the listing (the whole ranking) share one query per bucket.
RANKING_DEPTH = 200


def best_sellers(*, category: Category | None = None, limit: int) -> list[tuple[int, int]]:
    """``[(product_id, units)]`` of the last 24 hours, most units first, from the registered
    ranking (empty when none is registered)."""
    for ranking in hooks.get_hooks(BEST_SELLERS_HOOK):
        return ranking(category=category, limit=limit)
    return []


def products_in_category(category: Category):
    """Primary keys of products in ``category`` or below it, as primary or extra category."""
    subtree = Q(primary_category__path__startswith=category.path) | Q(
        extra_categories__path__startswith=category.path
    )
    return Product.objects.filter(subtree).values("pk")


def ranked_first(queryset, ranking: list[tuple[int, int]], *then: str):
    """``queryset`` ordered by the ranking's positions, products outside it after, by ``then``.

    One query whatever the page shows: the positions are a CASE over the ranked ids
    (at most ``RANKING_DEPTH`` of them), so nothing is sorted in Python.
    """
    if not ranking:
        return queryset.order_by(*then)
    position = Case(
        *[
            When(pk=product_id, then=Value(index))
            for index, (product_id, _units) in enumerate(ranking)
        ],
        default=Value(None),
        output_field=IntegerField(),
    )
    return queryset.annotate(recent_sales_position=position).order_by(
        F("recent_sales_position").asc(nulls_last=True), *then
    )
