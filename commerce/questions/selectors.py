"""The product page's answered questions (newest answer first) and a shopper's own."""

from .models import Question, QuestionStatus

PER_PAGE = 10


def product_questions_page(product_id: int, *, page=1) -> dict:
    """One page of answered questions and their count: two queries whatever the number."""
    answered = Question.objects.filter(product_id=product_id, status=QuestionStatus.ANSWERED)
    total = answered.count()
    pages = max(1, -(-total // PER_PAGE))
    try:
        number = min(max(1, int(page)), pages)
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * PER_PAGE
    return {
        "questions": list(answered.order_by("-answered_at", "-pk")[offset : offset + PER_PAGE]),
        "question_count": total,
        "question_page": number,
        "question_previous": number - 1 if number > 1 else None,
        "question_next": number + 1 if number < pages else None,
    }


def own_pending_questions(user, product_id: int) -> list[Question]:
    return list(
        Question.objects.filter(user=user, product_id=product_id, status=QuestionStatus.PENDING)
    )
