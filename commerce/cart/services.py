"""Changing the shopping cart: finding a shopper's cart and changing its lines.

Invariants
- A line's quantity is a whole number from 1 to ``MAX_QUANTITY``; every change that
  would break that, or ask for more than the stock has available, is refused with a
  domain error and leaves the cart exactly as it was.
- The price a shopper pays is never read from a form: lines remember the price
  seen when they were added (``price_when_added``) only to tell the shopper when it
  moved; the amounts shown come from ``commerce.pricing`` at today's prices
  (``commerce.cart.selectors``).
- Changes to one cart are serialised by locking the cart row first, so two tabs
  adding the same SKU cannot lose an update or trip over the one-line-per-SKU rule.
- Signed-in shoppers have one cart in the database (``Cart.user``); anonymous
  shoppers have a cart row without a user whose id lives in their session. On sign-in
  the session cart is merged into the user's (see ``commerce.cart.receivers``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import CommerceError
from products.models import ProductVariant, Stock

from ..inventory.services import InsufficientStock, InvalidQuantity
from ..locks import lock_cart
from ..pricing import variants_for_pricing
from .models import Cart, CartLine

if TYPE_CHECKING:
    from django.http import HttpRequest


SESSION_KEY = "cart_id"
# The most units of one SKU a cart line (and the product page's quantity field) takes.
MAX_QUANTITY = 99
# Plain ASCII digits only: int() would also accept "١٢", " +3", "1_0"; the length cap
# keeps int() away from absurdly long inputs (the range check then explains the limit).
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


class ProductUnavailable(CommerceError):
    """The product or variant is not on sale (unpublished, or the SKU is gone)."""

    code = "unavailable"


# --- Reading input -----------------------------------------------------------------


def parse_quantity(raw) -> int:
    """A quantity typed by a shopper, as an int from 1 to MAX_QUANTITY, or InvalidQuantity.

    Only plain whole numbers are accepted: "1.5", "1e3", "-1", "0", "", "abc" and
    numbers with more digits than any sane quantity are all refused.
    """
    text = "" if raw is None or isinstance(raw, bool) else str(raw).strip()
    if not _WHOLE_NUMBER.fullmatch(text) or not 1 <= int(text) <= MAX_QUANTITY:
        raise InvalidQuantity(_quantity_message())
    return int(text)


def _quantity_message() -> str:
    return _("Quantity must be a whole number from 1 to %(max)d.") % {"max": MAX_QUANTITY}


def _check_quantity(quantity) -> None:
    """Domain functions re-check what views parsed: callers other than views exist."""
    if (
        isinstance(quantity, bool)
        or not isinstance(quantity, int)
        or not 1 <= quantity <= MAX_QUANTITY
    ):
        raise InvalidQuantity(_quantity_message())


# --- Finding the cart --------------------------------------------------------------


def cart_for_request(request: HttpRequest, *, create: bool = False) -> Cart | None:
    """The cart of whoever makes the request: the user's when signed in, else the session's.

    With ``create`` a cart is made when there is none (adding to the cart); without
    it, reading pages never writes. The answer is remembered on the request.
    """
    cached = getattr(request, "_commerce_cart", None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        cart = (
            Cart.objects.get_or_create(user=user)[0]
            if create
            else Cart.objects.filter(user=user).first()
        )
    else:
        cart = _session_cart(request, create=create)
    if cart is not None:
        request._commerce_cart = cart
    return cart


def _session_cart(request, *, create: bool) -> Cart | None:
    # user__isnull: a session can only ever point at an anonymous cart, never at someone's saved
    # cart.
    cart_id = request.session.get(SESSION_KEY)
    cart = Cart.objects.filter(pk=cart_id, user__isnull=True).first() if cart_id else None
    if cart is None and create:
        cart = Cart.objects.create()
        request.session[SESSION_KEY] = cart.pk
    return cart


# --- Changing lines ----------------------------------------------------------------


def _live_variant(sku: str) -> ProductVariant:
    variant = (
        ProductVariant.objects.filter(sku=sku, product__live=True)
        .select_related("product")
        .first()
    )
    if variant is None:
        raise ProductUnavailable(_("Sorry, that product is not available."))
    return variant


def _available(sku: str) -> int:
    stock = Stock.objects.filter(sku=sku).first()
    return max(stock.available, 0) if stock is not None else 0


def _check_stock(variant: ProductVariant, quantity: int, *, in_cart: int = 0) -> None:
    available = _available(variant.sku)
    if quantity <= available:
        return
    if available == 0:
        raise InsufficientStock(_("Sorry, %(name)s is out of stock.") % {"name": variant})
    message = ngettext(
        "Only %(count)d of %(name)s is available.",
        "Only %(count)d of %(name)s are available.",
        available,
    ) % {"count": available, "name": variant}
    if in_cart:
        message += " " + ngettext(
            "You already have %(count)d in your cart.",
            "You already have %(count)d in your cart.",
            in_cart,
        ) % {"count": in_cart}
    raise InsufficientStock(message)


def _lock(cart: Cart) -> None:
    """Serialise changes to one cart (see the module docstring); the cart may have been merged
    away."""
    if not lock_cart(cart):
        raise CommerceError(_("Your cart has just changed; please try again."), code="cart_gone")


def cart_add_line(*, cart: Cart, sku: str, quantity: int) -> CartLine:
    """Put ``quantity`` of a live SKU in the cart, on top of what is already there.

    The price recorded is today's price from the database (never the form's):
    adding again from the product page, which shows today's price, counts as
    accepting it.
    """
    _check_quantity(quantity)
    variant = _live_variant(sku)
    with transaction.atomic():
        _lock(cart)
        line = CartLine.objects.filter(cart=cart, sku=sku).first()
        in_cart = line.quantity if line else 0
        total = in_cart + quantity
        _check_stock(
            variant, total, in_cart=in_cart
        )  # first: "only N left" helps more than the cap
        if total > MAX_QUANTITY:
            raise InvalidQuantity(
                _(
                    "You can have at most %(max)d of one item in your cart; you already have "
                    "%(count)d."
                )
                % {"max": MAX_QUANTITY, "count": in_cart}
            )
        if line is None:
            return CartLine.objects.create(
                cart=cart, sku=sku, quantity=total, price_when_added=variant.price
            )
        line.quantity, line.price_when_added = total, variant.price
        line.save(update_fields=["quantity", "price_when_added", "updated_at"])
        return line


def cart_set_quantity(*, cart: Cart, sku: str, quantity: int) -> CartLine:
    """Change a line to exactly ``quantity`` units of a SKU still on sale, within the stock
    available.

    A line whose product is no longer on sale can only be removed.
    """
    _check_quantity(quantity)
    with transaction.atomic():
        _lock(cart)
        line = _existing_line(cart, sku)
        _check_stock(_live_variant(sku), quantity)
        line.quantity = quantity
        line.save(update_fields=["quantity", "updated_at"])
        return line


def _existing_line(cart: Cart, sku: str) -> CartLine:
    line = CartLine.objects.filter(cart=cart, sku=sku).first()
    if line is None:
        raise CommerceError(_("That item is no longer in your cart."), code="not_in_cart")
    return line


def cart_remove_line(*, cart: Cart, sku: str) -> bool:
    """Take a SKU out of the cart; True when there was a line to remove (removing twice is
    fine)."""
    deleted, _details = CartLine.objects.filter(cart=cart, sku=sku).delete()
    return bool(deleted)


def cart_clear(*, cart: Cart) -> None:
    """Empty the cart (after an order is placed from it); the cart row itself stays."""
    cart.lines.all().delete()


def cart_accept_prices(*, cart: Cart) -> int:
    """The shopper has seen today's prices: record them, so the "price changed" notices go away.

    Returns how many lines changed.
    """
    lines = list(cart.lines.all())
    variants = variants_for_pricing([line.sku for line in lines])
    changed = [
        line
        for line in lines
        if line.sku in variants and variants[line.sku].price != line.price_when_added
    ]
    for line in changed:
        line.price_when_added = variants[line.sku].price
    # bulk_update leaves updated_at alone on purpose: accepting a price is not a change of the
    # line.
    CartLine.objects.bulk_update(changed, ["price_when_added"])
    return len(changed)


def cart_merge(*, source: Cart, target: Cart) -> Cart:
    """Move the lines of ``source`` (an anonymous session's cart) into ``target``; delete
    ``source``.

    Quantities of a SKU in both add up, capped by MAX_QUANTITY and the stock
    available, but never below what either cart already held: merging must not
    silently shrink a line (the cart page flags lines above stock).
    """
    if source.pk == target.pk:
        return target
    with transaction.atomic():
        for cart in sorted(
            [source, target], key=lambda c: c.pk
        ):  # fixed order: no deadlock with a merge the other way
            _lock(cart)
        existing = {line.sku: line for line in target.lines.all()}
        incoming = list(source.lines.all())
        stock = {
            row.sku: max(row.available, 0)
            for row in Stock.objects.filter(sku__in=[line.sku for line in incoming])
        }
        for line in incoming:
            kept = existing.get(line.sku)
            if kept is None:
                continue
            summed = min(kept.quantity + line.quantity, MAX_QUANTITY, stock.get(line.sku, 0))
            kept.quantity = max(summed, kept.quantity, line.quantity)
            kept.save(update_fields=["quantity", "updated_at"])
        source.lines.exclude(sku__in=list(existing)).update(cart=target)
        source.delete()
    return target
