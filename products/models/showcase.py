"""What ranks a product in the showcases: its counters (sales, reviews) and the editor picks."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable

from .catalogue import Product


class ProductStats(models.Model):  # noqa: DJ008 — a counter row, shown through its product
    """Counters fed by orders and reviews; kept apart from revisions so publishing never resets
    them."""

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="stats", primary_key=True
    )
    sales_count = models.PositiveIntegerField(_("units sold"), default=0, db_index=True)
    rating = models.DecimalField(
        _("average rating"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    review_count = models.PositiveIntegerField(_("approved reviews"), default=0)

    class Meta:
        verbose_name = _("product statistics")
        verbose_name_plural = _("product statistics")


class EditorPick(Orderable):
    """The editor-recommended showcase: a hand-curated, ordered list of products."""

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="editor_pick", verbose_name=_("product")
    )
    note = models.CharField(_("why we recommend it"), max_length=160, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("editor pick")
        verbose_name_plural = _("editor picks")

    def __str__(self) -> str:
        return self.product.name
