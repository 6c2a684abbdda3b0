"""The admin's Customer voice menu: who opens the review queue, the Q&A queue and the
blocked words; moderating and answering through the queues; escaping in the admin."""

import pytest
from django.urls import reverse

from commerce.models import BlockedWord, OutgoingEmail, Question, Review
from commerce.questions.services import question_ask
from products.models import ProductStats
from tests.factories import UserFactory
from tests.factories.voice import make_question, make_review

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>"
QUEUES = ["reviews_admin:queue", "questions_admin:queue", "blocked_words:index"]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (
            "Customer service",
            {"reviews_admin:queue", "questions_admin:queue", "blocked_words:index"},
        ),
        ("Managers", {"reviews_admin:queue", "questions_admin:queue", "blocked_words:index"}),
        ("Merchandisers", {"reviews_admin:queue"}),
        ("Editors", set()),
        ("Finance", set()),
        ("Logistics", set()),
        ("Designers", set()),
    ],
)
def test_each_role_opens_only_its_queues(client, staff_user, role, allowed):
    client.force_login(staff_user(role))

    codes = {name: client.get(reverse(name)).status_code for name in QUEUES}

    assert {name for name, code in codes.items() if code == 200} == allowed
    assert all(code in (302, 403) for name, code in codes.items() if name not in allowed)


def test_a_shopper_and_a_visitor_are_sent_to_sign_in(client):
    for name in QUEUES:
        assert client.get(reverse(name)).status_code == 302
    client.force_login(UserFactory())
    for name in QUEUES:
        assert client.get(reverse(name)).status_code == 302


def test_the_menu_shows_to_customer_service_not_to_finance(client, staff_user):
    client.force_login(staff_user("Customer service"))
    assert "Customer voice" in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff_user("Finance"))
    assert "Customer voice" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_merchandiser_reads_a_review_but_cannot_moderate_it(client, staff_user, tea):
    review = make_review(tea, status="pending")
    client.force_login(staff_user("Merchandisers"))
    url = reverse("reviews_admin:review", args=[review.pk])

    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "approve"}).status_code in (302, 403)  # admin: to home
    review.refresh_from_db()
    assert review.status == "pending"


def test_customer_service_approves_replies_and_rejects_through_the_queue(client, staff_user, tea):
    review = make_review(tea, rating=4, status="pending", text=XSS)
    client.force_login(staff_user("Customer service"))
    url = reverse("reviews_admin:review", args=[review.pk])

    queue = client.get(reverse("reviews_admin:queue")).content.decode()
    assert XSS not in queue and "&lt;script&gt;" in queue
    assert XSS not in client.get(url).content.decode()

    client.post(url, {"action": "approve"})
    client.post(url, {"action": "reply", "reply": "Thank you for your words."})
    assert ProductStats.objects.get(product=tea).review_count == 1

    client.post(url, {"action": "reject", "reason": "Contains code."})
    review.refresh_from_db()
    assert (review.status, review.reject_reason, review.reply) == (
        "rejected",
        "Contains code.",
        "Thank you for your words.",
    )
    assert ProductStats.objects.get(product=tea).review_count == 0


def test_a_reject_without_a_reason_changes_nothing(client, staff_user, tea):
    review = make_review(tea, status="pending")
    client.force_login(staff_user("Customer service"))

    response = client.post(
        reverse("reviews_admin:review", args=[review.pk]), {"action": "reject", "reason": ""}
    )

    assert response.status_code == 400
    review.refresh_from_db()
    assert review.status == "pending"


def test_the_review_queue_lists_pending_oldest_first(client, staff_user, tea):
    first = make_review(tea, status="pending", text="The first one, oldest.")
    make_review(tea, status="pending", text="The second one, newer.")
    make_review(tea, text="Approved already, not in the queue.")
    client.force_login(staff_user("Customer service"))

    content = client.get(reverse("reviews_admin:queue")).content.decode()

    assert content.index("The first one") < content.index("The second one")
    assert "Approved already" not in content
    assert reverse("reviews_admin:review", args=[first.pk]) in content


def test_customer_service_answers_in_the_q_and_a_queue_and_the_asker_is_mailed(
    client, staff_user, tea
):
    question = make_question(tea, text=XSS + " organic?")
    client.force_login(staff_user("Customer service", first_name="小王"))

    queue = client.get(reverse("questions_admin:queue")).content.decode()
    assert XSS not in queue and "&lt;script&gt;" in queue
    response = client.post(
        reverse("questions_admin:question", args=[question.pk]),
        {"action": "answer", "answer": "Yes, certified."},
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.status, question.answerer_name) == ("answered", "小王")
    assert OutgoingEmail.objects.filter(kind="question_answered").count() == 1
    assert "Yes, certified." in client.get(tea.url).content.decode()


def test_hide_needs_a_reason_and_answered_by_phone_leaves_the_page_empty(client, staff_user, tea):
    spam, phoned = make_question(tea, text="Cheap watches!"), make_question(tea)
    client.force_login(staff_user("Customer service"))

    bad = client.post(
        reverse("questions_admin:question", args=[spam.pk]), {"action": "hide", "reason": ""}
    )
    client.post(
        reverse("questions_admin:question", args=[spam.pk]), {"action": "hide", "reason": "Spam"}
    )
    client.post(reverse("questions_admin:question", args=[phoned.pk]), {"action": "phone"})

    assert bad.status_code == 400
    assert dict(Question.objects.values_list("pk", "status")) == {
        spam.pk: "hidden",
        phoned.pk: "phone",
    }
    assert "Cheap watches!" not in client.get(tea.url).content.decode()


def test_customer_service_adds_a_blocked_word(client, staff_user):
    client.force_login(staff_user("Customer service"))

    response = client.post(reverse("blocked_words:add"), {"word": "代购"})

    assert response.status_code == 302
    assert list(BlockedWord.objects.values_list("word", flat=True)) == ["代购"]


def test_a_flagged_review_is_marked_in_the_queue(client, staff_user, tea):
    BlockedWord.objects.create(word="cheap")
    make_review(tea, status="pending", text="Buy CHEAP tea at my shop")
    question_ask(user=UserFactory(), product=tea, text="Cheap copies anywhere?")
    client.force_login(staff_user("Customer service"))

    assert "Blocked words: cheap" in client.get(reverse("reviews_admin:queue")).content.decode()
    assert "Blocked words: cheap" in client.get(reverse("questions_admin:queue")).content.decode()
    assert Review.objects.get().status == "pending"
