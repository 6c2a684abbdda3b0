"""Promotion campaigns (促销): what a merchandiser sets up, under the editorial workflow.

A campaign is content: drafted, previewed (with the resulting price of every SKU it
touches), submitted, approved by a manager, revised. While it is live and between
``starts_at`` and ``ends_at`` the pricing engine applies it (``promotions.engine``).
Flash-sale counters and purchases are not content: they live in their own rows, so
publishing a new revision never resets what was sold.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from core.cache import CacheVersion

from ..fields import MONEY

# Every live campaign is cached under this version; any campaign save bumps it.
CAMPAIGNS_VERSION = CacheVersion("promotions:version")


class CampaignKind(models.TextChoices):
    PERCENT_OFF = "percent", _("Percent off")
    AMOUNT_OFF = "amount", _("Amount off each item")
    SPECIAL_PRICE = "special", _("Special price per SKU")
    SPEND_AND_SAVE = "tiers", _("Spend and save (满减)")
    FLASH_SALE = "flash", _("Flash sale")


# Kinds that set a line's unit price (at most one per line); the others discount the basket.
PRICE_KINDS = {
    CampaignKind.PERCENT_OFF,
    CampaignKind.AMOUNT_OFF,
    CampaignKind.SPECIAL_PRICE,
    CampaignKind.FLASH_SALE,
}
# Kinds whose SKU table carries a price on every line.
PRICED_TABLE_KINDS = {CampaignKind.SPECIAL_PRICE, CampaignKind.FLASH_SALE}


def only_for_provinces() -> models.JSONField:
    """The provinces an offer is limited to, as province codes; empty for everywhere."""
    return models.JSONField(
        _("only for deliveries to"),
        default=list,
        blank=True,
        help_text=_("Leave empty for everywhere."),
    )


class VersionedOffer:
    """An offer whose every save or delete moves its cache version (``offers_version``), so the
    prices cached from it are recomputed."""

    offers_version: CacheVersion

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.offers_version.bump()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.offers_version.bump()
        return result


class Campaign(
    VersionedOffer,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """One promotion: a kind, what it applies to, when, and where.

    What it applies to is the union of: the whole shop (spend-and-save only), hand-picked
    products, categories (with subcategories), brands, and the SKU table (a pasted list,
    one SKU a line, with a price — and for flash sales a cap — where the kind needs one).
    """

    name = models.CharField(
        _("name"), max_length=80, help_text=_("Shown to shoppers, e.g. “Spring sale”.")
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=CampaignKind.choices, default=CampaignKind.PERCENT_OFF
    )
    badge = models.CharField(
        _("badge"),
        max_length=12,
        blank=True,
        help_text=_("A short word on the cards, e.g. “Sale”; the kind's word when empty."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    percent_off = models.DecimalField(
        _("percent off"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("99.99"))],
        # xgettext:no-python-format
        help_text=_("For “percent off”: e.g. 15 for 15 % off."),
    )
    amount_off = models.DecimalField(
        _("amount off"),
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("For “amount off”: taken off each item's price."),
        **MONEY,
    )
    whole_shop = models.BooleanField(
        _("whole shop"),
        default=False,
        help_text=_("Spend and save only: every product counts towards the tiers."),
    )
    categories = ParentalManyToManyField(
        "products.Category", blank=True, related_name="+", verbose_name=_("categories")
    )
    brands = ParentalManyToManyField(
        "products.BrandPage", blank=True, related_name="+", verbose_name=_("brands")
    )
    sku_table = models.TextField(
        _("SKUs"),
        blank=True,
        help_text=_(
            "Paste SKUs, one a line (from a spreadsheet: SKU, price[, cap]). Special prices "
            "and flash sales need a price on each line; flash sales a cap too."
        ),
    )
    per_shopper_limit = models.PositiveIntegerField(
        _("per shopper"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Flash sales: units of each SKU one shopper may buy at the sale price."),
    )
    provinces = only_for_provinces()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="campaign_ends_after_start"
            )
        ]

    offers_version = CAMPAIGNS_VERSION

    def __str__(self) -> str:
        return self.name

    @property
    def badge_text(self) -> str:
        return self.badge or str(BADGES[self.kind])

    def sku_rows(self) -> list[tuple[str, Decimal | None, int | None]]:
        """The SKU table as (sku, price, cap); raises ValidationError naming bad lines."""
        rows, errors, seen = [], [], set()
        for number, raw in enumerate(self.sku_table.splitlines(), start=1):
            cells = [cell.strip() for cell in raw.replace("\t", ",").split(",")]
            cells = [cell for cell in cells if cell] if cells[0] else []
            if not cells:
                continue
            sku, price, cap = cells[0], None, None
            try:
                if len(cells) > 1:
                    price = Decimal(cells[1])
                    if (
                        not price.is_finite()
                        or price <= 0
                        or price != price.quantize(Decimal("0.01"))
                    ):
                        raise InvalidOperation
                if len(cells) > 2:
                    if not cells[2].isdigit() or int(cells[2]) < 1:
                        raise InvalidOperation
                    cap = int(cells[2])
                if len(cells) > 3:
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                errors.append(
                    _("Line %(number)s (“%(line)s”) should read SKU, price, cap.")
                    % {"number": number, "line": raw.strip()[:60]}
                )
                continue
            if sku in seen:
                errors.append(_("SKU %(sku)s is listed twice.") % {"sku": sku})
            seen.add(sku)
            rows.append((sku, price, cap))
        if errors:
            raise ValidationError({"sku_table": errors})
        return rows

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors.setdefault("ends_at", []).append(_("The end must be after the start."))
        try:
            rows = self.sku_rows()
        except ValidationError as error:
            raise ValidationError({**error.message_dict, **errors}) from None
        if self.kind == CampaignKind.PERCENT_OFF and not self.percent_off:
            errors.setdefault("percent_off", []).append(_("Enter the percentage off."))
        if self.kind == CampaignKind.AMOUNT_OFF and not self.amount_off:
            errors.setdefault("amount_off", []).append(_("Enter the amount off."))
        if self.kind in PRICED_TABLE_KINDS:
            if not rows:
                errors.setdefault("sku_table", []).append(
                    _("List the SKUs with their campaign price.")
                )
            if any(price is None for _sku, price, _cap in rows):
                errors.setdefault("sku_table", []).append(_("Give every SKU its price."))
        if self.kind == CampaignKind.FLASH_SALE and any(cap is None for *_x, cap in rows):
            errors.setdefault("sku_table", []).append(
                _("A flash sale needs a cap on every line: SKU, price, cap.")
            )
        if self.kind != CampaignKind.FLASH_SALE and any(cap for *_x, cap in rows):
            errors.setdefault("sku_table", []).append(_("Only flash sales have caps."))
        if self.kind not in PRICED_TABLE_KINDS and any(price for _s, price, _c in rows):
            errors.setdefault("sku_table", []).append(
                _("Prices in the SKU table are for special prices and flash sales only.")
            )
        if errors:
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name):
        return "commerce/promotions/campaign_preview.html"

    def get_preview_context(self, request, mode_name):
        from .selectors import campaign_preview_rows  # selectors read this model

        context = super().get_preview_context(request, mode_name)
        context.update(campaign_preview_rows(self))
        return context


BADGES = {
    CampaignKind.PERCENT_OFF: _("Sale"),
    CampaignKind.AMOUNT_OFF: _("Sale"),
    CampaignKind.SPECIAL_PRICE: _("Special"),
    CampaignKind.SPEND_AND_SAVE: _("Spend & save"),
    CampaignKind.FLASH_SALE: _("Flash sale"),
}


class CampaignProduct(Orderable):
    """A product picked by hand: every SKU of it is in the campaign."""

    campaign = ParentalKey(Campaign, on_delete=models.CASCADE, related_name="campaign_products")
    product = models.ForeignKey(
        "products.Product", on_delete=models.CASCADE, related_name="+", verbose_name=_("product")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("campaign product")
        verbose_name_plural = _("campaign products")


class CampaignTier(Orderable):
    """One step of a spend-and-save campaign: ¥``amount_off`` off from ¥``threshold``."""

    campaign = ParentalKey(Campaign, on_delete=models.CASCADE, related_name="tiers")
    threshold = models.DecimalField(
        _("from a spend of"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )
    amount_off = models.DecimalField(
        _("save"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )

    class Meta(Orderable.Meta):
        verbose_name = _("tier")
        verbose_name_plural = _("tiers")

    def clean(self):
        if self.threshold and self.amount_off and self.amount_off >= self.threshold:
            raise ValidationError({"amount_off": _("The saving must be below the spend.")})


class FlashSaleCounter(models.Model):  # noqa: DJ008 — a counter row, shown through its campaign
    """Units of one SKU sold at a flash sale's price; locked while an order takes some.

    ``sold`` never exceeds the cap: ``order_place`` locks the row
    (``commerce.locks.lock_flash_counters``), prices under the lock and adds with ``F()``.
    """

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="counters")
    sku = models.CharField(_("SKU"), max_length=64)
    sold = models.PositiveIntegerField(_("sold"), default=0)

    class Meta:
        verbose_name = _("flash-sale counter")
        verbose_name_plural = _("flash-sale counters")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "sku"], name="one_counter_per_flash_sku")
        ]


class FlashSalePurchase(models.Model):  # noqa: DJ008 — a ledger row, shown through its order
    """Units one shopper took at a flash sale's price on one order (for the per-shopper limit)."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="purchases")
    sku = models.CharField(_("SKU"), max_length=64)
    order = models.ForeignKey(
        "commerce.Order", on_delete=models.CASCADE, related_name="flash_purchases"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        verbose_name = _("flash-sale purchase")
        verbose_name_plural = _("flash-sale purchases")
        indexes = [models.Index(fields=["campaign", "sku", "user"], name="flash_purchase_shopper")]
