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

from core.numbers import parse_whole_number
from core.regions import PROVINCES
from products.models import Product

from ..after_sales.selectors import merchant_return_policy
from ..cart.services import MAX_QUANTITY
from ..promotions.region import shopper_province
from ..shop_facts.selectors import payment_facts, shipping_facts
from .selectors import offer_shipping_details, offered_methods
from .services import ShippingError, shipping_quotes


def product_page_shopping(*, request, product, preview: bool) -> dict:
    """Quantity limit and provinces, the shopper's "deliver to" one preselected; the
    calculator's answer when submitted without JavaScript; the delivery fees and the return
    policy of each variant for the page's structured data; the ways to pay and to deliver."""
    methods = offered_methods()
    context = {
        "provinces": PROVINCES,
        # The calculator starts on the shopper's "deliver to" province.
        "province": "" if preview else shopper_province(request),
        "max_quantity": MAX_QUANTITY,
        "terms_offer_structured_data": _offer_terms(methods),
        # What the page says about paying and delivery is what checkout does.
        "payment_facts": payment_facts(),
        "shipping_facts": shipping_facts(methods),
    }
    if not preview and "province" in request.GET:
        context.update(shipping_calculator_context(product, request.GET))
        context["calculated"] = True
    return context


def _offer_terms(methods):
    """Per variant: what one unit costs to deliver by each method, and how it can be returned
    (merged into the variant's schema.org Offer by the catalogue)."""
    policy = merchant_return_policy()

    def terms(*, variant, price) -> dict:
        shipping = offer_shipping_details(methods, price=price, weight_grams=variant.weight_grams)
        return {"shippingDetails": shipping, "hasMerchantReturnPolicy": policy}

    return terms


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
    return parse_whole_number(raw, minimum=1, maximum=MAX_QUANTITY)
