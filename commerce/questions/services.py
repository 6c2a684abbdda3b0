"""Asking and answering product questions; the asker is e-mailed when the answer is out."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import CommerceError
from core.user_text import user_text_clean

from ..moderation.services import blocked_words_in
from ..outbox.services import absolute_url, email_queue
from .models import ANSWER_MAX_LENGTH, QUESTION_MAX_LENGTH, Question, QuestionStatus


class QuestionRefused(CommerceError):
    code = "question_refused"


def question_ask(*, user, product, text: str, language: str | None = None) -> Question:
    """A pending question from a signed-in shopper about a live product."""
    if not product.live:
        raise QuestionRefused(_("This product is not in the shop."))
    clean = user_text_clean(
        text, label=_("Your question"), max_length=QUESTION_MAX_LENGTH, min_length=4
    )
    return Question.objects.create(
        product=product,
        user=user,
        text=clean,
        language=language or translation.get_language() or "zh-hans",
        flagged_words=blocked_words_in(clean),
    )


def staff_signature(staff) -> str:
    """The name an answer is signed with: the staff member's first name, never a username."""
    return (staff.first_name or "").strip()[:30]


def question_answer(*, question: Question, staff, answer: str) -> Question:
    """Publish ``answer`` under the question (or change it) and e-mail the asker once."""
    clean = user_text_clean(answer, label=_("The answer"), max_length=ANSWER_MAX_LENGTH)
    with transaction.atomic():
        first_answer = question.status != QuestionStatus.ANSWERED
        question.answer, question.status = clean, QuestionStatus.ANSWERED
        question.answered_by, question.answerer_name = staff, staff_signature(staff)
        question.answered_at = question.answered_at if not first_answer else timezone.now()
        question.hide_reason = ""
        question.save()
        if first_answer and question.user.email:
            email_queue(
                kind="question_answered",
                to=question.user.email,
                language=question.language,
                context={
                    "question": question,
                    "product_name": question.product.name,
                    "product_url": absolute_url(question.product.url or "/"),
                },
                dedupe_key=f"question:{question.pk}:answered",
            )
    return question


def question_answered_by_phone(*, question: Question, staff) -> Question:
    """Customer service called the shopper: off the queue, not shown on the product page."""
    question.status, question.answered_by = QuestionStatus.PHONE, staff
    question.answered_at = timezone.now()
    question.save(update_fields=["status", "answered_by", "answered_at"])
    return question


def question_hide(*, question: Question, staff, reason: str) -> Question:
    """Spam or abuse: hidden from the product page and the queue, with the reason kept."""
    question.hide_reason = user_text_clean(reason, label=_("The reason"), max_length=300)
    question.status, question.answered_by = QuestionStatus.HIDDEN, staff
    question.save(update_fields=["status", "hide_reason", "answered_by"])
    return question
