"""Red packets (红包): vouchers staff issue to shoppers, spent at checkout.

A type carries the rule (fixed amount or percentage with a cap, minimum spend, dates,
where it applies); each packet is one shopper's copy of a type. Whether a packet can
be used is decided in ``commerce.red_packets.services``; the models only keep state.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ..fields import MONEY, by_user


class RedPacketType(models.Model):
    """The rule of a red packet: how much off, from what spend, when, on what."""

    class Kind(models.TextChoices):
        FIXED = "fixed", _("Fixed amount")
        PERCENT = "percent", _("Percentage off")

    name = models.CharField(
        _("name"), max_length=80, help_text=_("Shown to the shopper, e.g. “¥20 off ¥199”.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FIXED)
    amount = models.DecimalField(
        _("amount off"),
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        **MONEY,
    )
    percent = models.DecimalField(
        _("percent off"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )
    cap = models.DecimalField(
        _("at most"),
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("The largest discount a percentage packet gives; empty for no cap."),
        **MONEY,
    )
    min_spend = models.DecimalField(
        _("minimum spend"),
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
        **MONEY,
        help_text=_("Counted over the goods the packet applies to."),
    )
    valid_from = models.DateTimeField(_("valid from"), default=timezone.now)
    valid_until = models.DateTimeField(_("valid until"))
    categories = models.ManyToManyField(
        "products.Category",
        blank=True,
        related_name="+",
        verbose_name=_("only in these categories"),
        help_text=_(
            "Subcategories are included. Leave empty (with no brands) for the whole shop."
        ),
    )
    brands = models.ManyToManyField(
        "products.BrandPage", blank=True, related_name="+", verbose_name=_("only these brands")
    )
    not_with_campaigns = models.BooleanField(
        _("not with campaigns"),
        default=False,
        help_text=_(
            "Counts only items that no campaign price or spend-and-save took anything off."
        ),
    )
    claimable = models.BooleanField(
        _("shoppers can claim it"),
        default=False,
        help_text=_("Offered on the red packet campaign page while valid."),
    )
    claim_limit = models.PositiveIntegerField(
        _("claims per shopper"), default=1, validators=[MinValueValidator(1)]
    )
    quantity_limit = models.PositiveIntegerField(
        _("total packets"),
        null=True,
        blank=True,
        help_text=_(
            "How many packets of this type may exist in all, claimed or issued by staff; empty "
            "for no limit."
        ),
    )
    disabled = models.BooleanField(
        _("disabled"),
        default=False,
        help_text=_("A disabled type can no longer be used, issued or claimed."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("red packet type")
        verbose_name_plural = _("red packet types")
        ordering = ["-valid_until", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="fixed", amount__isnull=False)
                    | Q(kind="percent", percent__isnull=False)
                ),
                name="red_packet_type_has_value",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        errors = {}
        if self.kind == self.Kind.FIXED and self.amount is None:
            errors["amount"] = _("A fixed-amount packet needs the amount off.")
        if self.kind == self.Kind.PERCENT and self.percent is None:
            errors["percent"] = _("A percentage packet needs the percent off.")
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            errors["valid_until"] = _("The end must be after the start.")
        if errors:
            raise ValidationError(errors)

    def value_label(self) -> str:
        """“¥20 off” or “10% off (at most ¥30)”, for lists and the checkout."""
        if self.kind == self.Kind.FIXED:
            return _("¥%(amount)s off") % {"amount": self.amount}
        label = _("%(percent)s%% off") % {"percent": f"{self.percent.normalize():f}"}
        if self.cap:
            label += " " + _("(at most ¥%(cap)s)") % {"cap": self.cap}
        return label


class RedPacket(models.Model):
    """One shopper's packet of a type. Used at most once: the order that spent it is
    recorded, and a unique constraint keeps a packet on one order at a time."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    class Status(models.TextChoices):
        AVAILABLE = "available", pgettext_lazy("red packet", "Available")
        USED = "used", _("Used")
        DISABLED = "disabled", _("Disabled")

    packet_type = models.ForeignKey(
        RedPacketType, on_delete=models.PROTECT, related_name="packets", verbose_name=_("type")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="red_packets",
        verbose_name=_("shopper"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.AVAILABLE
    )
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    issued_by = by_user(_("issued by"), help_text=_("Empty when the shopper claimed it."))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    used_on = models.OneToOneField(
        "commerce.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="red_packet",
        verbose_name=_("used on order"),
    )
    disabled_at = models.DateTimeField(_("disabled"), null=True, blank=True)

    class Meta:
        verbose_name = _("red packet")
        verbose_name_plural = _("red packets")
        ordering = ["-issued_at", "-pk"]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.packet_type} → {self.user}"

    def status_now(self, now=None) -> str:
        """ "available", "used", "expired" or "disabled" as of ``now``: an available packet
        whose type has ended is expired, though its stored status stays "available"."""
        if self.status == self.Status.USED:
            return "used"
        if self.status == self.Status.DISABLED or self.packet_type.disabled:
            return "disabled"
        if (now or timezone.now()) >= self.packet_type.valid_until:
            return "expired"
        return "available"

    def get_status_now_display(self) -> str:
        """The status staff and shoppers read: "Expired" rather than "Available" once over."""
        if self.status_now() == "expired":
            return gettext("Expired")
        return self.get_status_display()
