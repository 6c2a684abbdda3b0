"""Guide comments on the guide page: approved threads for everyone, a reader's own waiting or
rejected ones only to them, posting signed in only, errors that keep what was typed, rate
limits, escaping, a fixed number of queries however many comments there are."""

import pytest
from django.urls import reverse

from commerce.guide_comments.services import (
    guide_comment_approve,
    guide_comment_post,
    guide_comment_reject,
    guide_comment_reply_as_shop,
)
from commerce.models import GuideComment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _post(client, guide, text="Thanks for the tips!", **extra):
    return client.post(reverse("guide_comment_post", args=[guide.pk]), {"text": text, **extra})


def _shown(guide, editor, text, user=None):
    comment = guide_comment_post(user=user or UserFactory(), page=guide, text=text)
    return guide_comment_approve(comment=comment, staff=editor)


def test_approved_comments_and_replies_show_pending_ones_only_to_their_author(
    client, guide, editor, reader
):
    top = _shown(guide, editor, "Lovely guide")
    guide_comment_reply_as_shop(comment=top, staff=editor, text="Glad it helps")
    guide_comment_post(user=reader, page=guide, text="My pending words")

    content = client.get(guide.url).content.decode()
    assert "Lovely guide" in content and "Glad it helps" in content
    assert "Comments (2)" in content and "My pending words" not in content

    client.force_login(reader)
    content = client.get(guide.url).content.decode()
    assert "My pending words" in content


def test_a_rejected_comment_shows_its_reason_to_its_author_only(client, guide, editor, reader):
    comment = guide_comment_post(user=reader, page=guide, text="Visit my shop")
    guide_comment_reject(comment=comment, staff=editor, reason="Advertising")

    assert "Visit my shop" not in client.get(guide.url).content.decode()
    client.force_login(reader)
    content = client.get(guide.url).content.decode()
    assert "Visit my shop" in content and "Advertising" in content


def test_a_signed_in_reader_posts_and_is_sent_back_to_the_comments(client, guide, reader):
    client.force_login(reader)

    response = _post(client, guide)

    assert response.status_code == 302 and response.url == guide.url + "#comments"
    assert GuideComment.objects.get().status == "pending"


def test_a_visitor_is_sent_to_sign_in_and_nothing_is_stored(client, guide):
    response = _post(client, guide)

    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "Sign in to comment" in client.get(guide.url).content.decode()
    assert not GuideComment.objects.exists()


def test_a_refused_text_shows_the_message_and_keeps_the_words(client, guide, reader):
    client.force_login(reader)

    response = _post(client, guide, text="x" * 1001)

    assert response.status_code == 400
    content = response.content.decode()
    assert "may be at most 1000 characters" in content and "x" * 1001 in content
    assert not GuideComment.objects.exists()


@pytest.mark.parametrize("parent", ["abc", "999999", "-1"])
def test_a_reply_to_no_comment_is_refused(client, guide, reader, parent):
    client.force_login(reader)

    response = _post(client, guide, parent=parent)

    assert response.status_code == 400 and "cannot be replied to" in response.content.decode()
    assert not GuideComment.objects.exists()


def test_a_reader_replies_under_a_shown_comment(client, guide, editor, reader):
    top = _shown(guide, editor, "Which cup is best?")
    client.force_login(reader)

    _post(client, guide, text="A glass one", parent=str(top.pk))

    reply = GuideComment.objects.get(parent=top)
    assert (reply.user, reply.status) == (reader, "pending")


def test_the_honeypot_stores_nothing(client, guide, reader):
    client.force_login(reader)

    _post(client, guide, website="http://spam.example")

    assert not GuideComment.objects.exists()


def test_too_many_comments_answer_429_and_change_nothing(client, guide, reader):
    client.force_login(reader)
    for n in range(5):
        _post(client, guide, text=f"Comment number {n}")

    response = _post(client, guide, text="One more comment")

    assert response.status_code == 429
    assert "many comments in a short while" in response.content.decode()
    assert GuideComment.objects.count() == 5


def test_comments_are_escaped(client, guide, editor):
    _shown(guide, editor, "<script>alert(1)</script>")

    content = client.get(guide.url).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_posting_to_an_unknown_or_unpublished_guide_is_not_found(client, reader):
    client.force_login(reader)

    assert (
        client.post(reverse("guide_comment_post", args=[999999]), {"text": "Hi"}).status_code
        == 404
    )


def test_a_comment_page_out_of_range_shows_the_last_one(client, guide, editor):
    _shown(guide, editor, "Only comment")

    for value in ("999", "abc", "-3"):
        response = client.get(guide.url, {"comment_page": value})
        assert response.status_code == 200 and "Only comment" in response.content.decode()


def test_the_guide_page_costs_the_same_with_5_or_50_comments(
    client, guide, editor, reader, django_assert_max_num_queries
):
    def queries_for_page() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(guide.url).status_code == 200
        return len(captured)

    client.force_login(reader)
    for n in range(5):
        top = _shown(guide, editor, f"Comment {n}")
        guide_comment_reply_as_shop(comment=top, staff=editor, text=f"Reply {n}")
    few = queries_for_page()
    for n in range(45):
        top = _shown(guide, editor, f"More {n}")
        guide_comment_reply_as_shop(comment=top, staff=editor, text=f"Answer {n}")

    with django_assert_max_num_queries(few):
        client.get(guide.url)


def test_a_reply_to_a_comment_still_waiting_is_refused_with_a_message(
    client, guide, editor, reader
):
    waiting = guide_comment_post(user=UserFactory(), page=guide, text="Not shown yet")
    client.force_login(reader)

    response = _post(client, guide, text="Replying", parent=str(waiting.pk))

    assert response.status_code == 400 and "cannot be replied to" in response.content.decode()
    assert GuideComment.objects.count() == 1


def test_ids_too_big_for_any_column_are_not_found_or_refused(client, guide, reader):
    client.force_login(reader)
    huge = "9" * 40

    assert client.post(f"/guide-comments/{huge}/", {"text": "Hello there"}).status_code == 404
    response = _post(client, guide, text="Hello there", parent=huge)

    assert response.status_code == 400 and not GuideComment.objects.exists()
