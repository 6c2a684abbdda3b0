"""Bundles (套餐): a main product and 1–4 companion SKUs at bundle prices, under the
"Editorial review" workflow like campaigns (merchandisers draft and submit, managers
approve; dates; revisions).

While a bundle is live and running, a shopper who has the main product and every
companion in the cart pays each companion's bundle price for as many sets as the cart
holds (``bundles.rules``); taking a companion out takes the bundle price away.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from core.cache import CacheVersion

from ..fields import MONEY
from ..promotions.models import VersionedOffer, only_for_provinces

# Every live bundle is cached under this version; any bundle save bumps it.
BUNDLES_VERSION = CacheVersion("bundles:version")
MAX_COMPANIONS = 4


class Bundle(
    VersionedOffer, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel
):
    """A main product shown with companions "bought together" (搭配购买) at bundle prices."""

    name = models.CharField(
        _("name"), max_length=80, help_text=_("Shown to shoppers, e.g. “Tea set”.")
    )
    main_product = models.ForeignKey(
        "products.Product",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("main product"),
        help_text=_("Any of its SKUs makes the bundle."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    provinces = only_for_provinces()

    class Meta:
        verbose_name = _("bundle")
        verbose_name_plural = _("bundles")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="bundle_ends_after_start"
            )
        ]

    offers_version = BUNDLES_VERSION

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})


class BundleItem(Orderable):
    """One companion SKU and its price in the bundle (below its list price)."""

    bundle = ParentalKey(Bundle, on_delete=models.CASCADE, related_name="items")
    sku = models.CharField(_("companion SKU"), max_length=64)
    price = models.DecimalField(
        _("bundle price"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("What the companion costs in the bundle."),
        **MONEY,
    )

    class Meta(Orderable.Meta):
        verbose_name = _("companion")
        verbose_name_plural = _("companions")

    def clean(self):
        from products.models import ProductVariant

        variant = ProductVariant.objects.filter(sku=self.sku.strip()).first()
        if variant is None:
            raise ValidationError({"sku": _("There is no SKU %(sku)s.") % {"sku": self.sku}})
        self.sku = variant.sku
        if self.price is not None and self.price >= variant.price:
            raise ValidationError(
                {
                    "price": _("The bundle price must be below the list price (¥%(price)s).")
                    % {"price": variant.price}
                }
            )
