"""The cart page and its forms: add, change quantity, remove, accept new prices.

Every form is a plain POST that redirects back with a message, so the cart works
without JavaScript. static/js/cart.js sends the same forms with fetch and the
header ``X-Requested-With: fetch`` (or ``Accept: application/json``); the views
then answer JSON ``{ok, message, cart_count, …}`` instead of redirecting.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.errors import CommerceError
from core.events import event_record
from core.redirects import safe_next_path
from products.models import ProductVariant

from ..bundles.selectors import running_bundles
from ..promotions.region import shopper_province
from .selectors import cart_count, cart_view_for
from .services import (
    cart_accept_prices,
    cart_add_line,
    cart_for_request,
    cart_remove_line,
    cart_set_quantity,
    parse_quantity,
)


def wants_json(request) -> bool:
    """True for the fetch calls of cart.js; plain form posts get a redirect."""
    return request.headers.get(
        "X-Requested-With"
    ) == "fetch" or "application/json" in request.headers.get("Accept", "")


def safe_back(request, default: str) -> str:
    """Where a plain form post returns: its ``next`` field when it points at this site."""
    return safe_next_path(request, request.POST.get("next", "")) or default


def reply(request, message: str, *, back: str, status: int = 200, level=messages.SUCCESS, **data):
    """One reply for both kinds of callers: JSON (``ok``, ``message`` and ``data``) for fetch,
    a message and a redirect to ``back`` otherwise."""
    if not wants_json(request):
        messages.add_message(request, level, message)
        return redirect(back)
    return JsonResponse({"ok": status == 200, "message": message, **data}, status=status)


def _cart_reply(request, message: str, *, back: str, cart, with_contents: bool = False, **data):
    """A reply carrying the new header count and, for the cart page, its re-rendered contents."""
    if wants_json(request):
        data.update(_count_data(cart))
        if with_contents:
            data["cart_html"] = render_to_string(
                "commerce/cart/includes/cart_contents.html",
                {"cart": cart_view_for(request, cart)},
                request=request,
            )
    return reply(request, message, back=back, **data)


def _refused(request, error: CommerceError, *, back: str, cart):
    """Nothing changed: say why (a 400 for fetch, an error message otherwise)."""
    data = _count_data(cart) if wants_json(request) else {}
    return reply(
        request,
        error.message,
        back=back,
        status=400,
        level=messages.ERROR,
        code=error.code,
        **data,
    )


def _count_data(cart) -> dict:
    """The header's count and the words a screen reader hears for it."""
    count = cart_count(cart)
    label = ngettext("(%(count)d item)", "(%(count)d items)", count) % {"count": count}
    return {"cart_count": count, "cart_count_label": label}


@require_GET
@never_cache
def cart_detail(request):
    """/cart/: the lines at today's prices, with what changed since they were added flagged on
    top."""
    view = cart_view_for(request, cart_for_request(request))
    request._cart_count = view.count  # the header's count, known already (see context_processors)
    return render(request, "commerce/cart/cart.html", {"cart": view})


@require_POST
def cart_add(request):
    """Add a SKU from a product page; the price comes from the catalogue, never from the form."""
    back = safe_back(request, "cart")
    try:
        quantity = parse_quantity(request.POST.get("quantity", "1"))
        cart = cart_for_request(request, create=True)
        line = cart_add_line(cart=cart, sku=request.POST.get("sku", ""), quantity=quantity)
    except CommerceError as error:
        return _refused(request, error, back=back, cart=cart_for_request(request))
    event_record(request, "cart_add", sku=line.sku, quantity=quantity)
    message = _("Added to your cart: %(name)s × %(count)d.") % {
        "name": _line_name(line),
        "count": quantity,
    }
    return _cart_reply(
        request, message, back=back, cart=cart, sku=line.sku, quantity=line.quantity
    )


def _line_name(line) -> str:
    """The product and option names of a line just changed, for the message."""
    variant = ProductVariant.objects.filter(sku=line.sku).select_related("product").first()
    return str(variant) if variant is not None else line.sku


@require_POST
def cart_line_update(request, sku):
    """Set a line's quantity from the cart page."""
    cart = cart_for_request(request)
    try:
        quantity = parse_quantity(request.POST.get("quantity"))
        if cart is None:
            raise CommerceError(_("That item is no longer in your cart."), code="not_in_cart")
        line = cart_set_quantity(cart=cart, sku=sku, quantity=quantity)
    except CommerceError as error:
        return _refused(request, error, back=safe_back(request, "cart"), cart=cart)
    message = _("Quantity updated: %(name)s × %(count)d.") % {
        "name": _line_name(line),
        "count": line.quantity,
    }
    return _cart_reply(
        request, message, back=safe_back(request, "cart"), cart=cart, with_contents=True
    )


@require_POST
def cart_line_remove(request, sku):
    """Take a line out of the cart (removing one already gone is not an error)."""
    cart = cart_for_request(request)
    bundles_before = _bundle_prices(request, cart)
    if cart is not None and cart_remove_line(cart=cart, sku=sku):
        event_record(request, "cart_remove", sku=sku[:64])
    message = _("Removed from your cart.")
    if bundles_before:
        still = _bundle_prices(request, cart)
        lost = [name for code, name in bundles_before.items() if code not in still]
        if lost:
            message += " " + _(
                "The bundle price of %(names)s no longer applies: it needs every item of the "
                "bundle in your cart."
            ) % {"names": "、".join(lost)}
    return _cart_reply(
        request,
        message,
        back=safe_back(request, "cart"),
        cart=cart,
        with_contents=True,
    )


def _bundle_prices(request, cart) -> dict[str, str]:
    """The bundle discounts the cart gets now (code → bundle name); none without bundles."""
    if cart is None or not running_bundles(province=shopper_province(request)):
        return {}
    discounts = cart_view_for(request, cart).breakdown.discounts
    return {d.code: d.label for d in discounts if d.code.startswith("bundle:")}


@require_POST
def cart_prices_accept(request):
    """The shopper acknowledges the new prices flagged at the top of the cart."""
    cart = cart_for_request(request)
    if cart is not None:
        cart_accept_prices(cart=cart)
    return _cart_reply(
        request,
        _("The cart now shows today's prices."),
        back="cart",
        cart=cart,
        with_contents=True,
    )
