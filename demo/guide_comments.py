"""Demo comments under the tea guide: two approved readers' comments, an editor's reply as the
shop and a reader's reply still waiting in the editors' queue.

Written through the shop's own functions (posting, approving, replying), then dated over the
last days. Safe to run again: a comment already there (same guide, reader and words) is
left as it is. The demo guides are credited to the demo editor when nobody owns them, so
the waiting reply's e-mail to the guide's author is in the outbox.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from commerce.guide_comments.services import (
    guide_comment_approve,
    guide_comment_post,
    guide_comment_reply_as_shop,
)
from commerce.models import GuideComment, OutgoingEmail
from guides.models import GuidePage

GUIDE_SLUG = "chinese-tea"
EDITOR = "editor"
# (reader, days ago, words, approved); the editor answers the question of ANSWERED_READER.
COMMENTS = (
    (
        "shopper",
        4,
        "照着指南第一次用盖碗泡了龙井，80 度的水确实不苦，谢谢！",
        True,
    ),
    (
        "shopper2",
        2,
        "普洱熟茶可以放冰箱保存吗？我家比较潮湿。",
        True,
    ),
)
SHOP_REPLY = "熟普不建议放冰箱，避光、通风、无异味的柜子就好；绿茶才需要密封冷藏。"
ANSWERED_READER = "shopper2"
WAITING_REPLY = ("shopper3", "我也想知道白茶怎么存放。")


@transaction.atomic
def load_guide_comment_demo(stdout=None) -> None:
    """Comments, the shop's reply and a waiting reply on the tea guide (see the module
    docstring)."""
    guide = GuidePage.objects.live().filter(slug=GUIDE_SLUG).first()
    users = {user.username: user for user in get_user_model().objects.all()}
    editor = users.get(EDITOR)
    if guide is None or editor is None:
        if stdout is not None:
            stdout.write("Guide comments: skipped (no tea guide or no demo editor)")
        return
    GuidePage.objects.filter(owner__isnull=True).update(owner=editor)
    guide.owner = editor
    created = 0
    now = timezone.now()
    answered = None
    written = []
    for username, days, text, approved in COMMENTS:
        comment, was_created = _comment(guide, users.get(username), text)
        if comment is None:
            continue
        if was_created:
            created += 1
            written.append(comment)
            if approved:
                guide_comment_approve(comment=comment, staff=editor)
            _date(comment, now - timedelta(days=days, hours=3))
        if username == ANSWERED_READER:
            answered = comment
    if answered is not None and not answered.replies.filter(from_shop=True).exists():
        reply = guide_comment_reply_as_shop(comment=answered, staff=editor, text=SHOP_REPLY)
        _date(reply, answered.created_at + timedelta(hours=5))
        created += 1
    if answered is not None and answered.status == "approved":
        username, text = WAITING_REPLY
        reply, was_created = _comment(guide, users.get(username), text, parent=answered)
        created += was_created
        if was_created:
            written.append(reply)
    _mark_sent(written)
    if stdout is not None:
        stdout.write(f"Guide comments: {created} created on “{guide.title}”")


def _comment(guide, user, text: str, parent=None):
    """The reader's comment with these words (posted now if it is not there yet) and whether it
    was posted; (None, False) without that reader."""
    if user is None:
        return None, False
    existing = GuideComment.objects.filter(page=guide, user=user, text=text).first()
    if existing is not None:
        return existing, False
    return guide_comment_post(
        user=user, page=guide, text=text, parent=parent, language="zh-hans"
    ), True


def _date(comment: GuideComment, when) -> None:
    GuideComment.objects.filter(pk=comment.pk).update(created_at=when, moderated_at=when)
    comment.created_at = when


def _mark_sent(comments) -> None:
    """The e-mails to the guide's author about these comments went out when they were
    written (as the demo orders' e-mails)."""
    for comment in comments:
        OutgoingEmail.objects.filter(dedupe_key=f"guide-comment:{comment.pk}:waiting").update(
            status=OutgoingEmail.Status.SENT, attempts=1, sent_at=comment.created_at
        )
