"""Who signs in: shoppers and staff share one user model.

A custom model from the very first migration so that later fields never need a
painful swap of ``AUTH_USER_MODEL``. Shoppers sign in by e-mail or mainland mobile
number; both are unique when given.
"""

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.regions import PROVINCES
from core.text import person_name

mobile_validator = RegexValidator(
    r"^1[3-9]\d{9}$", _("Enter an 11-digit mainland mobile number, e.g. 13800138000.")
)
postcode_validator = RegexValidator(r"^\d{6}$", _("A postcode has six digits."))


class User(AbstractUser):
    """A shopper or a staff member; staff rights come from Wagtail groups."""

    email = models.EmailField(_("email address"), blank=True, db_index=True)
    mobile = models.CharField(
        _("mobile number"), max_length=11, blank=True, validators=[mobile_validator]
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Sign-in by mobile number needs it to name one person; blank means "none given".
            models.UniqueConstraint(
                fields=["mobile"], condition=~Q(mobile=""), name="unique_user_mobile"
            ),
            # Sign-in by e-mail too; compared without case, as people type it.
            models.UniqueConstraint(
                Lower("email"), condition=~Q(email=""), name="unique_user_email_ci"
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        """ "王小明" for a Chinese name (family name first), "Xiaoming Wang" otherwise."""
        return person_name(given=self.first_name, family=self.last_name)


class Address(models.Model):
    """A delivery address in the Chinese order: province, city, district, street.

    Orders copy the fields when they are placed, so editing or deleting an address
    never changes where a past order went.
    """

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models/__init__.py

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="addresses", verbose_name=_("user")
    )
    recipient = models.CharField(_("recipient"), max_length=50)
    mobile = models.CharField(_("mobile number"), max_length=11, validators=[mobile_validator])
    province = models.CharField(_("province"), max_length=30, choices=PROVINCES)
    city = models.CharField(_("city"), max_length=50)
    district = models.CharField(_("district"), max_length=50)
    street = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(
        _("postcode"), max_length=6, blank=True, validators=[postcode_validator]
    )
    is_default = models.BooleanField(_("default address"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["-is_default", "-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(is_default=True), name="one_default_address"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} {self.mobile} {self.one_line()}"

    def one_line(self) -> str:
        """The address as it is written on a parcel: province, city, district, street."""
        return " ".join(
            part
            for part in [self.get_province_display(), self.city, self.district, self.street]
            if part
        )
