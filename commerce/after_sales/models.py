"""After-sales requests: what the shopper asks for about which lines, and every step it takes.

A request belongs to one delivered (or completed) order and names some of its lines
with quantities; its status moves only through ``commerce.after_sales.status`` and
every move is an ``AfterSalesEvent`` (the shopper's history, staff messages and notes).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..shipping.models import MONEY


def new_request_number() -> str:
    """ "AS" + date + six random digits: readable on a parcel, unguessable."""
    return (
        "AS"
        + timezone.localdate().strftime("%Y%m%d")
        + "".join(secrets.choice("0123456789") for _ in range(6))
    )


class AfterSalesKind(models.TextChoices):
    RETURN = "return", _("Return and refund")
    EXCHANGE = "exchange", _("Exchange")
    REPAIR = "repair", _("Repair")
    REFUND_ONLY = "refund_only", _("Refund only (missing or damaged item)")
    COMPLAINT = "complaint", _("Complaint")


class AfterSalesStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    INFO_REQUESTED = "info_requested", _("Waiting for your information")
    AWAITING_PARCEL = "awaiting_parcel", _("Approved: awaiting your parcel")
    RECEIVED = "received", _("Parcel received")
    REFUND_PENDING = "refund_pending", _("Approved: refund on its way")
    REFUNDING = "refunding", _("Refund being paid")
    REFUNDED = "refunded", _("Refunded")
    EXCHANGED = "exchanged", _("Exchanged: replacement on its way")
    REPAIRED = "repaired", _("Repaired and shipped back")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled by you")


class AfterSalesReason(models.TextChoices):
    NO_REASON = "no_reason", _("Changed my mind (no reason)")
    DEFECTIVE = "defective", _("Defective or not working")
    DAMAGED = "damaged", _("Damaged in transit")
    MISSING = "missing", _("Item missing from the parcel")
    WRONG_ITEM = "wrong_item", _("Wrong item or size")
    NOT_AS_DESCRIBED = "not_as_described", _("Not as described")
    SERVICE = "service", _("Delivery or service problem")
    OTHER = "other", _("Other")


class AfterSalesRequest(models.Model):
    """One after-sales case about some lines of one order."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    number = models.CharField(
        _("request number"),
        max_length=20,
        unique=True,
        default=new_request_number,
        editable=False,
    )
    order = models.ForeignKey(
        "commerce.Order",
        on_delete=models.PROTECT,
        related_name="after_sales_requests",
        verbose_name=_("order"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="after_sales_requests",
        verbose_name=_("customer"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=AfterSalesKind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AfterSalesStatus.choices,
        default=AfterSalesStatus.SUBMITTED,
        db_index=True,
    )
    reason = models.CharField(_("reason"), max_length=20, choices=AfterSalesReason.choices)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    return_needed = models.BooleanField(_("parcel to be sent back"), default=True)
    refund_amount = models.DecimalField(_("refund proposed"), null=True, blank=True, **MONEY)
    refund = models.OneToOneField(
        "commerce.Refund",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="after_sales_request",
        verbose_name=_("refund"),
    )
    replacement_order = models.OneToOneField(
        "commerce.Order",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_request",
        verbose_name=_("replacement order"),
        help_text=_("The no-charge order that sends an exchange's new item."),
    )
    return_carrier = models.ForeignKey(
        "commerce.Carrier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("return carrier"),
    )
    return_tracking_number = models.CharField(
        _("return tracking number"), max_length=60, blank=True
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("after-sales request")
        verbose_name_plural = _("after-sales requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(refund_amount__isnull=True) | Q(refund_amount__gte=0),
                name="after_sales_refund_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("after_sales_detail", kwargs={"number": self.number})

    @property
    def return_tracking_url(self) -> str:
        if self.return_carrier is None:
            return ""
        return self.return_carrier.tracking_url(self.return_tracking_number)


class AfterSalesLine(models.Model):
    """How many units of one order line the request is about, and what came back."""

    class Condition(models.TextChoices):
        RESALEABLE = "resaleable", _("Resaleable")
        DAMAGED = "damaged", _("Damaged (not sellable)")

    wagtail_reference_index_ignore = True
    request = models.ForeignKey(AfterSalesRequest, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(
        "commerce.OrderLine", on_delete=models.PROTECT, related_name="after_sales_lines"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    received_quantity = models.PositiveIntegerField(_("received"), default=0)
    condition = models.CharField(
        _("condition"), max_length=12, choices=Condition.choices, blank=True
    )

    class Meta:
        verbose_name = _("after-sales line")
        verbose_name_plural = _("after-sales lines")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="after_sales_line_positive"),
            models.UniqueConstraint(
                fields=["request", "order_line"], name="one_after_sales_line_per_order_line"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order_line.product_name} × {self.quantity}"


class AfterSalesPhoto(models.Model):
    """A shopper's photo of the problem (a re-encoded image in the private uploads collection)."""

    request = models.ForeignKey(AfterSalesRequest, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.request} photo {self.pk}"


class AfterSalesEvent(models.Model):
    """One step of a request: a change of status, a message to the shopper or a staff note."""

    wagtail_reference_index_ignore = True
    request = models.ForeignKey(AfterSalesRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=AfterSalesStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=AfterSalesStatus.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    by_staff = models.BooleanField(default=False)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    internal = models.BooleanField(
        _("staff note"), default=False, help_text=_("Never shown to the shopper.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request}: {self.from_status or '∅'} → {self.to_status or '·'}"
