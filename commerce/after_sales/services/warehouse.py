"""The warehouse's steps: booking a returned parcel in (stock back through the ledger), and the
replacement order that sends an exchange's new item."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ...inventory.services import stock_reserve, stock_return, stock_write_off_damaged
from ...orders.models import Order, OrderStatus
from ..models import (
    AfterSalesLine,
    AfterSalesRequest,
)
from .history import _staff, shopper_text
from .requests import AfterSalesRefused, K, S
from .steps import _lock, _move

# --- the warehouse receives the parcel
# --------------------------------------------------------------------


def after_sales_receive(
    *, request: AfterSalesRequest, actor, received: dict[int, tuple[int, str]]
) -> AfterSalesRequest:
    """Logistics counts what came back per line and its condition.

    Resaleable units go back on the shelf through the ledger (a ``return_in`` movement);
    damaged units are booked in and written off at once (``return_in`` then ``damaged``),
    so on hand always equals the ledger and a damaged unit is never sold. A return or
    refund-only case then waits for finance; an exchange or repair for the desk.
    """
    with transaction.atomic():
        locked = _lock(request)
        if locked.status != S.AWAITING_PARCEL:
            raise AfterSalesRefused(_("This request is not waiting for a parcel."))
        lines = {line.pk: line for line in locked.lines.select_related("order_line")}
        if set(received) - set(lines):
            raise AfterSalesRefused(_("That line is not part of this request."))
        for pk, line in sorted(lines.items()):
            units, condition = received.get(pk, (0, ""))
            if not 0 <= units <= line.quantity:
                raise AfterSalesRefused(
                    _("At most %(count)d of “%(name)s” were announced.")
                    % {"count": line.quantity, "name": line.order_line.product_name}
                )
            if units and condition not in AfterSalesLine.Condition.values:
                raise AfterSalesRefused(_("Choose the condition of every item received."))
            line.received_quantity, line.condition = units, condition if units else ""
            line.save(update_fields=["received_quantity", "condition"])
            if units and locked.kind != K.REPAIR:  # a repaired item goes back to the shopper
                stock_return(
                    sku=line.order_line.sku, quantity=units, order=locked.order, actor=actor
                )
                if condition == AfterSalesLine.Condition.DAMAGED:
                    stock_write_off_damaged(
                        sku=line.order_line.sku,
                        quantity=units,
                        order=locked.order,
                        actor=actor,
                        reason=locked.number,
                    )
        if not any(units for units, _c in received.values()):
            raise AfterSalesRefused(_("Enter how many items arrived."))
        _move(
            locked,
            S.RECEIVED,
            actor=actor,
            message=shopper_text(locked, gettext_noop("Your parcel arrived at our warehouse.")),
        )
        if locked.kind in {K.RETURN, K.REFUND_ONLY}:
            _move(locked, S.REFUND_PENDING, actor=actor)
    request.refresh_from_db()
    return request


def exchange_choices(request: AfterSalesRequest) -> dict[int, list]:
    """After-sales line id → the variants of its product an exchange may send instead."""
    from products.models import ProductVariant

    lines = list(request.lines.select_related("order_line"))
    products = {line.order_line.product_id for line in lines if line.order_line.product_id}
    variants: dict[int, list] = {}
    for variant in ProductVariant.objects.filter(product_id__in=products).order_by("pk"):
        variants.setdefault(variant.product_id, []).append(variant)
    return {line.pk: variants.get(line.order_line.product_id, []) for line in lines}


def after_sales_replacement_create(
    *, request: AfterSalesRequest, actor, skus: dict[int, str] | None = None
) -> Order:
    """Send an exchange's new items: a no-charge order of what came back (or of another size or
    colour of the same product, ``skus``: after-sales line id → SKU), paid and waiting in the
    logistics review queue, so it is stocked, packed and shipped like any order.

    The stock is reserved as for a placed order; the request becomes "exchanged" with a link
    to the replacement. ``checkout_key`` is the request's, so a second click cannot make two.
    """
    if request.kind != K.EXCHANGE:
        raise AfterSalesRefused(_("Only an exchange gets a replacement order."))
    skus = skus or {}
    with transaction.atomic():
        locked = _lock(request)
        if locked.status != S.RECEIVED:
            raise AfterSalesRefused(_("This exchange is not waiting for its replacement."))
        chosen = _replacement_lines(locked, skus)
        replacement = _replacement_order(locked, chosen, actor=actor)
        _move(
            locked,
            S.EXCHANGED,
            actor=actor,
            replacement_order=replacement,
            message=shopper_text(
                locked,
                gettext_noop(
                    "Your replacement is order %(number)s; you can follow it under My orders."
                ),
                number=replacement.number,
            ),
        )
    request.refresh_from_db()
    return replacement


def _replacement_lines(request: AfterSalesRequest, skus: dict[int, str]) -> list:
    """(order line, variant, units) for every line that came back."""
    choices = exchange_choices(request)
    chosen = []
    for line in request.lines.select_related("order_line"):
        if not line.received_quantity:
            continue
        sku = skus.get(line.pk) or line.order_line.sku
        variant = next((v for v in choices[line.pk] if v.sku == sku), None)
        if variant is None:
            raise AfterSalesRefused(
                _("“%(name)s” can be exchanged for another size or colour of itself only.")
                % {"name": line.order_line.product_name}
            )
        chosen.append((line.order_line, variant, line.received_quantity))
    if not chosen:
        raise AfterSalesRefused(_("Nothing came back that could be replaced."))
    return chosen


def _replacement_order(request: AfterSalesRequest, chosen: list, *, actor) -> Order:
    from ...orders.models import OrderLine, OrderStatusChange, PaymentMethod

    original = request.order
    goods = sum((line.unit_price * units for line, _v, units in chosen), Decimal("0"))
    # Cash on delivery would put a ¥0 parcel in the couriers' cash list: nothing is due.
    method = original.payment_method
    if method == PaymentMethod.CASH_ON_DELIVERY:
        method = PaymentMethod.BANK_TRANSFER
    now = timezone.now()
    replacement = Order.objects.create(
        checkout_key=f"exchange-{request.number}",
        user=original.user,
        email=original.email,
        language=original.language,
        status=OrderStatus.PAID,
        paid_at=now,
        payment_method=method,
        **{field: getattr(original, field) for field in _DELIVERY_FIELDS},
        subtotal=goods,
        discount_total=goods,
        shipping_fee=Decimal("0.00"),
        total=Decimal("0.00"),
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=replacement,
            product_id=variant.product_id,
            sku=variant.sku,
            product_name=line.product_name,
            options=variant.label,
            unit_price=line.unit_price,
            quantity=units,
            discount=line.unit_price * units,
            line_total=Decimal("0.00"),
        )
        for line, variant, units in chosen
    )
    OrderStatusChange.objects.create(
        order=replacement,
        from_status="",
        to_status=OrderStatus.PAID,
        actor=_staff(actor),
        note=shopper_text(
            request,
            gettext_noop("Replacement for after-sales request %(number)s."),
            number=request.number,
        ),
    )
    quantities: dict[str, int] = {}
    for _line, variant, units in chosen:
        quantities[variant.sku] = quantities.get(variant.sku, 0) + units
    names = {variant.sku: line.product_name for line, variant, _u in chosen}
    stock_reserve(quantities=quantities, names=names, order=replacement, actor=actor)
    return replacement


_DELIVERY_FIELDS = (
    "recipient",
    "mobile",
    "province",
    "city",
    "district",
    "street",
    "postcode",
    "shipping_method",
    "shipping_method_name",
)
