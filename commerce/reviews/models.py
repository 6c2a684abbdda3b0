"""Reviews: what a buyer wrote about one order line, its photos, the shop's reply and votes.

A review belongs to exactly one order line (a unique one-to-one), so "once per line" is
the database's rule, not a check-then-insert. It shows on the product page only when
approved; every edit by the shopper sends it back to pending.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..moderation.models import ModerationStatus

TEXT_MAX_LENGTH = 1000
REPLY_MAX_LENGTH = 1000
REASON_MAX_LENGTH = 300


class Review(models.Model):
    """A verified buyer's rating and words about a product they received."""

    wagtail_reference_index_ignore = True
    order_line = models.OneToOneField(
        "commerce.OrderLine",
        on_delete=models.CASCADE,
        related_name="review",
        verbose_name=_("order line"),
    )
    product = models.ForeignKey(
        "products.Product", on_delete=models.CASCADE, related_name="+", verbose_name=_("product")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("shopper"),
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    text = models.TextField(_("review"), max_length=TEXT_MAX_LENGTH)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    display_name = models.CharField(_("shown as"), max_length=60)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )
    reject_reason = models.CharField(_("why rejected"), max_length=REASON_MAX_LENGTH, blank=True)
    flagged_words = models.CharField(_("blocked words found"), max_length=200, blank=True)
    reply = models.TextField(_("shop's reply"), max_length=REPLY_MAX_LENGTH, blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    helpful_count = models.PositiveIntegerField(_("helpful votes"), default=0)
    has_photos = models.BooleanField(_("with photos"), default=False)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["product", "status", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="review_rating_1_to_5"
            )
        ]
        permissions = [("moderate_review", "Can approve, reject and reply to reviews")]

    def __str__(self) -> str:
        return f"{self.display_name} · {self.rating}★"

    @property
    def stars(self) -> str:
        return "★" * self.rating + "☆" * (5 - self.rating)


class ReviewPhoto(models.Model):
    """A photo of a review: a Wagtail image in the private user-uploads collection (see
    core.uploads), shown only through renditions."""

    wagtail_reference_index_ignore = True
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("review photo")
        verbose_name_plural = _("review photos")

    def __str__(self) -> str:
        return f"{self.review_id}: {self.image_id}"


class ReviewVote(models.Model):
    """One shopper found one review helpful; the unique pair keeps it to one vote each."""

    wagtail_reference_index_ignore = True
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "user"], name="review_vote_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.review_id}"
