"""The guide comments queue: pending comments oldest first; approve, reject with a reason the
reader sees, reply as the shop. Editors and Managers (``commerce.moderate_guide_comment``);
nobody else opens it."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.errors import CommerceError

from ..admin_base import StaffQueueViewSet
from ..moderation.admin import QueueMixin
from ..moderation.models import ModerationStatus
from .models import COMMENT_MAX_LENGTH, REASON_MAX_LENGTH, GuideComment
from .services import (
    MODERATE,
    guide_comment_approve,
    guide_comment_reject,
    guide_comment_reply_as_shop,
)

TEMPLATES = "commerce/guide_comments/admin/"


class GuideCommentQueueView(QueueMixin, TemplateView):
    """Comments by state; the pending ones oldest first (the queue), the others newest first."""

    permissions = (MODERATE,)
    page_title = gettext_lazy("Guide comments")
    template_name = TEMPLATES + "queue.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status") or ModerationStatus.PENDING
        if status not in ModerationStatus.values:
            status = ModerationStatus.PENDING
        comments = GuideComment.objects.filter(status=status).select_related(
            "page", "user", "parent"
        )
        comments = comments.order_by(
            *(
                ("created_at", "pk")
                if status == ModerationStatus.PENDING
                else ("-created_at", "-pk")
            )
        )
        page = Paginator(comments, 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            comments=page, status=status, statuses=ModerationStatus.choices, **kwargs
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the reader sees it)"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=gettext_lazy("Reply as the shop"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class GuideCommentModerateView(QueueMixin, TemplateView):
    """One comment with its thread; POST ``action`` = approve, reject or reply."""

    permissions = (MODERATE,)
    page_title = gettext_lazy("Guide comment")
    template_name = TEMPLATES + "comment.html"

    def get_context_data(self, **kwargs):
        comment = get_object_or_404(
            GuideComment.objects.select_related("page", "user", "parent"), pk=self.kwargs["pk"]
        )
        thread = comment.parent or comment
        return super().get_context_data(
            comment=comment,
            replies=list(thread.replies.order_by("created_at", "pk")),
            can_reply=comment.parent_id is None and comment.status != ModerationStatus.REJECTED,
            reject_form=kwargs.pop("reject_form", None) or RejectForm(),
            reply_form=kwargs.pop("reply_form", None) or ReplyForm(),
            **kwargs,
        )

    def post(self, request, pk):
        comment = get_object_or_404(GuideComment, pk=pk)
        action = request.POST.get("action")
        try:
            if action == "approve":
                guide_comment_approve(comment=comment, staff=request.user)
                messages.success(request, _("Comment approved: it shows under the guide."))
                return redirect(reverse("guide_comments_admin:queue"))
            if action == "reject":
                form = RejectForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(
                        self.get_context_data(reject_form=form), status=400
                    )
                guide_comment_reject(
                    comment=comment, staff=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Comment rejected; the reader sees your reason."))
                return redirect(reverse("guide_comments_admin:queue"))
            if action == "reply":
                form = ReplyForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(
                        self.get_context_data(reply_form=form), status=400
                    )
                guide_comment_reply_as_shop(
                    comment=comment, staff=request.user, text=form.cleaned_data["reply"]
                )
                messages.success(request, _("Reply published under the comment."))
        except CommerceError as refused:
            messages.error(request, refused.message)
        return redirect(reverse("guide_comments_admin:comment", args=[pk]))


urlpatterns = [
    path("", GuideCommentQueueView.as_view(), name="queue"),
    path("<int:pk>/", GuideCommentModerateView.as_view(), name="comment"),
]


class GuideCommentViewSet(StaffQueueViewSet):
    """The queue's pages under /admin/guide-comments/ and their menu entry (shown by right)."""

    name = "guide_comments_admin"
    url_prefix = "guide-comments"
    icon = "doc-full"
    menu_label = gettext_lazy("Guide comments")
    queue_urls = urlpatterns
    menu_check = MODERATE
