"""Stock movements caused by orders: reserve on placing, release on cancelling,
take off the shelf on shipping.

Every function locks the SKUs' stock rows in primary-key order, so two orders that
take the same SKUs in a different line order queue behind each other instead of
deadlocking, and it re-checks under the lock before writing with ``F()``.
Call them inside the order's transaction.
"""

from django.db.models import F
from django.utils.translation import gettext as _

from products.models import Stock

from .errors import InsufficientStock


def _locked_rows(skus) -> dict[str, Stock]:
    rows = Stock.objects.select_for_update().filter(sku__in=list(skus)).order_by("pk")
    return {row.sku: row for row in rows}


def stock_reserve(*, quantities: dict[str, int], names: dict[str, str] | None = None) -> None:
    """Hold ``quantities`` (SKU → units) for an order, or raise ``InsufficientStock`` naming
    every line that cannot be served; nothing is held then."""
    rows = _locked_rows(quantities)
    short = []
    for sku, quantity in quantities.items():
        row = rows.get(sku)
        available = row.available if row else 0
        if available < quantity:
            short.append((sku, available))
    if short:
        raise InsufficientStock(_sold_out_message(short, names or {}))
    for sku, quantity in quantities.items():
        Stock.objects.filter(pk=rows[sku].pk).update(reserved=F("reserved") + quantity)


def _sold_out_message(short, names) -> str:
    parts = []
    for sku, available in short:
        name = names.get(sku, sku)
        if available <= 0:
            parts.append(_("%(name)s is sold out") % {"name": name})
        else:
            parts.append(_("only %(count)d of %(name)s left") % {"count": available, "name": name})
    return _("Sorry: %(details)s. Please change your cart.") % {"details": "; ".join(parts)}


def stock_release(*, quantities: dict[str, int]) -> None:
    """Give back what a cancelled order held (never below zero, should a row have been corrected meanwhile)."""
    rows = _locked_rows(quantities)
    for sku, quantity in quantities.items():
        if sku in rows:
            row = rows[sku]
            Stock.objects.filter(pk=row.pk).update(reserved=max(0, row.reserved - quantity))


def stock_ship(*, quantities: dict[str, int]) -> None:
    """Shipped goods leave the shelf: on hand and reserved both drop by the quantity."""
    rows = _locked_rows(quantities)
    for sku, quantity in quantities.items():
        if sku in rows:
            row = rows[sku]
            taken = min(quantity, row.reserved)
            Stock.objects.filter(pk=row.pk).update(on_hand=max(0, row.on_hand - quantity),
                                                   reserved=row.reserved - taken)
