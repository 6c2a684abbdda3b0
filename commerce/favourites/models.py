"""Favourites: the products a signed-in shopper keeps for later."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Favourite(models.Model):
    """A product a signed-in shopper keeps for later (the heart button)."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="favourites",
        verbose_name=_("user"),
    )
    product = models.ForeignKey(
        "products.Product",
        on_delete=models.CASCADE,
        related_name="favourites",
        verbose_name=_("product"),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("favourite")
        verbose_name_plural = _("favourites")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "product"], name="one_favourite_per_product")
        ]

    def __str__(self) -> str:
        return f"{self.user} ♥ {self.product}"
