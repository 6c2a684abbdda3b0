"""A shopper's question about a product and customer service's answer.

A question shows on the product page only once answered (and not hidden); until then
only its asker sees it, marked "awaiting answer". The answer is signed with the staff
member's chosen name ("客服 小王"), never their username.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

QUESTION_MAX_LENGTH = 300
ANSWER_MAX_LENGTH = 1000


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting answer")
    ANSWERED = "answered", _("Answered")
    PHONE = "phone", _("Answered by phone")
    HIDDEN = "hidden", _("Hidden")


class Question(models.Model):
    """One question asked on a product page, with its answer once given."""

    wagtail_reference_index_ignore = True
    product = models.ForeignKey(
        "products.Product", on_delete=models.CASCADE, related_name="+", verbose_name=_("product")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("asked by"),
    )
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    text = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=QuestionStatus.choices,
        default=QuestionStatus.PENDING,
        db_index=True,
    )
    flagged_words = models.CharField(_("blocked words found"), max_length=200, blank=True)
    answer = models.TextField(_("answer"), max_length=ANSWER_MAX_LENGTH, blank=True)
    answerer_name = models.CharField(_("answered as"), max_length=30, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    hide_reason = models.CharField(_("why hidden"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    class Meta:
        verbose_name = _("product question")
        verbose_name_plural = _("product questions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["product", "status", "-answered_at"])]
        permissions = [("answer_question", "Can answer and hide product questions")]

    def __str__(self) -> str:
        return self.text[:60]
