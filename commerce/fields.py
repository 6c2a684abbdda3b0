"""Field definitions the commerce models share: money, who did it, and the order a record
is about.

Calling these gives the same fields as writing them out, so the migrations see no
difference.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Every amount of money: Decimal with two places, up to 99,999,999.99.
MONEY = {"max_digits": 10, "decimal_places": 2}


def by_user(verbose_name, *, blank: bool = True, **kwargs) -> models.ForeignKey:
    """Who did it (a staff member, the shopper): kept for the record without a reverse
    accessor; the record stays when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=blank,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        **kwargs,
    )


def about_order(related_name: str) -> models.ForeignKey:
    """The order a record is about (a movement, a message, a notification); the record
    stays, unlinked, should the order be deleted."""
    return models.ForeignKey(
        "commerce.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        verbose_name=_("order"),
    )
