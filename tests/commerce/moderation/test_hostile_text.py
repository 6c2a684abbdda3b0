"""Every field shoppers (and staff) write about products is shown as text, never as markup:
on the product page, on the shopper's own pages and in the admin queues, whoever wrote it.

Each test puts the same payloads (a script, an ``onerror`` handler, a ``javascript:`` link)
into one more field and checks that the page shows them escaped: the raw markup is absent
and its escaped form is present, so the field was rendered at all. The question e-mail and
the tell-a-friend mail are checked in their own packages' tests.
"""

import pytest
from django.urls import reverse

from commerce.questions.services import question_answer, question_ask
from commerce.reviews.services import review_reject, review_reply
from tests.factories import UserFactory
from tests.factories.voice import make_question, make_review

pytestmark = pytest.mark.django_db

XSS = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'
# A name is cut to its field's length; its start still carries the script and the handler.
XSS_NAME = "<script>alert(1)</script><img src=x onerror=alert(2)>"
RAW = ("<script>alert(1)", "<img src=x onerror", 'href="javascript:')


def assert_escaped(content: str) -> None:
    """No payload survives as markup, and the escaped script shows (the field was drawn)."""
    for raw in RAW:
        assert raw not in content
    assert "&lt;script&gt;alert(1)" in content


def _hostile(**fields):
    return UserFactory(first_name=XSS_NAME, last_name="", **fields)


# --- the product page -----------------------------------------------------------------------


def test_a_reviewers_name_and_the_shops_reply_are_escaped_on_the_product_page(client, tea):
    review = make_review(tea, user=_hostile(), text="Good and fresh.")
    review_reply(review=review, staff=UserFactory(), reply=XSS)

    content = client.get(tea.url).content.decode()

    assert_escaped(content)
    assert content.count("&lt;script&gt;alert(1)") == 2  # the name and the reply


def test_an_answer_signed_with_a_hostile_staff_name_is_escaped(client, tea):
    question = question_ask(user=UserFactory(), product=tea, text="Is it organic?")
    question_answer(question=question, staff=_hostile(), answer="Yes.")

    assert_escaped(client.get(tea.url).content.decode())


def test_the_askers_own_pending_question_is_escaped_for_them(client, tea):
    asker = UserFactory()
    make_question(tea, user=asker, text=XSS)
    client.force_login(asker)

    assert_escaped(client.get(tea.url).content.decode())


def test_a_rejection_reason_is_escaped_for_the_author(client, tea):
    review = make_review(tea, status="pending")
    review_reject(review=review, staff=UserFactory(), reason=XSS)
    client.force_login(review.user)

    assert_escaped(client.get(tea.url).content.decode())
    assert_escaped(client.get(reverse("review_list")).content.decode())


# --- the shopper's own pages ----------------------------------------------------------------


def test_my_reviews_shows_the_text_and_reply_escaped(client, tea):
    review = make_review(tea, text=XSS)
    review_reply(review=review, staff=UserFactory(), reply=XSS)
    client.force_login(review.user)

    content = client.get(reverse("review_list")).content.decode()

    assert_escaped(content)
    assert content.count("&lt;script&gt;alert(1)") == 2


def test_changing_a_review_shows_the_old_text_escaped_in_the_form(client, tea):
    review = make_review(tea, text=XSS)
    client.force_login(review.user)

    content = client.get(reverse("review_write", args=[review.order_line_id])).content.decode()

    assert_escaped(content)


def test_my_questions_shows_the_question_and_answer_escaped(client, tea):
    asker = UserFactory()
    make_question(tea, user=asker, text=XSS, answer=XSS)
    client.force_login(asker)

    content = client.get(reverse("question_list")).content.decode()

    assert_escaped(content)
    assert content.count("&lt;script&gt;alert(1)") == 2


# --- the admin ------------------------------------------------------------------------------


def test_the_review_queue_and_page_escape_name_text_reason_reply_and_flags(
    client, staff_user, tea
):
    from commerce.models import BlockedWord

    BlockedWord.objects.create(word="<script>alert(1)</script>")
    review = make_review(tea, user=_hostile(), text=XSS, status="pending")
    client.force_login(staff_user("Customer service"))

    queue = client.get(reverse("reviews_admin:queue")).content.decode()
    assert_escaped(queue)
    assert queue.count("&lt;script&gt;alert(1)") == 3  # shopper, text, blocked word

    review_reply(review=review, staff=UserFactory(), reply=XSS)
    review_reject(review=review, staff=UserFactory(), reason=XSS)
    page = client.get(reverse("reviews_admin:review", args=[review.pk])).content.decode()
    assert_escaped(page)
    # shopper, shown-as name, reason, text, blocked word and the reply in its textarea
    assert page.count("&lt;script&gt;alert(1)") == 6


def test_a_merchandiser_reads_the_reply_escaped(client, staff_user, tea):
    review = make_review(tea)
    review_reply(review=review, staff=UserFactory(), reply=XSS)
    client.force_login(staff_user("Merchandisers"))

    assert_escaped(client.get(reverse("reviews_admin:review", args=[review.pk])).content.decode())


def test_the_q_and_a_queue_and_page_escape_the_asker_and_the_question(client, staff_user, tea):
    question = make_question(tea, user=_hostile(), text=XSS)
    client.force_login(staff_user("Customer service"))

    queue = client.get(reverse("questions_admin:queue")).content.decode()
    assert_escaped(queue)
    assert queue.count("&lt;script&gt;alert(1)") == 2  # asker and question

    question_answer(question=question, staff=UserFactory(first_name="Wang"), answer=XSS)
    page = client.get(reverse("questions_admin:question", args=[question.pk])).content.decode()
    assert_escaped(page)
    assert page.count("&lt;script&gt;alert(1)") == 3  # asker, question, answer in its textarea
