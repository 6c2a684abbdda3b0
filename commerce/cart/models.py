"""Carts and their lines.

Cart lines point at a SKU by its code, not by a foreign key: a product republished
without that variant must leave the line in the cart, flagged, rather than have it
vanish in a cascade. ``price_when_added`` lets the cart tell the shopper when the
price moved since.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..fields import MONEY


class Cart(models.Model):
    """One shopper's cart: a signed-in user's (one per user) or an anonymous session's.

    Anonymous carts are rows too, found through the id kept in the session, so that
    line timestamps exist for every shopper and merging on sign-in is a row move.
    """

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cart",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("cart")
        verbose_name_plural = _("carts")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"


class CartLine(models.Model):
    """A SKU and a quantity in a cart, with when it was added and last changed."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    cart = models.ForeignKey(
        Cart, on_delete=models.CASCADE, related_name="lines", verbose_name=_("cart")
    )
    sku = models.CharField(_("SKU"), max_length=64)
    quantity = models.PositiveIntegerField(_("quantity"))
    price_when_added = models.DecimalField(_("price when added"), **MONEY)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("cart line")
        verbose_name_plural = _("cart lines")
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cart", "sku"], name="one_line_per_sku"),
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="cart_line_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sku} × {self.quantity}"
