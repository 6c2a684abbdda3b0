"""Posting and moderating guide comments: pending until an editor approves, replies one level
deep, blocked words sent to moderation, the guide's author e-mailed once, a reason the reader
reads, the shop's reply shown at once."""

import pytest

from commerce.guide_comments.services import (
    CommentRefused,
    guide_comment_approve,
    guide_comment_post,
    guide_comment_reject,
    guide_comment_reply_as_shop,
)
from commerce.models import BlockedWord, GuideComment, OutgoingEmail
from core.errors import CommerceError
from tests.factories import GuidePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_comment_waits_for_an_editor_and_shows_the_name_not_the_username(guide, reader):
    comment = guide_comment_post(user=reader, page=guide, text="  Very useful, thank you!  ")

    assert (comment.status, comment.text) == ("pending", "Very useful, thank you!")
    assert comment.display_name == "Mei Zhang" and reader.username not in comment.display_name


def test_the_guide_author_is_e_mailed_once_with_a_link_to_the_queue(guide, reader, editor):
    comment = guide_comment_post(user=reader, page=guide, text="Which water temperature?")

    email = OutgoingEmail.objects.get()
    assert (email.kind, email.to) == ("guide_comment", "editor@example.com")
    assert "Choosing green tea" in email.subject
    assert f"/admin/guide-comments/{comment.pk}/" in email.text_body
    assert "Which water temperature?" in email.text_body


def test_an_editor_commenting_is_published_at_once_and_nobody_is_mailed(guide, editor):
    comment = guide_comment_post(user=editor, page=guide, text="A note from the author.")

    assert comment.status == "approved" and comment.moderated_by == editor
    assert not OutgoingEmail.objects.exists()


def test_a_blocked_word_sends_even_an_editors_comment_to_moderation(guide, editor, reader):
    BlockedWord.objects.create(word="cheap pills")

    comment = guide_comment_post(user=reader, page=guide, text="Buy CHEAP PILLS here")
    own = guide_comment_post(user=editor, page=guide, text="cheap pills are not tea")

    assert (comment.status, comment.flagged_words) == ("pending", "cheap pills")
    assert own.status == "pending"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please fill in Your comment."),
        ("a", "Your comment needs at least 2 characters."),
        ("x" * 1001, "Your comment may be at most 1000 characters (you wrote 1001)."),
        ("bad\x00byte", "Your comment contains characters that cannot be shown"),
    ],
)
def test_bad_texts_are_refused_and_nothing_is_stored(guide, reader, text, message):
    with pytest.raises(CommerceError) as refused:
        guide_comment_post(user=reader, page=guide, text=text)

    assert message in refused.value.message
    assert not GuideComment.objects.exists()


def test_a_guide_not_live_cannot_be_commented(reader):
    draft = GuidePageFactory(live=False)

    with pytest.raises(CommentRefused):
        guide_comment_post(user=reader, page=draft, text="Hello there")


def test_replies_go_one_level_deep_and_only_under_a_shown_comment(guide, reader, editor):
    top = guide_comment_post(user=reader, page=guide, text="First comment")
    with pytest.raises(CommentRefused):  # still pending
        guide_comment_post(user=reader, page=guide, text="Reply", parent=top)

    guide_comment_approve(comment=top, staff=editor)
    reply = guide_comment_post(user=UserFactory(), page=guide, text="Agreed", parent=top)
    with pytest.raises(CommentRefused, match="one level deep"):
        guide_comment_post(user=reader, page=guide, text="Deeper", parent=reply)
    other_guide = GuidePageFactory()
    with pytest.raises(CommentRefused):
        guide_comment_post(user=reader, page=other_guide, text="Elsewhere", parent=top)

    assert reply.parent == top and GuideComment.objects.count() == 2


def test_rejecting_keeps_the_reason_for_the_reader(guide, reader, editor):
    comment = guide_comment_post(user=reader, page=guide, text="Off topic advert")

    guide_comment_reject(comment=comment, staff=editor, reason="  Advertising  ")

    comment.refresh_from_db()
    assert (comment.status, comment.reject_reason, comment.moderated_by) == (
        "rejected",
        "Advertising",
        editor,
    )


def test_the_shops_reply_approves_the_comment_and_shows_at_once(guide, reader, editor):
    comment = guide_comment_post(user=reader, page=guide, text="Can I keep it in the fridge?")

    reply = guide_comment_reply_as_shop(comment=comment, staff=editor, text="Better not.")

    comment.refresh_from_db()
    assert comment.status == "approved"
    assert (reply.status, reply.from_shop, reply.parent, reply.display_name) == (
        "approved",
        True,
        comment,
        "林",
    )


def test_the_shop_cannot_reply_to_a_rejected_comment_or_to_a_reply(guide, reader, editor):
    rejected = guide_comment_post(user=reader, page=guide, text="Spam spam")
    guide_comment_reject(comment=rejected, staff=editor, reason="Spam")
    with pytest.raises(CommentRefused):
        guide_comment_reply_as_shop(comment=rejected, staff=editor, text="No")

    shown = guide_comment_post(user=editor, page=guide, text="Hello readers")
    reply = guide_comment_reply_as_shop(comment=shown, staff=editor, text="More")
    with pytest.raises(CommentRefused):
        guide_comment_reply_as_shop(comment=reply, staff=editor, text="Deeper")

    assert GuideComment.objects.filter(from_shop=True).count() == 1
