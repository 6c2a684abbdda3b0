"""Storefront of tell-a-friend: the form (signed-in shoppers; visitors sign in and come back)
and sending, at most 5 an hour and 20 a day per shopper and per address."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.errors import CommerceError
from core.ratelimits import rate_limited, rate_limited_response
from core.user_text import honeypot_filled
from products.models import Product

from .selectors import product_share_card
from .services import (
    EMAIL_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    product_share_send,
    sender_identity,
    share_fields_clean,
)

SEND_RATES = ("5/h", "20/d")


@never_cache
def tell_a_friend(request, product_id: int):
    """GET the form, POST to send; a bad field re-shows the form with the message (400)."""
    product = get_object_or_404(
        Product.objects.live().prefetch_related("images__image"), pk=product_id
    )
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    card = product_share_card(request, product)
    error = ""
    if request.method == "POST":
        if honeypot_filled(request.POST):
            return redirect(product.url)
        try:
            sent = _send(request, product, card)
        except CommerceError as refused:
            error = refused.message
        else:
            if sent is None:
                return rate_limited_response(
                    request,
                    message=_(
                        "You have sent many products to friends in a short while; "
                        "please try again later."
                    ),
                )
            messages.success(request, _("Sent! Your friend will receive the e-mail shortly."))
            return redirect(product.url)
    sender_name, sender_email = sender_identity(request.user)
    return render(
        request,
        "commerce/tell_a_friend/share_form.html",
        {
            "product": product,
            "card": card,
            "sender_name": sender_name,
            "sender_email": sender_email,
            "posted": request.POST if request.method == "POST" else None,
            "error": error,
            "email_max_length": EMAIL_MAX_LENGTH,
            "message_max_length": MESSAGE_MAX_LENGTH,
        },
        status=400 if error else 200,
    )


def _send(request, product, card):
    """Check the fields, then count the send; None when over a limit (nothing queued).

    The fields are checked before counting, so a typo does not use up a send; counting
    is an atomic increment in the cache before anything is queued, so two sends at once
    cannot both slip under the limit.
    """
    fields = {
        "friend_email": request.POST.get("friend_email", ""),
        "message": request.POST.get("message", ""),
    }
    share_fields_clean(**fields)
    if rate_limited(request, group="tell-a-friend", rates=SEND_RATES):
        return None
    return product_share_send(
        sender=request.user,
        product=product,
        card=card,
        language=translation.get_language() or "zh-hans",
        **fields,
    )
