"""Asking and answering: pending until answered, signed "Customer service <name>", the asker
e-mailed once in their language, phone answers and hidden questions kept off the page."""

import pytest
from django.core import mail

from commerce.models import OutgoingEmail, Question
from commerce.questions.services import (
    QuestionRefused,
    question_answer,
    question_answered_by_phone,
    question_ask,
    question_hide,
)
from core.errors import CommerceError
from tests.factories import UserFactory
from tests.factories.voice import make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def xiaowang(db):
    return UserFactory(username="cs_wang", first_name="小王", last_name="Wang")


def test_a_question_waits_for_an_answer(tea):
    question = question_ask(user=UserFactory(), product=tea, text="  Is it organic?  ")

    assert (question.status, question.text, question.answer) == ("pending", "Is it organic?", "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please fill in Your question."),
        ("abc", "Your question needs at least 4 characters."),
        ("x" * 301, "Your question may be at most 300 characters (you wrote 301)."),
        (
            "bell\x07",
            "Your question contains characters that cannot be shown; please remove them.",
        ),
    ],
)
def test_bad_questions_are_refused_with_a_message(tea, text, message):
    with pytest.raises(CommerceError) as refused:
        question_ask(user=UserFactory(), product=tea, text=text)

    assert refused.value.message == message
    assert not Question.objects.exists()


def test_a_product_not_live_cannot_be_asked_about(tea):
    tea.live = False

    with pytest.raises(QuestionRefused):
        question_ask(user=UserFactory(), product=tea, text="Is it back soon?")


def test_answering_signs_with_the_first_name_never_the_username(tea, xiaowang):
    question = make_question(tea)

    question_answer(question=question, staff=xiaowang, answer="Yes, spring 2026.")

    question.refresh_from_db()
    assert (question.status, question.answerer_name, question.answered_by) == (
        "answered",
        "小王",
        xiaowang,
    )
    assert "cs_wang" not in question.answerer_name


@pytest.mark.parametrize(
    ("language", "subject", "line"),
    [
        ("en", "Your question about Green tea has an answer", "Answer: Yes, spring 2026."),
        ("zh-hans", "您关于 Green tea 的问题已有回答", "回答: Yes, spring 2026."),
    ],
)
def test_the_asker_is_e_mailed_once_in_their_language(
    tea, xiaowang, django_capture_on_commit_callbacks, language, subject, line
):
    asker = UserFactory(email="asker@example.com")
    question = question_ask(user=asker, product=tea, text="Which harvest?", language=language)

    with django_capture_on_commit_callbacks(execute=True):
        question_answer(question=question, staff=xiaowang, answer="Yes, spring 2026.")
        question_answer(question=question, staff=xiaowang, answer="Yes, spring 2026.")

    email = OutgoingEmail.objects.get()
    assert (email.kind, email.to) == ("question_answered", "asker@example.com")
    assert subject in email.subject
    assert line in email.text_body and tea.url in email.text_body
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["asker@example.com"]


def test_html_in_the_question_is_escaped_in_the_e_mail(tea, xiaowang):
    question = question_ask(
        user=UserFactory(), product=tea, text="<script>alert(1)</script>?", language="en"
    )

    question_answer(question=question, staff=xiaowang, answer="<b>no</b>")

    email = OutgoingEmail.objects.get()
    assert "<script>" not in email.html_body and "&lt;script&gt;" in email.html_body
    assert "<b>no</b>" not in email.html_body
    assert "<script>alert(1)</script>?" in email.text_body  # plain text: shown as written


def test_changing_an_answer_keeps_it_published_and_mails_nobody_again(tea, xiaowang):
    question = make_question(tea, answer="First answer.")

    question_answer(question=question, staff=xiaowang, answer="Better answer.")

    question.refresh_from_db()
    assert (question.answer, question.status) == ("Better answer.", "answered")
    assert OutgoingEmail.objects.count() == 1


def test_answered_by_phone_and_hidden_leave_the_queue(tea, xiaowang):
    phoned, spam = make_question(tea), make_question(tea, text="Cheap watches here!")

    question_answered_by_phone(question=phoned, staff=xiaowang)
    question_hide(question=spam, staff=xiaowang, reason="Spam")

    assert list(Question.objects.values_list("status", "hide_reason").order_by("pk")) == [
        ("phone", ""),
        ("hidden", "Spam"),
    ]
    assert not Question.objects.filter(status="pending").exists()
