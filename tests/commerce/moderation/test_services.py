"""Blocked words flag an item for moderation, never reject it."""

import pytest

from commerce.models import BlockedWord
from commerce.moderation.services import blocked_words_in
from commerce.questions.services import question_ask
from tests.factories import UserFactory
from tests.factories.voice import make_review

pytestmark = pytest.mark.django_db


def test_blocked_words_are_found_case_insensitively_once_each():
    BlockedWord.objects.create(word="cheap")
    BlockedWord.objects.create(word="代购")
    BlockedWord.objects.create(word="free")

    assert blocked_words_in("CHEAP 代购, cheap again", "also Cheap") == "cheap, 代购"
    assert blocked_words_in("nothing to see") == ""


def test_a_review_with_a_blocked_word_is_stored_pending_and_flagged(tea):
    BlockedWord.objects.create(word="代购")

    review = make_review(tea, status="pending", text="找我代购更便宜")

    assert (review.status, review.flagged_words) == ("pending", "代购")


def test_a_question_with_a_blocked_word_is_stored_and_flagged(tea):
    BlockedWord.objects.create(word="whatsapp")

    question = question_ask(user=UserFactory(), product=tea, text="Add me on WhatsApp?")

    assert (question.status, question.flagged_words) == ("pending", "whatsapp")
