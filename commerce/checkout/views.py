"""Checkout: one form with the steps in order (address → shipping → payment → red
packet → note), a review page, and placing the order. Works without JavaScript;
static/js/checkout.js only refreshes shipping fees and stops double submits.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.addresses import address_create
from accounts.models import Address
from core.errors import CommerceError
from core.events import event_record
from core.regions import PROVINCE_CODES

from ..cart.selectors import cart_lines_for_checkout
from ..cart.services import ProductUnavailable, cart_clear, cart_for_request
from ..inventory.services import InsufficientStock
from ..orders.models import Order
from ..orders.services import order_place
from ..orders.views import order_url_for
from ..payments.links import payment_start_url
from ..pricing import price_basket
from ..promotions.region import shopper_province
from ..red_packets.selectors import spendable_red_packets
from ..shipping.models import ShippingMethod
from ..shipping.services import ShippingError, shipping_quotes
from .forms import NEW_ADDRESS, CheckoutForm, DeliveryAddressForm
from .services import (
    SESSION_KEY,
    Delivery,
    TotalChanged,
    checkout_price,
    checkout_state,
    checkout_state_clear,
    checkout_state_save,
    reviewed_read,
    reviewed_sign,
    state_delivery,
    state_email,
)


def _cart_lines_or_redirect(request):
    """The cart's (variant, quantity) pairs, or a redirect to the cart explaining why not."""
    cart = cart_for_request(request)
    lines, problems = cart_lines_for_checkout(cart) if cart else ([], [])
    if problems:
        for problem in problems:
            messages.warning(request, problem)
        return cart, None, redirect("cart")
    if not lines:
        messages.info(request, _("Your cart is empty."))
        return cart, None, redirect("cart")
    return cart, lines, None


def checkout(request):
    """/checkout/: choose address, shipping, payment, red packet and note."""
    cart, lines, bounce = _cart_lines_or_redirect(request)
    if bounce:
        return bounce
    guest = not request.user.is_authenticated
    addresses = list(Address.objects.filter(user=request.user)) if not guest else []
    data = request.POST if request.method == "POST" else None
    state = checkout_state(request) or {}
    province = _chosen_province(data, addresses, state)
    # Priced for the chosen address's province (else the "deliver to" one), as review will.
    base = price_basket(
        lines=lines,
        province=province or shopper_province(request),
        user=request.user,
        email=state_email(request, state) if state else "",
    )
    quotes = _quotes(province, base)
    packet_options = _red_packet_options(request.user, lines)
    form = CheckoutForm(
        data,
        guest=guest,
        addresses=addresses,
        initial=_initial(request, addresses, state),
        shipping_choices=_shipping_choices(quotes),
        red_packet_choices=[(str(p.pk), label) for p, label in packet_options],
    )
    if not guest and not request.user.email:
        form.fields["email"].required = True
    address_form = DeliveryAddressForm(data, prefix="new", initial=state.get("delivery") or None)
    if data is None:
        event_record(request, "checkout_start", quantity=len(lines))
    if data is not None and "refresh" not in data and _forms_valid(form, address_form):
        address, delivery = _chosen_delivery(request, form, address_form, addresses)
        checkout_state_save(
            request=request,
            email=form.cleaned_data.get("email") or request.user.email,
            address=address,
            delivery=delivery,
            shipping_method_id=int(form.cleaned_data["shipping_method"]),
            payment_method=form.cleaned_data["payment_method"],
            red_packet_id=int(form.cleaned_data["red_packet"])
            if form.cleaned_data.get("red_packet")
            else None,
            note=form.cleaned_data["note"].strip(),
        )
        return redirect("checkout_review")
    return render(
        request,
        "commerce/checkout/checkout.html",
        {
            "form": form,
            "address_form": address_form,
            "addresses": addresses,
            "guest": guest,
            "breakdown": base,
            "quotes": quotes,
            "province": province,
            "show_new_address": guest
            or not addresses
            or (data is not None and data.get("address") == NEW_ADDRESS),
            "red_packet_options": packet_options,
            "login_url": f"{reverse('login')}?next={reverse('checkout')}",
        },
    )


def _forms_valid(form, address_form) -> bool:
    valid = form.is_valid()
    if valid and form.cleaned_data["address"] == NEW_ADDRESS:
        return address_form.is_valid()
    return valid


def _chosen_province(data, addresses, state) -> str:
    """The province shipping fees are quoted for: the picked address's, or the new one's."""
    by_pk = {str(a.pk): a for a in addresses}
    if data is not None:
        choice = data.get("address") or NEW_ADDRESS
        province = by_pk[choice].province if choice in by_pk else data.get("new-province", "")
    elif state.get("address_id") and str(state["address_id"]) in by_pk:
        province = by_pk[str(state["address_id"])].province
    elif state.get("delivery"):
        province = state["delivery"].get("province", "")
    else:
        province = addresses[0].province if addresses else ""
    return province if province in PROVINCE_CODES else ""


def _quotes(province, breakdown):
    if not province:
        return []
    try:
        return shipping_quotes(
            province=province,
            goods_total=breakdown.goods_total,
            weight_grams=breakdown.weight_grams,
        )
    except ShippingError:
        return []


def _shipping_choices(quotes) -> list[tuple[str, str]]:
    """Only methods that deliver to the chosen province; all methods before one is chosen."""
    if quotes:
        return [(str(q.method.pk), q.method.name) for q in quotes if q.available]
    return [(str(m.pk), m.name) for m in ShippingMethod.objects.filter(active=True)]


def _red_packet_options(user, lines):
    """(packet, label) for the shopper's packets that take something off this cart."""
    options = []
    for packet in spendable_red_packets(user):
        discount = price_basket(lines=lines, red_packet=packet).red_packet_discount()
        if discount is not None:
            options.append(
                (
                    packet,
                    _("%(name)s — saves ¥%(amount)s")
                    % {"name": packet.packet_type.name, "amount": discount.amount},
                )
            )
    return options


def _initial(request, addresses, state) -> dict:
    default_address = next(
        (a for a in addresses if a.is_default), addresses[0] if addresses else None
    )
    return {
        "email": state.get("email")
        or (request.user.email if request.user.is_authenticated else ""),
        "address": str(
            state.get("address_id") or (default_address.pk if default_address else NEW_ADDRESS)
        ),
        "shipping_method": str(state.get("shipping_method_id") or ""),
        "payment_method": state.get("payment_method") or "",
        "red_packet": str(state.get("red_packet_id") or ""),
        "note": state.get("note", ""),
    }


def _chosen_delivery(request, form, address_form, addresses):
    """(address-book entry, None) or (None, guest delivery); a signed-in shopper's new address is
    kept."""
    choice = form.cleaned_data["address"]
    if choice != NEW_ADDRESS:
        return next(a for a in addresses if str(a.pk) == choice), None
    fields = {name: address_form.cleaned_data[name] for name in address_form.Meta.fields}
    if request.user.is_authenticated:
        return address_create(user=request.user, **fields), None
    return None, Delivery(**fields)


@require_GET
def checkout_shipping_quotes(request):
    """JSON fees per method for a province, for the checkout page's script."""
    cart = cart_for_request(request)
    lines, _problems = cart_lines_for_checkout(cart) if cart else ([], [])
    province = request.GET.get("province", "")
    quotes = _quotes(province if province in PROVINCE_CODES else "", price_basket(lines=lines))
    return JsonResponse(
        {
            "province": province,
            "methods": [
                {
                    "id": q.method.pk,
                    "available": q.available,
                    "fee": str(q.fee) if q.available else None,
                }
                for q in quotes
            ],
        }
    )


def checkout_review(request):
    """/checkout/review/: everything once more, priced by the server, with the place-order
    button. The form carries the total shown here (signed); after a refused placing the page
    also says what changed and from which total."""
    state = checkout_state(request)
    if state is None:
        return redirect("checkout")
    cart, lines, bounce = _cart_lines_or_redirect(request)
    if bounce:
        return bounce
    try:
        delivery = state_delivery(request, state)
        method = ShippingMethod.objects.filter(pk=state["shipping_method_id"], active=True).first()
        breakdown, packet = checkout_price(
            lines=lines,
            user=request.user,
            shipping_method=method,
            province=delivery.province,
            red_packet_id=state.get("red_packet_id"),
            email=state_email(request, state),
        )
    except CommerceError as error:
        messages.error(request, error.message)
        return redirect("checkout")
    if method is None or breakdown.shipping_fee is None:
        messages.error(
            request, _("Please choose a shipping method that delivers to your address.")
        )
        return redirect("checkout")
    return render(
        request,
        "commerce/checkout/checkout_review.html",
        {
            "state": state,
            "delivery": delivery,
            "method": method,
            "breakdown": breakdown,
            "packet": packet,
            "reviewed": reviewed_sign(key=state["key"], breakdown=breakdown),
            "changed": state.get("changed"),
            "email": state_email(request, state),
            "payment_label": dict(Order._meta.get_field("payment_method").choices)[
                state["payment_method"]
            ],
        },
    )


@require_POST
def checkout_place(request):
    """Place the order. A repeated POST with the same key lands on the same order."""
    key = request.POST.get("checkout_key", "")
    state = checkout_state(request)
    if state is None or key != state.get("key"):
        return _already_placed_or_expired(request, key)
    reviewed = reviewed_read(request.POST.get("reviewed", ""), key=key)
    if reviewed is None:
        messages.error(request, _("Please check the total and place your order again."))
        return redirect("checkout_review")
    cart = cart_for_request(request)
    # Every line of the cart, as it is now: order_place refuses the whole order if any
    # line is unavailable or short under the stock lock, rather than dropping a line.
    quantities = dict(cart.lines.values_list("sku", "quantity")) if cart else {}
    try:
        order = order_place(
            checkout_key=key,
            user=request.user,
            email=state_email(request, state),
            language=translation.get_language() or "zh-hans",
            quantities=quantities,
            delivery=state_delivery(request, state),
            shipping_method_id=state["shipping_method_id"],
            payment_method=state["payment_method"],
            red_packet_id=state.get("red_packet_id"),
            customer_note=state.get("note", ""),
            reviewed=reviewed,
        )
    except TotalChanged as error:
        _remember_change(request, state, error)
        return redirect("checkout_review")
    except (InsufficientStock, ProductUnavailable) as error:
        messages.error(request, error.message)
        return redirect("cart")
    except CommerceError as error:
        messages.error(request, error.message)
        return redirect("checkout_review")
    if cart is not None:
        cart_clear(cart=cart)
    checkout_state_clear(request=request)
    event_record(
        request,
        "order_placed",
        order_id=order.pk,
        amount=order.total,
        quantity=sum(quantities.values()),
        province=order.province,
    )
    if not request.user.is_authenticated:
        request.session["guest_order"] = order.number
    messages.success(
        request, _("Thank you! Your order %(number)s has been placed.") % {"number": order.number}
    )
    return redirect(payment_start_url(order) or order_url_for(request, order))


def _remember_change(request, state: dict, error: TotalChanged) -> None:
    """Keep what changed for the review page, which shows it above the new total."""
    state["changed"] = {
        "reviewed": str(error.reviewed),
        "total": str(error.total),
        "changes": error.changes,
    }
    request.session[SESSION_KEY] = state
    request.session.modified = True


def _already_placed_or_expired(request, key: str):
    order = Order.objects.filter(checkout_key=key).first() if key else None
    if order is not None and (
        order.user_id == request.user.pk
        if request.user.is_authenticated
        else request.session.get("guest_order") == order.number
    ):
        return redirect(order_url_for(request, order))
    messages.error(request, _("This checkout has expired; please review your order again."))
    return redirect("checkout")
