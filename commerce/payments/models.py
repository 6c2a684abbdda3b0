"""Payments, provider notifications and refunds.

A payment provider's notification is stored once (unique on provider + event id)
in the same transaction that applies it, so a notification delivered three times,
or racing the shopper's return to the site, pays the order once. Refunds are rows;
their sum never exceeds what was paid (checked with the order row locked).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..fields import MONEY, about_order, by_user


class Payment(models.Model):
    """Money received for an order (or expected: an online payment started and not finished)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Started")
        SUCCEEDED = "succeeded", _("Received")
        FAILED = "failed", _("Failed")
        # A second capture for an order already paid (two "Pay" clicks): the money is ours
        # and goes back through a refund; it never pays the order a second time.
        DUPLICATE = "duplicate", _("Duplicate, to refund")
        # A bank transfer short of the total: kept against the order, which waits for the rest.
        PART = "part", _("Received in part")

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py
    order = models.ForeignKey(
        "commerce.Order",
        on_delete=models.PROTECT,
        related_name="payments",
        verbose_name=_("order"),
    )
    provider = models.CharField(_("provider"), max_length=20)
    amount = models.DecimalField(_("amount"), **MONEY)
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reference = models.CharField(
        _("provider reference"),
        max_length=80,
        blank=True,
        help_text=_("The provider's trade number, the bank reference, or the courier's."),
    )
    recorded_by = by_user(_("recorded by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    succeeded_at = models.DateTimeField(_("received"), null=True, blank=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "reference"],
                condition=~Q(reference=""),
                name="unique_payment_reference",
            ),
            # One successful payment per order: a duplicate notification can never pay twice.
            models.UniqueConstraint(
                fields=["order"],
                condition=Q(status="succeeded"),
                name="one_successful_payment_per_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order} {self.provider} ¥{self.amount}"

    @property
    def provider_label(self) -> str:
        """The provider's name for people ("Alipay"), its code when the shop no longer knows it."""
        from ..orders.models import PaymentMethod

        return (
            PaymentMethod(self.provider).label
            if self.provider in PaymentMethod.values
            else (self.provider)
        )


# Payments whose money arrived: what an order was paid (and what can be refunded) is their sum.
RECEIVED = (Payment.Status.SUCCEEDED, Payment.Status.DUPLICATE, Payment.Status.PART)


class PaymentEvent(models.Model):
    """One notification from a provider, kept as received; applied at most once."""

    class Outcome(models.TextChoices):
        APPLIED = "applied", _("Applied")
        FLAGGED = "flagged", _("Flagged for reconciliation")
        IGNORED = "ignored", _("Ignored")

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py
    provider = models.CharField(_("provider"), max_length=20)
    event_id = models.CharField(_("event id"), max_length=120)
    order = about_order("payment_events")
    payload = models.TextField(_("payload"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment notification")
        verbose_name_plural = _("payment notifications")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "event_id"], name="one_event_per_provider_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.event_id}"


class Refund(models.Model):
    """Money given back, through the provider where it can, else recorded as paid out by hand."""

    class Kind(models.TextChoices):
        PROVIDER = "provider", _("Through the payment provider")
        MANUAL = "manual", _("Manual (bank transfer, cash)")

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py
    order = models.ForeignKey(
        "commerce.Order", on_delete=models.PROTECT, related_name="refunds", verbose_name=_("order")
    )
    payment = models.ForeignKey(
        Payment,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="refunds",
        verbose_name=_("payment"),
    )
    amount = models.DecimalField(_("amount"), **MONEY)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=300)
    reference = models.CharField(_("reference"), max_length=80, blank=True)
    created_by = by_user(_("by"), blank=False)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive")
        ]

    def __str__(self) -> str:
        return f"{self.order} −¥{self.amount}"
