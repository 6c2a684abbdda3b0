"""Reading reviews: the product page's summary and page of reviews, a shopper's own.

The product page runs the same queries whether a product has no review or thousands:
one aggregate (average, count per star, count with photos), one page of reviews (always
a non-empty slice, so it always runs), one for that page's photos (a subquery of the
same page), and for a signed-in shopper one for their own reviews still waiting.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, Subquery

from ..moderation.models import ModerationStatus
from .models import Review, ReviewPhoto

PER_PAGE = 10
FILTERS = ("5", "4", "3", "2", "1", "photos")
SORTS = ("newest", "helpful")


@dataclass
class ReviewSummary:
    count: int = 0
    average: float | None = None
    distribution: list = field(default_factory=list)  # [(stars, count, percent)], 5★ first
    with_photos: int = 0

    @property
    def stars(self) -> str:
        """The average as five stars, rounded to the nearest whole star."""
        full = int((self.average or 0) + 0.5)
        return "★" * full + "☆" * (5 - full)


def review_summary(product_id: int) -> ReviewSummary:
    """Average, count and distribution of the product's approved reviews, in one query."""
    approved = Q(status=ModerationStatus.APPROVED)
    numbers = Review.objects.filter(approved, product_id=product_id).aggregate(
        count=Count("pk"),
        average=Avg("rating"),
        with_photos=Count("pk", filter=Q(has_photos=True)),
        **{f"s{stars}": Count("pk", filter=Q(rating=stars)) for stars in range(1, 6)},
    )
    count = numbers["count"]
    return ReviewSummary(
        count=count,
        average=round(numbers["average"], 1) if numbers["average"] is not None else None,
        with_photos=numbers["with_photos"],
        distribution=[
            (
                stars,
                numbers[f"s{stars}"],
                round(100 * numbers[f"s{stars}"] / count) if count else 0,
            )
            for stars in range(5, 0, -1)
        ],
    )


def product_reviews_page(
    product_id: int, *, summary: ReviewSummary, stars: str = "", sort: str = "newest", page=1
) -> dict:
    """One page of approved reviews (with photos), filtered by stars or "photos", sorted."""
    stars = stars if stars in FILTERS else ""
    sort = sort if sort in SORTS else "newest"
    reviews = Review.objects.filter(product_id=product_id, status=ModerationStatus.APPROVED)
    total = summary.count
    if stars == "photos":
        reviews, total = reviews.filter(has_photos=True), summary.with_photos
    elif stars:
        reviews = reviews.filter(rating=int(stars))
        total = {s: c for s, c, _p in summary.distribution}[int(stars)]
    order = (
        ("-helpful_count", "-created_at", "-pk") if sort == "helpful" else ("-created_at", "-pk")
    )
    pages = max(1, -(-total // PER_PAGE))
    try:
        number = min(max(1, int(page)), pages)
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * PER_PAGE
    ordered = reviews.order_by(*order)
    page_reviews = list(ordered[offset : offset + PER_PAGE])
    window = ordered.values("pk")[offset : offset + PER_PAGE]
    photos: dict[int, list] = {}
    for photo in ReviewPhoto.objects.filter(review_id__in=Subquery(window)).select_related(
        "image"
    ):
        photos.setdefault(photo.review_id, []).append(photo)
    for review in page_reviews:
        review.photo_list = photos.get(review.pk, [])
    return {
        "reviews": page_reviews,
        "review_filter": stars,
        "review_sort": sort,
        "review_page": number,
        "review_pages": pages,
        "review_previous": number - 1 if number > 1 else None,
        "review_next": number + 1 if number < pages else None,
    }


def own_waiting_reviews(user, product_id: int) -> list[Review]:
    """The shopper's own reviews of this product not (or not yet) shown: pending or rejected."""
    return list(
        Review.objects.filter(user=user, product_id=product_id).exclude(
            status=ModerationStatus.APPROVED
        )
    )


def order_review_rows(order, lines) -> list[tuple]:
    """What the order page offers per line: ``(line, review or None, can_write)`` for the
    lines with a review or open to one; two queries whatever the number of lines."""
    from .services import order_review_refusal  # the one rule of who may review

    if not lines:
        return []
    reviews = {
        review.order_line_id: review
        for review in Review.objects.filter(order_line__in=[line.pk for line in lines])
    }
    refusal = order_review_refusal(order)
    rows = [
        (line, reviews.get(line.pk), not refusal and line.product_id is not None) for line in lines
    ]
    # Only lines with something to do or see: a review written, or one that may be.
    return [(line, review, can_write) for line, review, can_write in rows if review or can_write]
