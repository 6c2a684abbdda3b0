"""Storefront of reviews: the product page's section, writing or changing a review, "My
reviews" (to review, waiting, rejected with the reason) and the "helpful" vote.

A line or review id of another shopper is a 404, like one that does not exist.
"""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.errors import CommerceError
from core.ratelimits import rate_limited, rate_limited_response
from core.uploads import MAX_PHOTOS
from core.user_text import honeypot_filled

from ..moderation.models import ModerationStatus
from ..orders.models import OrderLine
from .models import TEXT_MAX_LENGTH, Review
from .selectors import own_waiting_reviews, product_reviews_page, review_summary
from .services import (
    REVIEWABLE_STATUSES,
    review_create,
    review_edit,
    review_refusal,
    review_vote_helpful,
)

REVIEW_RATES = ("10/h", "30/d")
VOTE_RATES = ("60/h",)


def product_page_reviews(*, request, product, preview: bool) -> dict:
    """The product page's review section (the catalogue's ``product_page_context`` hook)."""
    if preview or product.pk is None:
        return {"review_summary": None}
    summary = review_summary(product.pk)
    context = product_reviews_page(
        product.pk,
        summary=summary,
        stars=request.GET.get("stars", ""),
        sort=request.GET.get("sort", ""),
        page=request.GET.get("review_page", 1),
    )
    context["review_summary"] = summary
    context["own_reviews"] = (
        own_waiting_reviews(request.user, product.pk) if request.user.is_authenticated else []
    )
    if summary.count:
        context["review_structured_data"] = {
            "aggregateRating": {
                "@type": "AggregateRating",
                "ratingValue": str(summary.average),
                "reviewCount": summary.count,
                "bestRating": 5,
                "worstRating": 1,
            },
            "review": [
                {
                    "@type": "Review",
                    "author": {"@type": "Person", "name": review.display_name},
                    "datePublished": review.created_at.date().isoformat(),
                    "reviewBody": review.text,
                    "reviewRating": {"@type": "Rating", "ratingValue": review.rating},
                }
                for review in context["reviews"][:3]
            ],
        }
    return context


@login_required
@never_cache
def review_write(request, line_id: int):
    """Write (or change) the review of one of the shopper's own order lines."""
    line = get_object_or_404(
        OrderLine.objects.select_related("order"), pk=line_id, order__user=request.user
    )
    review = Review.objects.filter(order_line=line).first()
    refusal = "" if review is not None else review_refusal(line)
    error = ""
    if request.method == "POST" and not refusal:
        if rate_limited(request, group="review", rates=REVIEW_RATES):
            return rate_limited_response(
                request,
                message=_(
                    "You have written many reviews in a short while; please try again later."
                ),
            )
        if honeypot_filled(request.POST):
            return redirect("review_list")
        fields = {
            "rating": request.POST.get("rating"),
            "text": request.POST.get("text", ""),
            "anonymous": bool(request.POST.get("anonymous")),
        }
        try:
            if review is None:
                review_create(
                    user=request.user, line=line, photos=request.FILES.getlist("photos"), **fields
                )
            else:
                review_edit(review=review, user=request.user, **fields)
        except CommerceError as refused:
            error = refused.message
        else:
            messages.success(
                request, _("Thank you! Your review will show once our team has checked it.")
            )
            return redirect("review_list")
    return render(
        request,
        "commerce/reviews/review_form.html",
        {
            "line": line,
            "review": review,
            "refusal": refusal,
            "error": error,
            "posted": request.POST if request.method == "POST" else None,
            "max_photos": MAX_PHOTOS,
            "max_length": TEXT_MAX_LENGTH,
            "stars_choices": [5, 4, 3, 2, 1],
        },
        status=400 if error else 200,
    )


@login_required
@never_cache
def review_list(request):
    """My reviews: lines waiting for a review, then every review with its state."""
    to_review = (
        OrderLine.objects.filter(
            order__user=request.user,
            order__status__in=REVIEWABLE_STATUSES,
            product__isnull=False,
            review__isnull=True,
        )
        # A cancelled or fully refunded order is not offered (its lines cannot be reviewed).
        .annotate(refunded=Coalesce(Sum("order__refunds__amount"), Decimal("0")))
        .filter(Q(refunded__lt=F("order__total")) | Q(order__total=0))
        .select_related("order")
        .order_by("-order__placed_at", "pk")[:50]
    )
    reviews = Review.objects.filter(user=request.user).select_related("order_line")[:100]
    return render(
        request,
        "commerce/reviews/review_list.html",
        {"to_review": list(to_review), "reviews": list(reviews), "statuses": ModerationStatus},
    )


@require_POST
@login_required
def review_helpful(request, review_id: int):
    """One "helpful" vote per shopper (a second click changes nothing)."""
    review = get_object_or_404(Review, pk=review_id, status=ModerationStatus.APPROVED)
    if rate_limited(request, group="review-vote", rates=VOTE_RATES):
        return rate_limited_response(request)
    try:
        counted = review_vote_helpful(review=review, user=request.user)
    except CommerceError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("Thanks for your vote.")
            if counted
            else _("You have already voted for this review."),
        )
    return redirect((review.product.url or "/") + "#reviews")
