"""Shipping rules and carriers.

The product page's fee calculator and checkout both price delivery with the
methods and their region rules; an order's parcel goes out with a carrier, whose
tracking page the shopper's order page links to.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from core.regions import PROVINCES

from ..fields import MONEY


class ShippingMethod(ClusterableModel):
    """A way to deliver (standard courier, express…) with its fee rule.

    Fee = base fee for the first weight step + a fee for each further step, plus the
    destination's surcharge; free when the goods total reaches the threshold.
    """

    name = models.CharField(_("name"), max_length=80)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    description = models.CharField(
        _("description"), max_length=200, blank=True, help_text=_("E.g. delivery time: 2–4 days.")
    )
    base_fee = models.DecimalField(
        _("fee for the first step"), validators=[MinValueValidator(Decimal("0"))], **MONEY
    )
    first_weight_grams = models.PositiveIntegerField(_("first step (g)"), default=1000)
    step_grams = models.PositiveIntegerField(
        _("each further step (g)"), default=1000, validators=[MinValueValidator(1)]
    )
    step_fee = models.DecimalField(
        _("fee per further step"),
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        **MONEY,
    )
    free_shipping_threshold = models.DecimalField(
        _("free from goods total"),
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        **MONEY,
        help_text=_("Leave empty for no free shipping."),
    )
    active = models.BooleanField(_("offered"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("shipping method")
        verbose_name_plural = _("shipping methods")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name


class RegionRule(Orderable):
    """How one province differs for a method: a surcharge, or no delivery at all."""

    method = ParentalKey(ShippingMethod, on_delete=models.CASCADE, related_name="region_rules")
    province = models.CharField(_("province"), max_length=30, choices=PROVINCES)
    surcharge = models.DecimalField(
        _("surcharge"), default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))], **MONEY
    )
    unavailable = models.BooleanField(_("not delivered"), default=False)
    surcharge_waived_when_free = models.BooleanField(
        _("free shipping includes the surcharge"), default=False
    )

    class Meta(Orderable.Meta):
        verbose_name = _("region rule")
        verbose_name_plural = _("region rules")
        constraints = [
            models.UniqueConstraint(fields=["method", "province"], name="unique_region_rule")
        ]


class Carrier(models.Model):
    """A courier company; the shopper's order page links to its tracking page."""

    name = models.CharField(_("name"), max_length=80)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    tracking_url_template = models.CharField(
        _("tracking page"),
        max_length=300,
        blank=True,
        help_text=_(
            "The carrier's tracking address with {number} where the tracking number goes."
        ),
    )
    active = models.BooleanField(_("in use"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("carrier")
        verbose_name_plural = _("carriers")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name

    def tracking_url(self, number: str) -> str:
        from urllib.parse import quote

        if not self.tracking_url_template or not number:
            return ""
        return self.tracking_url_template.replace("{number}", quote(number, safe=""))
