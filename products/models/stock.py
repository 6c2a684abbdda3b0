"""Units on hand and reserved per SKU: not content, so publishing or reverting a product's
revision never changes them (written through commerce's stock ledger only)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Stock(models.Model):
    """Units of one SKU on hand and reserved by unpaid orders; never part of a revision."""

    sku = models.CharField(_("SKU"), max_length=64, unique=True)
    on_hand = models.PositiveIntegerField(_("on hand"), default=0)
    reserved = models.PositiveIntegerField(_("reserved"), default=0)
    low_stock_threshold = models.PositiveIntegerField(_("low-stock threshold"), default=5)

    class Meta:
        verbose_name = _("stock")
        verbose_name_plural = _("stock")
        constraints = [
            models.CheckConstraint(
                condition=Q(reserved__lte=F("on_hand")), name="stock_reserved_within_on_hand"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sku}: {self.available}"

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def is_low(self) -> bool:
        return self.available <= self.low_stock_threshold
