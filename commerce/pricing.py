"""The one pricing engine: cart, checkout and order all ask it, never compute alone.

Rounding rules
- Every amount is ``Decimal`` quantised to 0.01 with ROUND_HALF_UP, once, where it
  is produced (a percentage discount, a shipping fee); sums of quantised amounts
  need no further rounding.
- A discount never exceeds what is left of the goods it applies to, so line totals,
  the goods total and the order total are never negative.
- An order-level discount is spread over its lines in proportion to their value,
  cent by cent (largest remainder), so the lines' discounts add up exactly to it.
- The free-shipping threshold is compared with the goods total after discounts.

Extending: ``DISCOUNT_RULES`` is an ordered list of functions that look at the
basket (and the ``PricingContext``: who, where, when) and return discounts. Campaigns
and bundles add rules there (``commerce.promotions.rules``, registered when the app is
ready); callers keep calling ``price_basket``. The red packet the shopper chose is
always applied last. How campaigns stack is written once, in
``commerce.promotions.engine``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from core.money import CENT, ZERO, money
from products.models import Category, ProductVariant

from .red_packets.models import RedPacket, RedPacketType
from .shipping.models import ShippingMethod
from .shipping.services import shipping_fee


@dataclass
class PricedLine:
    """One SKU of the basket at today's price, with the discounts it carries."""

    variant: ProductVariant
    quantity: int
    unit_price: Decimal
    discount: Decimal = ZERO
    # Set by the campaign rule: the campaign price (``promotions.engine.Offer``), the
    # units taken at a flash sale's price, and what each campaign took off this line.
    offer: Any = None
    flash_units: int = 0
    campaign_discount: Decimal = ZERO
    campaign_name: str = ""

    @property
    def sku(self) -> str:
        return self.variant.sku

    @property
    def product(self):
        return self.variant.product

    @property
    def subtotal(self) -> Decimal:
        return self.unit_price * self.quantity

    @property
    def total(self) -> Decimal:
        return self.subtotal - self.discount

    # The names an order line keeps, so one template shows cart, review and order lines.
    @property
    def product_name(self) -> str:
        return self.product.name

    @property
    def options(self) -> str:
        return self.variant.label

    @property
    def line_total(self) -> Decimal:
        return self.total

    @property
    def category_paths(self) -> list[str]:
        """Tree paths of every category the product is listed in (for "only in" rules)."""
        product = self.product
        return [product.primary_category.path] + [c.path for c in product.extra_categories.all()]


@dataclass(frozen=True)
class Discount:
    """A discount on the basket: what it is, how much, and how it splits over lines."""

    code: str
    label: str
    amount: Decimal
    per_sku: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class PriceBreakdown:
    """Everything a cart, a checkout review or an order shows about money."""

    lines: list[PricedLine]
    discounts: list[Discount]
    shipping_method: ShippingMethod | None = None
    shipping_fee: Decimal | None = None
    red_packet_problem: str = ""
    hints: list[str] = field(default_factory=list)

    @property
    def subtotal(self) -> Decimal:
        return sum((line.subtotal for line in self.lines), ZERO)

    @property
    def discount_total(self) -> Decimal:
        return sum((discount.amount for discount in self.discounts), ZERO)

    @property
    def goods_total(self) -> Decimal:
        return self.subtotal - self.discount_total

    @property
    def total(self) -> Decimal:
        return self.goods_total + (self.shipping_fee or ZERO)

    @property
    def weight_grams(self) -> int:
        return sum(line.variant.weight_grams * line.quantity for line in self.lines)

    @property
    def quantity(self) -> int:
        return sum(line.quantity for line in self.lines)

    def red_packet_discount(self) -> Discount | None:
        return next((d for d in self.discounts if d.code == "red_packet"), None)


@dataclass
class PricingContext:
    """Who is buying, for where and when: what campaign rules need beyond the lines.

    ``province`` is the delivery address's when known, otherwise the shopper's chosen
    "deliver to" province; rules may add ``hints`` ("spend ¥36 more to save ¥20").
    """

    province: str = ""
    user: Any = None
    email: str = ""
    now: datetime = field(default_factory=timezone.now)
    hints: list[str] = field(default_factory=list)


DiscountRule = Callable[[list[PricedLine], PricingContext], list[Discount]]
# Rules run in this order, each on what the earlier ones left; promotions add theirs here.
DISCOUNT_RULES: list[DiscountRule] = []


def variants_for_pricing(skus: Sequence[str]) -> dict[str, ProductVariant]:
    """The live variants with these SKUs, with what pricing and display need, in three queries."""
    variants = (
        ProductVariant.objects.filter(sku__in=list(skus), product__live=True)
        .select_related("product", "product__primary_category", "product__brand")
        .prefetch_related(
            Prefetch("product__extra_categories", queryset=Category.objects.only("id", "path"))
        )
    )
    return {variant.sku: variant for variant in variants}


def price_basket(
    *,
    lines: Sequence[tuple[ProductVariant, int]],
    red_packet: RedPacket | None = None,
    shipping_method: ShippingMethod | None = None,
    province: str = "",
    user: Any = None,
    email: str = "",
    now: datetime | None = None,
) -> PriceBreakdown:
    """Price (variant, quantity) pairs: unit prices, discounts, shipping and total.

    ``province``, ``user`` and ``email`` say who buys for where: regional campaigns and a
    flash sale's per-shopper limit depend on them.

    The red packet must already have passed ``red_packets.red_packet_problem`` (who
    owns it, dates, status); here only its rule is applied. When it does not fit the
    basket (minimum spend, nothing it applies to) ``red_packet_problem`` says why and
    it gives nothing. Shipping is priced when a method and a province are given; a
    method that does not deliver there leaves ``shipping_fee`` None.
    """
    priced = [
        PricedLine(variant=variant, quantity=quantity, unit_price=variant.price)
        for variant, quantity in lines
    ]
    breakdown = PriceBreakdown(lines=priced, discounts=[])
    context = PricingContext(province=province, user=user, email=email, now=now or timezone.now())
    for rule in DISCOUNT_RULES:
        for discount in rule(priced, context):
            _apply(breakdown, discount)
    breakdown.hints = context.hints
    if red_packet is not None:
        discount, problem = red_packet_discount(red_packet.packet_type, priced)
        if discount is not None:
            _apply(breakdown, discount)
        breakdown.red_packet_problem = problem
    if shipping_method is not None and province:
        breakdown.shipping_method = shipping_method
        breakdown.shipping_fee = shipping_fee(
            method=shipping_method,
            province=province,
            goods_total=breakdown.goods_total,
            weight_grams=breakdown.weight_grams,
        )
    return breakdown


def _apply(breakdown: PriceBreakdown, discount: Discount) -> None:
    for line in breakdown.lines:
        line.discount += discount.per_sku.get(line.sku, ZERO)
    breakdown.discounts.append(discount)


def red_packet_discount(
    packet_type: RedPacketType, lines: list[PricedLine]
) -> tuple[Discount | None, str]:
    """What a red packet of this type takes off these lines, or why it takes nothing.

    A type "not with campaigns" counts only lines no campaign took anything off.
    """
    eligible = [
        line for line in lines if red_packet_applies_to(packet_type, line) and line.total > 0
    ]
    if packet_type.not_with_campaigns:
        touched = [line for line in eligible if line.discount > 0]
        eligible = [line for line in eligible if line.discount <= 0]
        if touched and not eligible:
            return None, _("This red packet cannot be combined with campaign prices.")
    eligible_total = sum((line.total for line in eligible), ZERO)
    if not eligible:
        return None, _("This red packet does not apply to anything in your cart.")
    if eligible_total < packet_type.min_spend:
        return None, _("This red packet needs a spend of ¥%(min)s on the goods it applies to.") % {
            "min": packet_type.min_spend
        }
    if packet_type.kind == RedPacketType.Kind.FIXED:
        amount = packet_type.amount
    else:
        amount = money(eligible_total * packet_type.percent / 100)
        if packet_type.cap is not None:
            amount = min(amount, packet_type.cap)
    amount = min(amount, eligible_total)
    if amount <= 0:
        return None, _("This red packet does not apply to anything in your cart.")
    shares = allocate(amount, [line.total for line in eligible])
    per_sku = {line.sku: share for line, share in zip(eligible, shares, strict=True)}
    return Discount(code="red_packet", label=packet_type.name, amount=amount, per_sku=per_sku), ""


def red_packet_applies_to(packet_type: RedPacketType, line: PricedLine) -> bool:
    """Whether a line counts for the type: the whole shop, or its categories (with
    subcategories) or brands. Uses prefetched categories and brands when present."""
    category_paths = [category.path for category in packet_type.categories.all()]
    brand_ids = {brand.pk for brand in packet_type.brands.all()}
    if not category_paths and not brand_ids:
        return True
    if line.product.brand_id in brand_ids:
        return True
    return any(
        path.startswith(prefix) for path in line.category_paths for prefix in category_paths
    )


def allocate(amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split ``amount`` over ``weights`` in proportion, in whole cents that add up exactly.

    Each share is rounded down first; the cents left over go to the largest
    remainders (ties to the earlier line). No share exceeds its weight when the
    amount does not exceed the sum of the weights.
    """
    total = sum(weights, ZERO)
    if total <= 0:
        return [ZERO for _ in weights]
    exact = [amount * weight / total for weight in weights]
    shares = [value.quantize(CENT, ROUND_DOWN) for value in exact]
    leftover = int((amount - sum(shares, ZERO)) / CENT)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for index in by_remainder[:leftover]:
        shares[index] += CENT
    return shares
