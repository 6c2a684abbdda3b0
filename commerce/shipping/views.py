"""The product page's shipping-fee calculator and the buying facts the page shows.

The calculator lives with shipping rather than the catalogue: the fees are commerce's
rules. ``product_page_shopping`` is registered for the catalogue's
``product_page_context`` hook, so the product page (and its admin preview) shows the
quantity limit, the provinces and, when the calculator was submitted without
JavaScript, its answer.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.regions import PROVINCES
from products.models import Product

from ..cart.services import MAX_QUANTITY
from .services import ShippingError, shipping_quotes


def product_page_shopping(*, request, product, preview: bool) -> dict:
    """Quantity limit and provinces; the calculator's answer when submitted without JavaScript."""
    context = {"provinces": PROVINCES, "max_quantity": MAX_QUANTITY}
    if not preview and "province" in request.GET:
        context.update(shipping_calculator_context(product, request.GET))
        context["calculated"] = True
    return context


def shipping_calculator(request, slug):
    """The calculator's answer alone (an HTML fragment the product page loads without a reload)."""
    product = get_object_or_404(Product.objects.live(), slug=slug)
    context = shipping_calculator_context(product, request.GET)
    if context["variant"] is None:
        raise Http404
    return render(
        request,
        "products/includes/shipping_quotes.html",
        context,
        status=400 if context["shipping_error"] else 200,
    )


def shipping_calculator_context(product, params) -> dict:
    """Fees per shipping method for a province and a quantity of the chosen variant."""
    variants = {variant.sku: variant for variant in product.variants.all()}
    variant = variants.get(params.get("sku")) or next(iter(variants.values()), None)
    context = {
        "variant": variant,
        "quotes": [],
        "shipping_error": "",
        "quantity": None,
        "province": params.get("province", ""),
    }
    if variant is None:
        return context
    quantity = _parse_quantity(params.get("quantity"))
    context["quantity"] = quantity
    if quantity is None:
        context["shipping_error"] = _("Quantity must be a whole number from 1 to %(max)d.") % {
            "max": MAX_QUANTITY
        }
        return context
    try:
        context["quotes"] = shipping_quotes(
            province=context["province"],
            goods_total=variant.price * quantity,
            weight_grams=variant.weight_grams * quantity,
        )
    except ShippingError as exc:
        context["shipping_error"] = exc.message
    return context


def _parse_quantity(raw) -> int | None:
    if raw is None or not str(raw).isdigit():
        return None
    quantity = int(raw)
    return quantity if 1 <= quantity <= MAX_QUANTITY else None
