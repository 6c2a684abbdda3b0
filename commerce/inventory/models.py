"""The inventory ledger: every change of a SKU's stock is a movement row (``products.Stock``
keeps the sums)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..fields import MONEY, about_order, by_user


class StockMovement(models.Model):
    """One change of a SKU's stock. On hand and reserved always equal the sums of these rows."""

    class Kind(models.TextChoices):
        PURCHASE_IN = "purchase_in", _("Purchase in")
        RESERVE = "reserve", _("Reserved for an order")
        RELEASE = "release", _("Released (order cancelled)")
        SALE_OUT = "sale_out", _("Sold and shipped")
        RETURN_IN = "return_in", _("Returned")
        ADJUSTMENT = "adjustment", _("Adjustment")
        STOCKTAKE = "stocktake", _("Stock-take correction")
        DAMAGED = "damaged", _("Written off (damaged)")

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py
    sku = models.CharField(_("SKU"), max_length=64, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    on_hand_change = models.IntegerField(_("on hand ±"), default=0)
    reserved_change = models.IntegerField(_("reserved ±"), default=0)
    order = about_order("stock_movements")
    supplier_reference = models.CharField(_("supplier reference"), max_length=80, blank=True)
    unit_cost = models.DecimalField(_("unit cost"), null=True, blank=True, **MONEY)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    actor = by_user(_("by"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.sku} {self.kind} {self.on_hand_change:+d}/{self.reserved_change:+d}"
