"""Notes staff keep on orders; the customer never sees them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ...fields import by_user
from ...orders.models import Order


class StaffNote(models.Model):
    """A note staff keep on an order (a call made, a promise given); never shown to the
    customer."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py
    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="staff_notes", verbose_name=_("order")
    )
    author = by_user(_("author"), blank=False)
    text = models.TextField(_("note"), max_length=1000)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("staff note")
        verbose_name_plural = _("staff notes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
