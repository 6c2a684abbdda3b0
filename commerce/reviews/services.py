"""Writing reviews: create (buyers of a delivered line only), edit, moderate, reply, vote.

Who may review is decided here and only here (``review_refusal``): the line's order is
the shopper's own, delivered or completed, not cancelled and not refunded in full.
"Once per line" is the unique one-to-one on ``Review.order_line``. Every change that can
alter what shows (approve, reject, an edit going back to pending) refreshes the product's
rating on its ``ProductStats`` row in the same transaction, so cards, the listing sort
and the "best reviewed" row read the numbers without touching reviews.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import CommerceError
from core.uploads import MAX_PHOTOS, user_photo_save
from core.user_text import user_text_clean
from products.models import ProductStats

from ..moderation.models import ModerationStatus
from ..moderation.services import blocked_words_in
from ..orders.models import OrderLine, OrderStatus
from .models import (
    REASON_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    Review,
    ReviewPhoto,
    ReviewVote,
)

REVIEWABLE_STATUSES = (OrderStatus.DELIVERED, OrderStatus.COMPLETED)


class ReviewRefused(CommerceError):
    code = "review_refused"


def review_refusal(line: OrderLine) -> str:
    """Why ``line`` cannot be reviewed now ("" when it can)."""
    if line.product_id is None:
        return _("This product is no longer in the shop.")
    return order_review_refusal(line.order)


def order_review_refusal(order) -> str:
    """Why no line of ``order`` can be reviewed now ("" when they can): not yet delivered,
    cancelled, or refunded in full."""
    if order.status == OrderStatus.CANCELLED:
        return _("A cancelled order cannot be reviewed.")
    if order.status not in REVIEWABLE_STATUSES:
        return _("You can review this once the order has been delivered.")
    refunded = order.refunds.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    if order.total and refunded >= order.total:
        return _("A refunded order cannot be reviewed.")
    return ""


def shown_name(user, *, anonymous: bool) -> str:
    """How the shopper appears under a review: their name, or its first character and "**"."""
    name = (user.get_full_name() or user.first_name or user.username or "").strip()
    if anonymous or not user.get_full_name():
        return (name[:1] or "*") + "**"
    return name[:60]


def _clean(rating, text: str) -> tuple[int, str]:
    try:
        stars = int(rating)
    except (TypeError, ValueError):
        stars = 0
    if not 1 <= stars <= 5:
        raise ReviewRefused(_("Please choose a rating from 1 to 5 stars."))
    return stars, user_text_clean(
        text, label=_("Your review"), max_length=TEXT_MAX_LENGTH, min_length=5
    )


def review_create(
    *, user, line: OrderLine, rating, text: str, anonymous: bool = False, photos=()
) -> Review:
    """A pending review of ``line`` by its buyer, with up to six cleaned photos.

    ReviewRefused for someone else's line, a line that cannot be reviewed yet (or any
    more), a second review of it, a bad rating or text; UploadRefused for a bad photo
    (nothing is stored then).
    """
    if line.order.user_id != user.pk:
        raise ReviewRefused(_("You can only review what you bought."))
    refusal = review_refusal(line)
    if refusal:
        raise ReviewRefused(refusal)
    stars, clean_text = _clean(rating, text)
    photos = list(photos)
    if len(photos) > MAX_PHOTOS:
        raise ReviewRefused(
            _("A review may have at most %(count)d photos.") % {"count": MAX_PHOTOS}
        )
    try:
        with transaction.atomic():
            review = Review.objects.create(
                order_line=line,
                product_id=line.product_id,
                user=user,
                rating=stars,
                text=clean_text,
                anonymous=anonymous,
                display_name=shown_name(user, anonymous=anonymous),
                flagged_words=blocked_words_in(clean_text),
                has_photos=bool(photos),
            )
            for index, upload in enumerate(photos):
                image = user_photo_save(
                    upload=upload, title=f"review {review.pk} photo {index + 1}", uploaded_by=user
                )
                ReviewPhoto.objects.create(review=review, image=image, sort_order=index)
    except IntegrityError:
        raise ReviewRefused(_("You have already reviewed this item.")) from None
    return review


def review_edit(*, review: Review, user, rating, text: str, anonymous: bool) -> Review:
    """The shopper's new rating and words; the review goes back to moderation (and off the
    product page until approved again)."""
    if review.user_id != user.pk:
        raise ReviewRefused(_("You can only change your own review."))
    stars, clean_text = _clean(rating, text)
    with transaction.atomic():
        was_shown = review.status == ModerationStatus.APPROVED
        review.rating, review.text, review.anonymous = stars, clean_text, anonymous
        review.display_name = shown_name(user, anonymous=anonymous)
        review.flagged_words = blocked_words_in(clean_text)
        review.status, review.reject_reason = ModerationStatus.PENDING, ""
        review.save()
        if was_shown:
            product_rating_refresh(product_id=review.product_id)
    return review


def review_approve(*, review: Review, staff) -> Review:
    """Show the review on the product page and count it in the product's rating."""
    with transaction.atomic():
        review.status, review.reject_reason, review.moderated_by = (
            ModerationStatus.APPROVED,
            "",
            staff,
        )
        review.save(update_fields=["status", "reject_reason", "moderated_by", "updated_at"])
        product_rating_refresh(product_id=review.product_id)
    return review


def review_reject(*, review: Review, staff, reason: str) -> Review:
    """Hide the review; the shopper sees ``reason`` under My reviews."""
    reason = user_text_clean(reason, label=_("The reason"), max_length=REASON_MAX_LENGTH)
    with transaction.atomic():
        review.status, review.reject_reason, review.moderated_by = (
            ModerationStatus.REJECTED,
            reason,
            staff,
        )
        review.save(update_fields=["status", "reject_reason", "moderated_by", "updated_at"])
        product_rating_refresh(product_id=review.product_id)
    return review


def review_reply(*, review: Review, staff, reply: str) -> Review:
    """The shop's answer under the review ("" removes it)."""
    review.reply = user_text_clean(
        reply, label=_("The reply"), max_length=REPLY_MAX_LENGTH, required=False
    )
    review.replied_at = timezone.now() if review.reply else None
    review.moderated_by = staff
    review.save(update_fields=["reply", "replied_at", "moderated_by", "updated_at"])
    return review


def review_vote_helpful(*, review: Review, user) -> bool:
    """Count ``user``'s "helpful" vote once; False when they had voted already.

    The unique (review, user) pair decides under concurrency: a second insert fails in
    its savepoint and the counter is only raised by the insert that won.
    """
    if review.status != ModerationStatus.APPROVED:
        raise ReviewRefused(_("This review cannot be voted on."))
    if review.user_id == user.pk:
        raise ReviewRefused(_("You cannot vote for your own review."))
    try:
        with transaction.atomic():
            ReviewVote.objects.create(review=review, user=user)
            Review.objects.filter(pk=review.pk).update(helpful_count=F("helpful_count") + 1)
    except IntegrityError:
        return False
    return True


def product_rating_refresh(*, product_id: int) -> ProductStats:
    """Recount the product's approved reviews onto its ProductStats row (average, count)."""
    numbers = Review.objects.filter(
        product_id=product_id, status=ModerationStatus.APPROVED
    ).aggregate(average=Avg("rating"), count=Count("pk"))
    average = numbers["average"]
    rating = (
        Decimal(str(average)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if average is not None
        else None
    )
    stats, _created = ProductStats.objects.update_or_create(
        product_id=product_id, defaults={"rating": rating, "review_count": numbers["count"]}
    )
    return stats
