"""Reading the ledger: whether the Stock rows agree with their movements, and the SKUs
running low.
"""

from __future__ import annotations

from django.db.models import F, OuterRef, Subquery, Sum

from core.bilingual import in_active_language
from products.models import ProductVariant, Stock

from .models import StockMovement

# Checking ------------------------------------------------------------------------------


def stock_ledger_mismatches(skus=None) -> list[tuple[str, int, int, int, int]]:
    """Every SKU whose Stock row differs from its ledger sums, as
    ``(sku, on_hand, ledger_on_hand, reserved, ledger_reserved)``; empty when all agree.

    A SKU with movements but no Stock row counts as 0 on hand and 0 reserved.
    """
    stock = Stock.objects.all()
    movements = StockMovement.objects.all()
    if skus is not None:
        skus = list(skus)
        stock, movements = stock.filter(sku__in=skus), movements.filter(sku__in=skus)
    rows = {
        sku: (on_hand, reserved)
        for sku, on_hand, reserved in stock.values_list("sku", "on_hand", "reserved")
    }
    sums = {
        entry["sku"]: (entry["on_hand"] or 0, entry["reserved"] or 0)
        for entry in movements.order_by()
        .values("sku")
        .annotate(on_hand=Sum("on_hand_change"), reserved=Sum("reserved_change"))
    }
    mismatches = []
    for sku in sorted(rows.keys() | sums.keys()):
        (on_hand, reserved), (ledger_on_hand, ledger_reserved) = (
            rows.get(sku, (0, 0)),
            sums.get(sku, (0, 0)),
        )
        if (on_hand, reserved) != (ledger_on_hand, ledger_reserved):
            mismatches.append((sku, on_hand, ledger_on_hand, reserved, ledger_reserved))
    return mismatches


def low_stock_rows():
    """Rows whose available units are at or below their threshold, biggest shortfall first, with
    the product's name, in one query (the report pages through it)."""
    variant = ProductVariant.objects.filter(sku=OuterRef("sku"))
    return (
        Stock.objects.annotate(units_available=F("on_hand") - F("reserved"))
        .annotate(shortfall=F("low_stock_threshold") - F("units_available"))
        .filter(units_available__lte=F("low_stock_threshold"))
        .annotate(
            # Read in the language shown (the columns of products/translation.py).
            product_name=Subquery(
                variant.annotate(text=in_active_language("product__name")).values("text")[:1]
            ),
            variant_options=Subquery(
                variant.annotate(text=in_active_language("option_1")).values("text")[:1]
            ),
        )
        .order_by("-shortfall", "sku")
    )
