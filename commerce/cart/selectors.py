"""What the cart looks like today: counts, rows priced by the pricing engine, and what
checkout may sell from it.

Reading never writes: lines that cannot be bought any more are shown, flagged and
left out of the subtotal; prices come from ``commerce.pricing`` at today's prices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Sum, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from products.models import ProductVariant, Stock
from products.showcases import card_images

from ..pricing import PriceBreakdown, PricedLine, price_basket, variants_for_pricing
from ..promotions.region import shopper_province
from .models import Cart, CartLine
from .services import MAX_QUANTITY, SESSION_KEY


def cart_item_count(request) -> int:
    """Units in the requester's cart, in at most one query (none for a visitor without a cart)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        lines = CartLine.objects.filter(cart__user=user)
    elif request.session.get(SESSION_KEY):
        lines = CartLine.objects.filter(
            cart_id=request.session[SESSION_KEY], cart__user__isnull=True
        )
    else:
        return 0
    return lines.aggregate(total=Sum("quantity"))["total"] or 0


def cart_count(cart: Cart | None) -> int:
    """Units in a known cart (for answers to the cart's own forms)."""
    if cart is None:
        return 0
    return cart.lines.aggregate(total=Sum("quantity"))["total"] or 0


@dataclass
class CartRow:
    """One line of the cart as the cart page shows it, with what is wrong with it, if anything."""

    line: CartLine
    variant: ProductVariant | None  # None: the product is unpublished or the variant is gone
    available: int
    priced: PricedLine | None = None
    name: str = ""

    @property
    def sku(self) -> str:
        return self.line.sku

    @property
    def quantity(self) -> int:
        return self.line.quantity

    @property
    def product(self):
        return self.variant.product if self.variant is not None else None

    @property
    def unavailable(self) -> bool:
        """Cannot be bought at all: unpublished, variant gone, or none in stock."""
        return self.variant is None or self.available <= 0

    @property
    def over_stock(self) -> bool:
        return not self.unavailable and self.quantity > self.available

    @property
    def price_changed(self) -> bool:
        return self.variant is not None and self.variant.price != self.line.price_when_added

    @property
    def unit_price(self) -> Decimal | None:
        return self.priced.unit_price if self.priced else None

    @property
    def line_total(self) -> Decimal | None:
        return self.priced.total if self.priced else None

    @property
    def max_quantity(self) -> int:
        return max(min(MAX_QUANTITY, self.available), 1)


@dataclass
class CartView:
    """The whole cart at today's prices: rows, the pricing engine's breakdown, and the flags."""

    cart: Cart | None
    rows: list[CartRow] = field(default_factory=list)
    breakdown: PriceBreakdown = field(default_factory=lambda: price_basket(lines=[]))

    @property
    def is_empty(self) -> bool:
        return not self.rows

    @property
    def count(self) -> int:
        return sum(row.quantity for row in self.rows)

    @property
    def unavailable_rows(self) -> list[CartRow]:
        return [row for row in self.rows if row.unavailable]

    @property
    def over_stock_rows(self) -> list[CartRow]:
        return [row for row in self.rows if row.over_stock]

    @property
    def price_changed_rows(self) -> list[CartRow]:
        return [row for row in self.rows if row.price_changed and not row.unavailable]

    @property
    def has_notices(self) -> bool:
        return bool(self.unavailable_rows or self.over_stock_rows or self.price_changed_rows)

    @property
    def can_check_out(self) -> bool:
        return bool(self.rows) and not self.unavailable_rows and not self.over_stock_rows


def cart_view(cart: Cart | None, *, province: str = "", user=None) -> CartView:
    """Price the cart's lines with the pricing engine and flag what changed since they were added.

    ``province`` and ``user`` are the shopper's (``cart_view_for``), so the cart shows the
    campaign prices and 满减 hints their cards show.

    A fixed number of queries however many lines: lines, live variants (with
    categories), stock, gallery images, and names of lines no longer on sale.
    Lines that cannot be bought are shown but left out of the subtotal.
    """
    if cart is None:
        return CartView(cart=None)
    lines = list(cart.lines.all())
    skus = [line.sku for line in lines]
    variants = variants_for_pricing(skus) if lines else {}
    stock = (
        {row.sku: max(row.available, 0) for row in Stock.objects.filter(sku__in=skus)}
        if lines
        else {}
    )
    rows = [
        CartRow(line=line, variant=variants.get(line.sku), available=stock.get(line.sku, 0))
        for line in lines
    ]
    _attach_display(rows)
    buyable = [row for row in rows if not row.unavailable]
    breakdown = price_basket(
        lines=[(row.variant, row.quantity) for row in buyable],
        province=province,
        user=user if user is not None else cart.user,
    )
    for row, priced in zip(buyable, breakdown.lines, strict=False):
        row.priced = priced
    return CartView(cart=cart, rows=rows, breakdown=breakdown)


def cart_view_for(request, cart: Cart | None) -> CartView:
    """The cart as this shopper sees it: priced for their "deliver to" province."""
    return cart_view(cart, province=shopper_province(request), user=request.user)


def _attach_display(rows: list[CartRow]) -> None:
    """Gallery images for live rows and last-known names for the others, one query each."""
    products = [row.variant.product for row in rows if row.variant is not None]
    if products:
        prefetch_related_objects(products, Prefetch("images", queryset=card_images()))
    gone = [row for row in rows if row.variant is None]
    if gone:
        names = {
            variant.sku: str(variant)
            for variant in ProductVariant.objects.filter(
                sku__in=[row.sku for row in gone]
            ).select_related("product")
        }
        for row in gone:
            row.name = names.get(row.sku, row.sku)
    for row in rows:
        if row.variant is not None:
            row.name = row.variant.product.name


def cart_lines_for_checkout(
    cart: Cart | None,
) -> tuple[list[tuple[ProductVariant, int]], list[str]]:
    """What checkout may sell from this cart: (variant, quantity) pairs, and why anything is held
    back.

    Checkout must refuse to go on while ``problems`` is not empty (the shopper fixes
    the cart first); prices are not taken from here but from ``price_basket``. An
    empty cart gives no lines and no problems.
    """
    view = cart_view(cart)
    problems = []
    for row in view.unavailable_rows:
        problems.append(
            _("%(name)s is no longer available; please remove it from your cart.")
            % {"name": row.name}
        )
    for row in view.over_stock_rows:
        problems.append(
            ngettext(
                "Only %(count)d of %(name)s is available; please lower the quantity.",
                "Only %(count)d of %(name)s are available; please lower the quantity.",
                row.available,
            )
            % {"count": row.available, "name": row.name}
        )
    lines = [
        (row.variant, row.quantity)
        for row in view.rows
        if not row.unavailable and not row.over_stock
    ]
    return lines, problems
