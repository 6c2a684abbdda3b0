"""Product showcases (F-07): each a different rule, each its own result.

Every function returns a list of live products ready for product cards (brand,
gallery with renditions and stats prefetched), so a row costs a fixed number of
queries however many products it shows.
"""

from datetime import timedelta
from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, Prefetch, Q, Sum, Value
from django.utils import timezone

from .models import Category, Product, ProductImage, ProductStats
from .ranking import best_sellers, products_in_category, ranked_first

NEW_ARRIVAL_DAYS = 30


def card_images():
    """Gallery rows with their image and renditions, so cards render without extra queries."""
    return ProductImage.objects.select_related("image").prefetch_related("image__renditions")


def card_queryset():
    """Live products with everything a product card needs."""
    return (
        Product.objects.live()
        .select_related("brand", "stats")
        .prefetch_related(Prefetch("images", queryset=card_images()))
    )


def new_arrivals(*, limit: int, days: int = NEW_ARRIVAL_DAYS) -> list:
    """Products first published within the last ``days`` days, newest first."""
    since = timezone.now() - timedelta(days=days)
    return list(
        card_queryset()
        .filter(first_published_at__gte=since)
        .order_by("-first_published_at", "-pk")[:limit]
    )


def editor_recommended(*, limit: int) -> list:
    """The editor picks, in the order editors set."""
    return list(
        card_queryset()
        .filter(editor_pick__isnull=False)
        .order_by("editor_pick__sort_order", "pk")[:limit]
    )


def hot_sellers(*, limit: int, category: Category | None = None) -> list:
    """The last 24 hours' best-sellers (``products.ranking.best_sellers``), most units first.

    When fewer products sold in the last day than the row shows, the rest of the row
    is filled with the all-time best-sellers (``ProductStats.sales_count``), so the
    home row never looks empty on a quiet day. One query plus the card prefetches.
    """
    ranking = best_sellers(category=category, limit=limit)
    products = card_queryset().filter(
        Q(pk__in=[pk for pk, _units in ranking]) | Q(stats__sales_count__gt=0)
    )
    if category is not None:
        products = products.filter(pk__in=products_in_category(category))
    return list(ranked_first(products, ranking, "-stats__sales_count", "pk")[:limit])


BEST_REVIEWED_MIN_COUNT = 3
BEST_REVIEWED_PRIOR_WEIGHT = 10


def best_reviewed(
    *,
    limit: int,
    min_count: int = BEST_REVIEWED_MIN_COUNT,
    prior_weight: int = BEST_REVIEWED_PRIOR_WEIGHT,
) -> list:
    """Products by their Bayesian average rating, best first, among those with at least
    ``min_count`` approved reviews.

    score = (C·m + n·r) / (C + n), with r the product's average over its n reviews, m
    the average of every review in the shop and C = ``prior_weight``: a product is
    pulled towards the shop's mean until it has many reviews, so one 5★ review does not
    beat two hundred averaging 4.8★. Two queries plus the card prefetches.
    """
    rated = ProductStats.objects.filter(review_count__gt=0, rating__isnull=False)
    totals = rated.aggregate(
        stars=Sum(F("rating") * F("review_count"), output_field=DecimalField()),
        reviews=Sum("review_count"),
    )
    if not totals["reviews"]:
        return []
    mean = Decimal(totals["stars"]) / totals["reviews"]
    weight = Value(Decimal(prior_weight), output_field=DecimalField())
    score = ExpressionWrapper(
        (
            weight * Value(mean, output_field=DecimalField())
            + F("stats__rating") * F("stats__review_count")
        )
        / (weight + F("stats__review_count")),
        output_field=DecimalField(max_digits=12, decimal_places=6),
    )
    return list(
        card_queryset()
        .filter(stats__review_count__gte=min_count, stats__rating__isnull=False)
        .annotate(bayesian_rating=score)
        .order_by("-bayesian_rating", "-stats__review_count", "pk")[:limit]
    )


def in_category(*, category: Category, limit: int) -> list:
    """Newest products of a category and its subcategories."""
    subtree = Category.objects.filter(path__startswith=category.path).values("pk")
    return list(
        card_queryset()
        .filter(primary_category__in=subtree)
        .order_by("-first_published_at", "-pk")[:limit]
    )
