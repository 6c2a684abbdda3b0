"""Storefront of questions: the product page's section, asking, and "My questions"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.errors import CommerceError
from core.ratelimits import rate_limited, rate_limited_response
from core.user_text import honeypot_filled
from products.models import Product

from .models import QUESTION_MAX_LENGTH, Question
from .selectors import own_pending_questions, product_questions_page
from .services import question_ask

ASK_RATES = ("5/h", "20/d")


def product_page_questions(*, request, product, preview: bool) -> dict:
    """The product page's Q&A section (the catalogue's ``product_page_context`` hook)."""
    if preview or product.pk is None:
        return {"question_count": None}
    context = product_questions_page(product.pk, page=request.GET.get("question_page", 1))
    context["own_questions"] = (
        own_pending_questions(request.user, product.pk) if request.user.is_authenticated else []
    )
    context["question_max_length"] = QUESTION_MAX_LENGTH
    return context


@require_POST
def question_ask_view(request, product_id: int):
    """Ask about a product; visitors are sent to sign in and brought back to the product."""
    product = get_object_or_404(Product.objects.live(), pk=product_id)
    back = (product.url or "/") + "#questions"
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    if rate_limited(request, group="question", rates=ASK_RATES):
        return rate_limited_response(
            request,
            message=_("You have asked many questions in a short while; please try again later."),
        )
    if honeypot_filled(request.POST):
        return redirect(back)
    try:
        question_ask(user=request.user, product=product, text=request.POST.get("text", ""))
    except CommerceError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Thank you! Customer service will answer your question soon."))
    return redirect(back)


@login_required
@never_cache
def question_list(request):
    """My questions, newest first, with their answers."""
    questions = Question.objects.filter(user=request.user).select_related("product")[:100]
    return render(request, "commerce/questions/question_list.html", {"questions": list(questions)})
