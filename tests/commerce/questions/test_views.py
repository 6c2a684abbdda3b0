"""The product page's Q&A: answered questions with "Customer service <name>", the asker's own
pending one, asking (signed in only), My questions, rate limits and escaping."""

import pytest
from django.urls import reverse

from commerce.models import Question
from tests.factories import UserFactory
from tests.factories.voice import make_question

pytestmark = pytest.mark.django_db


def _ask(client, product, text="Is it from this year?", **extra):
    return client.post(reverse("question_ask", args=[product.pk]), {"text": text, **extra})


def test_answered_questions_show_with_the_signature_pending_ones_only_to_the_asker(client, tea):
    make_question(tea, text="Which harvest?", answer="Spring 2026.")
    asker = UserFactory()
    make_question(tea, text="Is it organic?", user=asker)

    content = client.get(tea.url).content.decode()
    assert "Which harvest?" in content and "Spring 2026." in content
    assert "Customer service 小王" in content and "Questions (1)" in content
    assert "Is it organic?" not in content

    client.force_login(asker)
    content = client.get(tea.url).content.decode()
    assert "Is it organic?" in content and "Awaiting answer" in content


def test_a_signed_in_shopper_asks_and_is_sent_back_to_the_questions(client, tea):
    client.force_login(UserFactory())

    response = _ask(client, tea)

    assert response.status_code == 302 and response.url == tea.url + "#questions"
    assert Question.objects.get().status == "pending"


def test_a_visitor_is_asked_to_sign_in_and_nothing_is_stored(client, tea):
    response = _ask(client, tea)

    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "Sign in to ask a question" in client.get(tea.url).content.decode()
    assert not Question.objects.exists()


def test_the_honeypot_and_a_bad_text_store_nothing(client, tea):
    client.force_login(UserFactory())

    _ask(client, tea, website="http://spam.example")
    response = _ask(client, tea, text="ab")

    assert not Question.objects.exists()
    assert (
        "Your question needs at least 4 characters." in client.get(response.url).content.decode()
    )


def test_the_question_and_answer_are_escaped_on_the_product_page(client, tea):
    make_question(tea, text="<script>alert(1)</script>", answer="<img src=x onerror=alert(2)>")

    content = client.get(tea.url).content.decode()

    assert "<script>alert(1)</script>" not in content and "<img src=x" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_too_many_questions_answer_429_and_change_nothing(client, tea):
    client.force_login(UserFactory())
    for n in range(5):
        _ask(client, tea, text=f"Question number {n}")

    response = _ask(client, tea, text="One more question")

    assert response.status_code == 429
    assert "You have asked many questions in a short while" in response.content.decode()
    assert Question.objects.count() == 5


def test_my_questions_lists_only_mine_with_answers(client, tea):
    me = UserFactory()
    make_question(tea, text="Mine, answered", answer="Here it is.", user=me)
    make_question(tea, text="Someone else's")
    client.force_login(me)

    content = client.get(reverse("question_list")).content.decode()

    assert "Mine, answered" in content and "Here it is." in content
    assert "Someone else's" not in content


def test_asking_about_an_unknown_product_is_not_found(client):
    client.force_login(UserFactory())

    assert client.post(reverse("question_ask", args=[999]), {"text": "Hello?"}).status_code == 404
