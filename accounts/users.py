"""Creating and changing shopper accounts.

Views validate with forms first (for friendly messages); these functions still
turn a lost race on the mobile number's unique constraint into ``AccountTaken``
instead of a 500.
"""

import secrets

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .errors import AccountTaken


def email_taken(email: str, *, exclude_pk: int | None = None) -> bool:
    """Whether another account uses this e-mail address (case-insensitive, as sign-in is)."""
    return (
        get_user_model()
        ._default_manager.filter(email__iexact=email)
        .exclude(pk=exclude_pk)
        .exists()
    )


def mobile_taken(mobile: str, *, exclude_pk: int | None = None) -> bool:
    """Whether another account uses this mobile number."""
    return (
        bool(mobile)
        and get_user_model()._default_manager.filter(mobile=mobile).exclude(pk=exclude_pk).exists()
    )


def _new_username() -> str:
    """Shoppers never type a username (they sign in by e-mail or mobile); the account still needs
    one."""
    return f"shopper-{secrets.token_hex(6)}"


def user_sign_up(*, email: str, password: str, mobile: str = "", first_name: str = ""):
    """Create a shopper account; the password has already passed Django's validators."""
    if email_taken(email) or mobile_taken(mobile):
        raise AccountTaken(
            _("An account with this e-mail address or mobile number already exists.")
        )
    user = get_user_model()(
        username=_new_username(), email=email, mobile=mobile, first_name=first_name
    )
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise AccountTaken(
            _("An account with this e-mail address or mobile number already exists.")
        ) from None
    return user


def profile_update(*, user, first_name: str, last_name: str, email: str, mobile: str):
    """Change the shopper's name and contact details; e-mail and mobile stay unique."""
    if email_taken(email, exclude_pk=user.pk):
        raise AccountTaken(_("Another account already uses this e-mail address."))
    if mobile_taken(mobile, exclude_pk=user.pk):
        raise AccountTaken(_("Another account already uses this mobile number."))
    user.first_name, user.last_name, user.email, user.mobile = first_name, last_name, email, mobile
    try:
        with transaction.atomic():
            user.save(update_fields=["first_name", "last_name", "email", "mobile"])
    except IntegrityError:
        user.refresh_from_db()
        raise AccountTaken(
            _("Another account already uses this e-mail address or mobile number.")
        ) from None
    return user
