"""Reading guide comments: one page of approved threads, and a reader's own waiting ones.

The guide page runs the same queries whatever the number of comments: one count, one page
of top-level comments (newest first), one for the approved replies of that page (a
subquery of the same page, so it always runs) and, for a signed-in reader, one for their
own comments not shown (pending or rejected).
"""

from django.db.models import Count, Q, Subquery

from ..moderation.models import ModerationStatus
from .models import GuideComment

PER_PAGE = 20


def guide_comments_page(page_id: int, *, page=1) -> dict:
    """Approved threads of the guide ``page_id``: each top-level comment with ``reply_list``."""
    approved = GuideComment.objects.filter(page_id=page_id, status=ModerationStatus.APPROVED)
    # A reply counts only under a shown comment: rejecting a comment hides its replies too.
    counts = approved.aggregate(
        comments=Count(
            "pk", filter=Q(parent__isnull=True) | Q(parent__status=ModerationStatus.APPROVED)
        ),
        threads=Count("pk", filter=Q(parent__isnull=True)),
    )
    pages = max(1, -(-counts["threads"] // PER_PAGE))
    try:
        number = min(max(1, int(page)), pages)
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * PER_PAGE
    top = approved.filter(parent__isnull=True).order_by("-created_at", "-pk")
    threads = list(top[offset : offset + PER_PAGE])
    window = top.values("pk")[offset : offset + PER_PAGE]
    replies: dict[int, list] = {}
    for reply in approved.filter(parent_id__in=Subquery(window)).order_by("created_at", "pk"):
        replies.setdefault(reply.parent_id, []).append(reply)
    for thread in threads:
        thread.reply_list = replies.get(thread.pk, [])
    return {
        "comment_threads": threads,
        "comment_count": counts["comments"],
        "comment_page": number,
        "comment_pages": pages,
        "comment_previous": number - 1 if number > 1 else None,
        "comment_next": number + 1 if number < pages else None,
    }


def own_waiting_comments(user, page_id: int) -> list[GuideComment]:
    """The reader's own comments on the guide that others do not see: pending or rejected,
    oldest first."""
    return list(
        GuideComment.objects.filter(user=user, page_id=page_id)
        .exclude(status=ModerationStatus.APPROVED)
        .order_by("created_at", "pk")
    )


def place_own_comments(threads: list, own: list) -> list:
    """Put the reader's waiting replies under their thread when it is on this page; what is
    left (their top-level comments, replies to threads on other pages) is returned."""
    by_pk = {thread.pk: thread for thread in threads}
    rest = []
    for comment in own:
        thread = by_pk.get(comment.parent_id)
        if thread is not None:
            thread.reply_list = [*thread.reply_list, comment]
        else:
            rest.append(comment)
    return rest
