"""The Q&A queue: unanswered questions oldest first; answer (or change the answer), mark
"answered by phone", hide spam or abuse with a reason. Customer service and Managers
(``commerce.answer_question``)."""

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
from .models import ANSWER_MAX_LENGTH, Question, QuestionStatus
from .services import question_answer, question_answered_by_phone, question_hide

PERMISSION = "commerce.answer_question"
TEMPLATES = "commerce/questions/admin/"


class QuestionQueueView(QueueMixin, TemplateView):
    permissions = (PERMISSION,)
    page_title = gettext_lazy("Q&A queue")
    template_name = TEMPLATES + "queue.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status") or QuestionStatus.PENDING
        if status not in QuestionStatus.values:
            status = QuestionStatus.PENDING
        questions = Question.objects.filter(status=status).select_related("product", "user")
        questions = questions.order_by(
            *(("created_at", "pk") if status == QuestionStatus.PENDING else ("-created_at", "-pk"))
        )
        page = Paginator(questions, 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            questions=page, status=status, statuses=QuestionStatus.choices, **kwargs
        )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Answer"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class HideForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Why hide it (spam, abuse…)"), max_length=300)


class QuestionAnswerView(QueueMixin, TemplateView):
    permissions = (PERMISSION,)
    page_title = gettext_lazy("Question")
    template_name = TEMPLATES + "question.html"

    def get_context_data(self, **kwargs):
        question = get_object_or_404(
            Question.objects.select_related("product", "user"), pk=self.kwargs["pk"]
        )
        return super().get_context_data(
            question=question,
            answer_form=kwargs.pop("answer_form", None)
            or AnswerForm(initial={"answer": question.answer}),
            hide_form=kwargs.pop("hide_form", None) or HideForm(),
            **kwargs,
        )

    def post(self, request, pk):
        question = get_object_or_404(Question.objects.select_related("product", "user"), pk=pk)
        action = request.POST.get("action")
        try:
            if action == "answer":
                form = AnswerForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(
                        self.get_context_data(answer_form=form), status=400
                    )
                question_answer(
                    question=question, staff=request.user, answer=form.cleaned_data["answer"]
                )
                messages.success(request, _("Answer published; the shopper has been e-mailed."))
            elif action == "phone":
                question_answered_by_phone(question=question, staff=request.user)
                messages.success(request, _("Marked as answered by phone."))
            elif action == "hide":
                form = HideForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(
                        self.get_context_data(hide_form=form), status=400
                    )
                question_hide(
                    question=question, staff=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Question hidden."))
        except CommerceError as refused:
            messages.error(request, refused.message)
            return redirect(reverse("questions_admin:question", args=[pk]))
        return redirect(reverse("questions_admin:queue"))


urlpatterns = [
    path("", QuestionQueueView.as_view(), name="queue"),
    path("<int:pk>/", QuestionAnswerView.as_view(), name="question"),
]


class QuestionViewSet(StaffQueueViewSet):
    """The Q&A queue's pages under /admin/questions/ and their menu entry (shown by right)."""

    name = "questions_admin"
    url_prefix = "questions"
    icon = "help"
    menu_label = gettext_lazy("Q&A queue")
    queue_urls = urlpatterns
    menu_check = PERMISSION
