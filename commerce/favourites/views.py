"""Favourites: the heart button's toggle and the "my favourites" page (signed-in shoppers only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.errors import CommerceError
from core.events import event_record
from products.models import Product

from ..cart.views import reply, safe_back, wants_json
from .services import favourite_products, favourite_toggle


@require_POST
def favourite_toggle_view(request, product_id):
    """Heart or un-heart a product. Visitors are sent to sign in and brought back to the
    product."""
    product = get_object_or_404(Product, pk=product_id)
    return_to = product.url if product.live else reverse("favourite_list")
    if not request.user.is_authenticated:
        login_url = _login_url(return_to)
        if wants_json(request):
            return JsonResponse(
                {
                    "ok": False,
                    "code": "login_required",
                    "login_url": login_url,
                    "message": _("Please sign in to keep favourites."),
                },
                status=401,
            )
        return redirect_to_login(return_to)
    back = safe_back(request, return_to)
    try:
        now_favourite = favourite_toggle(user=request.user, product=product)
    except CommerceError as error:
        return reply(
            request, error.message, back=back, status=400, level=messages.ERROR, code=error.code
        )
    event_record(
        request,
        "favourite_add" if now_favourite else "favourite_remove",
        product_id=product.pk,
    )
    message = (
        _("Saved to your favourites: %(name)s.")
        if now_favourite
        else _("Removed from your favourites: %(name)s.")
    ) % {"name": product.name}
    return reply(request, message, back=back, favourite=now_favourite, product_id=product.pk)


def _login_url(return_to: str) -> str:
    return redirect_to_login(return_to)["Location"]


@require_GET
@login_required
@never_cache
def favourite_list(request):
    """/account/favourites/: the shopper's favourite products; unpublished ones marked
    unavailable."""
    products = favourite_products(request.user)
    request._favourite_product_ids = {
        product.pk for product in products
    }  # the hearts need no query
    return render(
        request,
        "commerce/favourites/favourite_list.html",
        {
            "live_products": [product for product in products if product.live],
            "gone_products": [product for product in products if not product.live],
        },
    )
