"""Writing and moderating guide comments; the guide's author is e-mailed about each comment
that waits for moderation.

Every text passes ``user_text_clean`` (plain text, no control characters, length limits) and
the staff's blocked words: a hit never refuses the comment, it waits in the queue flagged.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from core.errors import CommerceError
from core.languages import language_codes, path_in_language
from core.user_text import user_text_clean

from ..moderation.models import ModerationStatus
from ..moderation.services import blocked_words_in
from ..outbox.services import absolute_url, email_queue
from .models import COMMENT_MAX_LENGTH, COMMENT_MIN_LENGTH, REASON_MAX_LENGTH, GuideComment

MODERATE = "commerce.moderate_guide_comment"


class CommentRefused(CommerceError):
    code = "comment_refused"


def comment_display_name(user) -> str:
    """How a reader appears under their comment: their name, never a username or e-mail
    ("" when they gave none; the page then says "Reader")."""
    return (user.get_full_name() or "").strip()[:60]


def _clean_text(text: str, *, label: str) -> str:
    return user_text_clean(
        text, label=label, max_length=COMMENT_MAX_LENGTH, min_length=COMMENT_MIN_LENGTH
    )


def guide_comment_post(
    *, user, page, text: str, parent: GuideComment | None = None, language: str | None = None
) -> GuideComment:
    """A comment (or a reply to an approved top-level comment) on a live guide.

    It waits for moderation, unless its author moderates guide comments and no blocked
    word is in it (an editor answering a reader). CommentRefused for a guide not live, a
    reply to a reply or to a comment not shown, or text refused by ``user_text_clean``.
    A comment that waits is announced to the guide's author (``guide_author``).
    """
    if not page.live:
        raise CommentRefused(_("This guide is not published."))
    if parent is not None:
        if parent.parent_id is not None:
            raise CommentRefused(_("Replies go one level deep: reply to the comment instead."))
        if parent.page_id != page.pk or parent.status != ModerationStatus.APPROVED:
            raise CommentRefused(_("This comment cannot be replied to."))
    clean = _clean_text(text, label=_("Your comment"))
    flagged = blocked_words_in(clean)
    shown = not flagged and user.has_perm(MODERATE)
    with transaction.atomic():
        comment = GuideComment.objects.create(
            page=page,
            user=user,
            parent=parent,
            text=clean,
            display_name=comment_display_name(user),
            language=language or translation.get_language() or settings.LANGUAGE_CODE,
            flagged_words=flagged,
            status=ModerationStatus.APPROVED if shown else ModerationStatus.PENDING,
            moderated_by=user if shown else None,
            moderated_at=timezone.now() if shown else None,
        )
        if not shown:
            _notify_author(comment, page)
    return comment


def guide_author(page):
    """The editor who answers for the guide: its owner (who created it), else whoever saved
    the revision that is live; only an active account with an e-mail address, else None."""
    revision = page.live_revision
    for user in (page.owner, revision.user if revision is not None else None):
        if user is not None and user.is_active and user.email:
            return user
    return None


def _notify_author(comment: GuideComment, page) -> None:
    """E-mail the guide's author (in their admin language) about a comment waiting for
    moderation, with a link to it in the queue; nobody when they wrote it themselves."""
    author = guide_author(page)
    if author is None or author.pk == comment.user_id:
        return
    language = admin_language(author)
    email_queue(
        kind="guide_comment",
        to=author.email,
        language=language,
        context={
            "comment": comment,
            "guide_title": page.title,
            "guide_url": absolute_url(path_in_language(page.url or "/", language)),
            "moderate_url": absolute_url(
                reverse("guide_comments_admin:comment", args=[comment.pk])
            ),
        },
        dedupe_key=f"guide-comment:{comment.pk}:waiting",
    )


def admin_language(user) -> str:
    """The language ``user`` chose for the admin (their Wagtail profile), else the shop's."""
    chosen = (
        UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    return chosen if chosen in language_codes() else settings.LANGUAGE_CODE


def _moderated(comment: GuideComment, *, staff, status: str, reason: str = "") -> GuideComment:
    comment.status, comment.reject_reason = status, reason
    comment.moderated_by, comment.moderated_at = staff, timezone.now()
    comment.save(update_fields=["status", "reject_reason", "moderated_by", "moderated_at"])
    return comment


def guide_comment_approve(*, comment: GuideComment, staff) -> GuideComment:
    """Show the comment (and the replies approved under it) on the guide page. Nobody is
    e-mailed: the author sees it on the page."""
    return _moderated(comment, staff=staff, status=ModerationStatus.APPROVED)


def guide_comment_reject(*, comment: GuideComment, staff, reason: str) -> GuideComment:
    """Hide the comment (and so its replies); its author reads ``reason`` under the guide."""
    reason = user_text_clean(reason, label=_("The reason"), max_length=REASON_MAX_LENGTH)
    return _moderated(comment, staff=staff, status=ModerationStatus.REJECTED, reason=reason)


def guide_comment_reply_as_shop(*, comment: GuideComment, staff, text: str) -> GuideComment:
    """The shop's answer under a reader's top-level comment, shown at once; a comment still
    waiting is approved with it (answering it is deciding it may show).

    CommentRefused for a reply (one level deep) or a rejected comment.
    """
    if comment.parent_id is not None:
        raise CommentRefused(_("Replies go one level deep: reply to the comment instead."))
    if comment.status == ModerationStatus.REJECTED:
        raise CommentRefused(_("A rejected comment cannot be replied to."))
    clean = _clean_text(text, label=_("The reply"))
    with transaction.atomic():
        if comment.status == ModerationStatus.PENDING:
            guide_comment_approve(comment=comment, staff=staff)
        return GuideComment.objects.create(
            page_id=comment.page_id,
            user=staff,
            parent=comment,
            text=clean,
            display_name=(staff.first_name or "").strip()[:60],
            from_shop=True,
            language=comment.language,
            status=ModerationStatus.APPROVED,
            moderated_by=staff,
            moderated_at=timezone.now(),
        )
