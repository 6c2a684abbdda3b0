"""A reader's comment under a guide, or a reply to one (one level deep).

A comment shows on the guide page only once an editor approved it; until then (and when
rejected) only its author sees it, marked "awaiting moderation" or with the editor's
reason. ``display_name`` is the reader's name as it was when they wrote, never their
username or e-mail address. A reply an editor writes from the moderation queue is
``from_shop``: it is approved as it is written and shows as the shop's answer.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..moderation.models import ModerationStatus

COMMENT_MAX_LENGTH = 1000
COMMENT_MIN_LENGTH = 2
REASON_MAX_LENGTH = 300


class GuideComment(models.Model):
    """What one signed-in reader wrote under one guide; ``parent`` is set on a reply."""

    wagtail_reference_index_ignore = True
    page = models.ForeignKey(
        "guides.GuidePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("guide")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="guide_comments",
        verbose_name=_("written by"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    display_name = models.CharField(_("shown as"), max_length=60, blank=True)
    from_shop = models.BooleanField(_("reply from the shop"), default=False)
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )
    reject_reason = models.CharField(_("why rejected"), max_length=REASON_MAX_LENGTH, blank=True)
    flagged_words = models.CharField(_("blocked words found"), max_length=200, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("guide comment")
        verbose_name_plural = _("guide comments")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["page", "status", "-created_at"]),
            models.Index(fields=["parent", "status"]),
        ]
        permissions = [("moderate_guide_comment", "Can approve and reject guide comments")]

    def __str__(self) -> str:
        return self.text[:60]
