"""Price history and price protection (价格保护).

``PriceRecord``: every effective price a SKU had and when. A list price is recorded when
its product is published (open until the next published price); a campaign price when
its campaign is published, over the campaign's own start and end (so a scheduled sale
starts and ends in the history by itself), cut short when it is unpublished.

``PriceProtectionClaim``: a shopper's claim for the difference when the price of a SKU
they bought dropped — one per order line at most (a unique constraint, checked under the
order's lock).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..fields import MONEY


class PriceRecord(models.Model):  # noqa: DJ008 — a history row, read through its SKU
    """One SKU at ``price`` from ``starts_at`` until ``ends_at`` (open when empty), for the
    listed provinces (everywhere when empty)."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    class Source(models.TextChoices):
        LIST = "list", _("List price")
        CAMPAIGN = "campaign", _("Campaign price")
        FLASH = "flash", _("Flash-sale price")

    sku = models.CharField(_("SKU"), max_length=64)
    price = models.DecimalField(_("price"), **MONEY)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    campaign = models.ForeignKey(
        "commerce.Campaign",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("campaign"),
    )
    campaign_name = models.CharField(_("campaign"), max_length=80, blank=True)
    provinces = models.JSONField(_("provinces"), default=list, blank=True)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("price record")
        verbose_name_plural = _("price records")
        indexes = [models.Index(fields=["sku", "starts_at"], name="price_record_sku_start")]

    def serves(self, province: str) -> bool:
        return not self.provinces or province in self.provinces


class ClaimStatus(models.TextChoices):
    PAID_RED_PACKET = "red_packet", _("Paid as a red packet")
    AWAITING_REFUND = "awaiting_refund", _("Awaiting refund")
    REFUNDED = "refunded", _("Refunded")


class PriceProtectionClaim(models.Model):
    """The difference paid back on one order line because its SKU's price dropped."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    order = models.ForeignKey(
        "commerce.Order",
        on_delete=models.PROTECT,
        related_name="price_claims",
        verbose_name=_("order"),
    )
    line = models.OneToOneField(
        "commerce.OrderLine",
        on_delete=models.PROTECT,
        related_name="price_claim",
        verbose_name=_("order line"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("customer"),
    )
    sku = models.CharField(_("SKU"), max_length=64)
    quantity = models.PositiveIntegerField(_("quantity"))
    paid_unit = models.DecimalField(_("paid per item"), **MONEY)
    lowest_unit = models.DecimalField(_("lower price"), **MONEY)
    amount = models.DecimalField(_("amount"), **MONEY)
    lowest_at = models.DateTimeField(_("lower price seen"))
    status = models.CharField(_("status"), max_length=20, choices=ClaimStatus.choices)
    red_packet = models.ForeignKey(
        "commerce.RedPacket",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("red packet"),
    )
    refund = models.ForeignKey(
        "commerce.Refund",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("refund"),
    )
    created_at = models.DateTimeField(_("claimed"), auto_now_add=True)

    class Meta:
        verbose_name = _("price protection claim")
        verbose_name_plural = _("price protection claims")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="price_claim_amount_positive")
        ]

    def __str__(self) -> str:
        return f"{self.order} · {self.sku} · ¥{self.amount}"


class PayoutMethod(models.TextChoices):
    RED_PACKET = "red_packet", _("A red packet, at once")
    REFUND = "refund", _("A refund, through finance's refund queue")


@register_setting(icon="shield")
class PriceProtectionSettings(BaseSiteSetting):
    """How the shop honours price drops after a purchase (价格保护)."""

    enabled = models.BooleanField(_("offer price protection"), default=True)
    days_after_delivery = models.PositiveIntegerField(
        _("days after delivery"),
        default=7,
        validators=[MaxValueValidator(365)],
        help_text=_("A drop from placing the order until this many days after delivery counts."),
    )
    payout = models.CharField(
        _("pay the difference as"),
        max_length=20,
        choices=PayoutMethod.choices,
        default=PayoutMethod.RED_PACKET,
    )
    exclude_flash_sales = models.BooleanField(
        _("exclude flash-sale prices"),
        default=True,
        help_text=_("A flash-sale price is not a drop that can be claimed."),
    )

    class Meta:
        verbose_name = _("price protection")
