"""The product page's "bought together" (搭配购买) section and adding a bundle to the cart."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import CommerceError

from ..cart.selectors import cart_count
from ..cart.services import cart_for_request
from ..cart.views import reply, safe_back
from ..promotions.region import shopper_province
from .selectors import product_bundles
from .services import bundle_add_to_cart


def product_page_bundles(*, request, product, preview: bool) -> dict:
    """The ``product_page_context`` hook: the main product's running bundles."""
    return {"bundles": [] if preview else product_bundles(request, product)}


@require_POST
def bundle_add(request, pk: int):
    """Add the bundle's main SKU (chosen on the page) and its companions, all or none."""
    back = safe_back(request, "cart")
    cart = cart_for_request(request, create=True)
    try:
        bundle_add_to_cart(
            cart=cart,
            bundle_id=pk,
            main_sku=request.POST.get("sku", "")[:64],
            province=shopper_province(request),
        )
    except CommerceError as error:
        return reply(
            request,
            error.message,
            back=back,
            status=400,
            level=messages.ERROR,
            code=error.code,
            cart_count=cart_count(cart),
        )
    return reply(request, _("The bundle is in your cart."), back=back, cart_count=cart_count(cart))
