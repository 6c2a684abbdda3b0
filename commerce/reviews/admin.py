"""The review moderation queue: pending reviews oldest first; approve, reject with a reason
the shopper sees, reply as the shop. Customer service and Managers moderate
(``commerce.moderate_review``); Merchandisers read (``commerce.view_review``)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
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
from .models import REASON_MAX_LENGTH, REPLY_MAX_LENGTH, Review
from .services import review_approve, review_reject, review_reply

MODERATE = "commerce.moderate_review"
VIEW = "commerce.view_review"
TEMPLATES = "commerce/reviews/admin/"


class ReviewQueueView(QueueMixin, TemplateView):
    """Reviews by state; the pending ones oldest first (the queue), the others newest first."""

    permissions = (MODERATE, VIEW)
    page_title = gettext_lazy("Reviews")
    template_name = TEMPLATES + "queue.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status") or ModerationStatus.PENDING
        if status not in ModerationStatus.values:
            status = ModerationStatus.PENDING
        reviews = Review.objects.filter(status=status).select_related("product", "user")
        reviews = reviews.order_by(
            *(
                ("created_at", "pk")
                if status == ModerationStatus.PENDING
                else ("-created_at", "-pk")
            )
        )
        page = Paginator(reviews, 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            reviews=page, status=status, statuses=ModerationStatus.choices, **kwargs
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the shopper sees it)"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=gettext_lazy("Reply as the shop"),
        max_length=REPLY_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReviewModerateView(QueueMixin, TemplateView):
    """One review with its photos; POST ``action`` = approve, reject or reply."""

    permissions = (MODERATE, VIEW)
    page_title = gettext_lazy("Review")
    template_name = TEMPLATES + "review.html"

    def get_context_data(self, **kwargs):
        review = get_object_or_404(
            Review.objects.select_related("product", "user", "order_line__order"),
            pk=self.kwargs["pk"],
        )
        return super().get_context_data(
            review=review,
            photos=list(review.photos.select_related("image")),
            can_moderate=self.request.user.has_perm(MODERATE),
            reject_form=kwargs.pop("reject_form", None) or RejectForm(),
            reply_form=kwargs.pop("reply_form", None)
            or ReplyForm(initial={"reply": review.reply}),
            **kwargs,
        )

    def post(self, request, pk):
        if not request.user.has_perm(MODERATE):
            raise PermissionDenied
        review = get_object_or_404(Review, pk=pk)
        action = request.POST.get("action")
        form = None
        try:
            if action == "approve":
                review_approve(review=review, staff=request.user)
                messages.success(request, _("Review approved: it shows on the product page."))
            elif action == "reject":
                form = RejectForm(request.POST)
                if form.is_valid():
                    review_reject(
                        review=review, staff=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(request, _("Review rejected; the shopper sees your reason."))
                else:
                    return self.render_to_response(
                        self.get_context_data(reject_form=form), status=400
                    )
            elif action == "reply":
                form = ReplyForm(request.POST)
                if form.is_valid():
                    review_reply(
                        review=review, staff=request.user, reply=form.cleaned_data["reply"]
                    )
                    messages.success(request, _("Reply saved."))
                else:
                    return self.render_to_response(
                        self.get_context_data(reply_form=form), status=400
                    )
        except CommerceError as refused:
            messages.error(request, refused.message)
            return redirect(reverse("reviews_admin:review", args=[pk]))
        if action == "approve":
            return redirect(reverse("reviews_admin:queue"))
        return redirect(reverse("reviews_admin:review", args=[pk]))


urlpatterns = [
    path("", ReviewQueueView.as_view(), name="queue"),
    path("<int:pk>/", ReviewModerateView.as_view(), name="review"),
]


def can_open_queue(user) -> bool:
    """Moderators and readers of reviews (Customer service, Merchandisers, Managers)."""
    return user.has_perm(MODERATE) or user.has_perm(VIEW)


class ReviewViewSet(StaffQueueViewSet):
    """The review queue's pages under /admin/reviews/ and their menu entry (shown by right)."""

    name = "reviews_admin"
    url_prefix = "reviews"
    icon = "comment"
    menu_label = gettext_lazy("Reviews")
    queue_urls = urlpatterns
    menu_check = staticmethod(can_open_queue)
