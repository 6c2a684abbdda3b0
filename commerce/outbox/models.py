"""The e-mail outbox: every message to a customer is a row before it is a send.

The row is written in the same transaction as what it reports (the order, the
status change), so a message is never lost when the mail server is down: the send
task marks it sent, and ``send_pending_emails`` retries what is still pending.
``dedupe_key`` makes "order placed" and the like go out once however often the
code asks.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..fields import about_order


class OutgoingEmail(models.Model):
    """One message, rendered in the recipient's language when it was queued."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")

    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    dedupe_key = models.CharField(_("once-only key"), max_length=120, unique=True)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=200)
    text_body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML"), blank=True)
    order = about_order("emails")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to}"
