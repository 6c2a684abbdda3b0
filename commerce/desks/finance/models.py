"""Cash a courier collected on delivery, handed to the finance desk and matched to orders."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ...fields import MONEY, by_user
from ...shipping.models import Carrier


class CodCollection(models.Model):
    """Cash a courier collected on delivery on one day, handed to finance and matched to orders."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py
    carrier = models.ForeignKey(
        Carrier,
        on_delete=models.PROTECT,
        related_name="cod_collections",
        verbose_name=_("carrier"),
    )
    day = models.DateField(_("day"))
    amount = models.DecimalField(_("cash received"), **MONEY)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = by_user(_("recorded by"), blank=False)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("cash-on-delivery collection")
        verbose_name_plural = _("cash-on-delivery collections")
        ordering = ["-day", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["carrier", "day"], name="one_collection_per_carrier_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.carrier} {self.day} ¥{self.amount}"
