"""Storefront of guide comments: the guide page's section and posting a comment or a reply.

Signed-in readers only; a visitor is sent to sign in and brought back to the comments.
A refused text shows the guide again with the message and what the reader wrote (400), so
nothing typed is lost.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import CommerceError
from core.ratelimits import rate_limited, rate_limited_response
from core.user_text import honeypot_filled
from guides.models import GuidePage

from ..moderation.models import ModerationStatus
from .models import COMMENT_MAX_LENGTH, GuideComment
from .selectors import guide_comments_page, own_waiting_comments, place_own_comments
from .services import CommentRefused, guide_comment_post

COMMENT_RATES = ("5/h", "20/d")


def guide_page_comments(*, request, page, preview: bool) -> dict:
    """The guide page's comments (the guides' ``guide_page_context`` hook); none in the
    preview of a draft."""
    if preview or page.pk is None:
        return {"comment_count": None}
    context = guide_comments_page(page.pk, page=request.GET.get("comment_page", 1))
    own = own_waiting_comments(request.user, page.pk) if request.user.is_authenticated else []
    context["own_comments"] = place_own_comments(context["comment_threads"], own)
    context["comment_max_length"] = COMMENT_MAX_LENGTH
    return context


def _parent(value: str) -> GuideComment | None:
    """The comment replied to (None for a new comment); CommentRefused for an id that is not
    a number or no comment's."""
    if not value:
        return None
    parent = GuideComment.objects.filter(pk=int(value)).first() if value.isdigit() else None
    if parent is None:
        raise CommentRefused(_("This comment cannot be replied to."))
    return parent


@require_POST
def guide_comment_post_view(request, page_id: int):
    """Post a comment (or, with ``parent``, a reply) under a live guide."""
    # By the page table's own id: an id too big for the column is then simply not found.
    page = get_object_or_404(GuidePage.objects.live(), id=page_id)
    back = (page.url or "/") + "#comments"
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    if rate_limited(request, group="guide-comment", rates=COMMENT_RATES):
        return rate_limited_response(
            request,
            message=_("You have written many comments in a short while; please try again later."),
        )
    if honeypot_filled(request.POST):
        return redirect(back)
    parent_value = (request.POST.get("parent") or "").strip()
    text = request.POST.get("text", "")
    try:
        comment = guide_comment_post(
            user=request.user, page=page, text=text, parent=_parent(parent_value)
        )
    except CommerceError as refused:
        return _refused(request, page, error=refused.message, text=text, parent=parent_value)
    if comment.status == ModerationStatus.APPROVED:
        messages.success(request, _("Your comment is published."))
    else:
        messages.success(
            request, _("Thank you! Your comment will show once an editor has checked it.")
        )
    return redirect(back)


def _refused(request, page, *, error: str, text: str, parent: str) -> TemplateResponse:
    """The guide page again, with the message next to the form the reader used."""
    context = page.get_context(request)
    if parent not in {str(thread.pk) for thread in context.get("comment_threads", [])}:
        parent = ""  # no such reply form on the page: the message goes with the page's own form
    context.update(
        comment_error=error,
        # Only printable text goes back into the form; what was refused stays out.
        comment_text="".join(ch for ch in text if ch.isprintable() or ch in "\n\t"),
        comment_parent=parent,
    )
    return TemplateResponse(request, page.get_template(request), context, status=400)
