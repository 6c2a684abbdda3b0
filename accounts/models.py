"""Who signs in: shoppers and staff share one user model.

A custom model from the very first migration so that later fields (mobile number,
preferences) never need a painful swap of ``AUTH_USER_MODEL``.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A shopper or a staff member; staff rights come from Wagtail groups."""

    email = models.EmailField(_("email address"), blank=True, db_index=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
