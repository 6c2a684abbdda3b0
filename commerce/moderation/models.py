"""The blocked-words list customer service edits (Settings-like snippet in the admin)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModerationStatus(models.TextChoices):
    """Where a shopper's review stands: waiting, shown, or refused with a reason."""

    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class BlockedWord(models.Model):
    """A word or phrase that sends a review or question to moderation flagged, never rejected
    outright: staff decide (a word can be innocent in context)."""

    word = models.CharField(_("word or phrase"), max_length=60, unique=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("blocked word")
        verbose_name_plural = _("blocked words")
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word
