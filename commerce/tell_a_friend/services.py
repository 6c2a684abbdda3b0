"""Sending a product to a friend: one mail through the outbox, nothing else kept.

The friend's address exists only on the outbox row (its ``to``); no model of this package
stores it, the once-only key is random, and the rate limits count the sender, never the
recipient. The mail says who sent it (the sender's account name and, when they have one,
their e-mail address), links to the product page with no tracking parameter and carries
no tracking picture.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from core.errors import CommerceError
from core.user_text import user_text_clean

from ..outbox.models import OutgoingEmail
from ..outbox.services import email_queue

MESSAGE_MAX_LENGTH = 300
EMAIL_MAX_LENGTH = 254
SENDER_NAME_MAX_LENGTH = 40


class ShareRefused(CommerceError):
    code = "share_refused"


def sender_identity(user) -> tuple[str, str]:
    """(name, e-mail) the friend reads as the sender: the account's full name, else its
    username; the e-mail only when the account has one."""
    name = (user.get_full_name() or user.username or "").strip()[:SENDER_NAME_MAX_LENGTH]
    return name, (user.email or "").strip()


def friend_email_clean(value: str | None) -> str:
    """The friend's address, trimmed and checked: one address, no control characters."""
    address = user_text_clean(
        value, label=_("Your friend's e-mail address"), max_length=EMAIL_MAX_LENGTH
    )
    try:
        validate_email(address)
    except ValidationError:
        raise ShareRefused(_("Please enter one valid e-mail address for your friend.")) from None
    return address


def share_fields_clean(*, friend_email: str | None, message: str | None) -> tuple[str, str]:
    """The friend's address and the optional message, checked (see ``product_share_send``)."""
    note = user_text_clean(
        message, label=_("Your message"), max_length=MESSAGE_MAX_LENGTH, required=False
    )
    return friend_email_clean(friend_email), note


def product_share_send(
    *, sender, product, card: dict, friend_email: str, message: str = "", language: str
) -> OutgoingEmail:
    """Queue the mail about ``product`` (its ``card``, see selectors) to ``friend_email``
    in ``language`` (the sender's); TextRefused / ShareRefused with a message for a bad
    address or message, and then nothing is queued."""
    if not product.live:
        raise ShareRefused(_("This product is not in the shop."))
    address, note = share_fields_clean(friend_email=friend_email, message=message)
    sender_name, sender_email = sender_identity(sender)
    return email_queue(
        kind="tell_a_friend",
        to=address,
        language=language,
        context={
            "product": card,
            "sender_name": sender_name,
            "sender_email": sender_email,
            "message": note,
        },
        dedupe_key=f"tell-a-friend:{uuid.uuid4().hex}",
    )
