"""The guide comments queue in the admin: Editors and Managers only; approve, reject with a
reason, reply as the shop; bad input changes nothing; texts escaped."""

import pytest
from django.urls import reverse

from commerce.guide_comments.services import guide_comment_post
from commerce.models import GuideComment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "guide_comments_admin:queue"
XSS = "<script>alert(1)</script>"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("Editors", True),
        ("Managers", True),
        ("Customer service", False),
        ("Merchandisers", False),
        ("Finance", False),
        ("Logistics", False),
        ("Designers", False),
    ],
)
def test_only_editors_and_managers_open_the_queue(client, staff_user, role, allowed):
    client.force_login(staff_user(role))

    status = client.get(reverse(QUEUE)).status_code

    assert status == 200 if allowed else status in (302, 403)


def test_a_shopper_and_a_visitor_are_sent_to_sign_in(client):
    assert client.get(reverse(QUEUE)).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse(QUEUE)).status_code == 302


def test_the_queue_lists_pending_comments_oldest_first_escaped(client, guide, editor, reader):
    first = guide_comment_post(user=reader, page=guide, text=XSS)
    second = guide_comment_post(user=UserFactory(), page=guide, text="Second words")
    client.force_login(editor)

    content = client.get(reverse(QUEUE)).content.decode()

    assert content.index(f"/{first.pk}/") < content.index(f"/{second.pk}/")
    assert XSS not in content and "&lt;script&gt;" in content
    assert "Choosing green tea" in content


def test_an_editor_approves_rejects_and_replies_through_the_queue(client, guide, editor, reader):
    approve = guide_comment_post(user=reader, page=guide, text="Please approve me")
    reject = guide_comment_post(user=reader, page=guide, text="Please reject me")
    client.force_login(editor)

    client.post(reverse("guide_comments_admin:comment", args=[approve.pk]), {"action": "approve"})
    client.post(
        reverse("guide_comments_admin:comment", args=[reject.pk]),
        {"action": "reject", "reason": "Off topic"},
    )
    client.post(
        reverse("guide_comments_admin:comment", args=[approve.pk]),
        {"action": "reply", "reply": "Thank you for reading"},
    )

    approve.refresh_from_db()
    reject.refresh_from_db()
    assert approve.status == "approved"
    assert (reject.status, reject.reject_reason) == ("rejected", "Off topic")
    assert approve.replies.get().text == "Thank you for reading"


@pytest.mark.parametrize(
    "data", [{"action": "reject", "reason": ""}, {"action": "reply", "reply": ""}]
)
def test_an_empty_reason_or_reply_is_refused_and_changes_nothing(
    client, guide, editor, reader, data
):
    comment = guide_comment_post(user=reader, page=guide, text="Waiting here")
    client.force_login(editor)

    response = client.post(reverse("guide_comments_admin:comment", args=[comment.pk]), data)

    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.status == "pending" and GuideComment.objects.count() == 1


def test_customer_service_cannot_moderate_a_comment(client, staff_user, guide, reader):
    comment = guide_comment_post(user=reader, page=guide, text="Waiting here")
    client.force_login(staff_user("Customer service"))

    client.post(reverse("guide_comments_admin:comment", args=[comment.pk]), {"action": "approve"})

    comment.refresh_from_db()
    assert comment.status == "pending"


def test_an_unknown_comment_is_not_found(client, editor):
    client.force_login(editor)

    assert client.get(reverse("guide_comments_admin:comment", args=[999999])).status_code == 404
