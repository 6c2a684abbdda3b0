"""Sign-in by username, e-mail address or mainland mobile number.

Shoppers remember their e-mail address or phone number, staff their username, so
one password field accepts all three. django-axes stays first in
``AUTHENTICATION_BACKENDS``: it refuses locked-out sign-ins before this backend
checks a password, and ``axes_username`` makes the three spellings of one account
share one failure counter, so switching from e-mail to mobile number does not buy
an attacker five more guesses.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# More than one account may share an e-mail address (staff accounts made in the
# admin are not checked); we try a few and never scan a whole table.
MAX_CANDIDATES = 5


def normalise_identifier(raw: str | None) -> str:
    """What the person typed, without surrounding blanks; a phone number without spaces, dashes or
    +86."""
    identifier = (raw or "").strip()
    compact = re.sub(r"[\s-]", "", identifier)
    if compact.startswith("+86"):
        compact = compact[3:]
    return compact if MOBILE_RE.match(compact) else identifier


def users_for_identifier(identifier: str) -> list:
    """Accounts the identifier may name, an exact username match first.

    One query: username, e-mail (case-insensitive) and mobile number are matched
    together so a username that looks like an e-mail address still works.
    """
    if not identifier:
        return []
    match = Q(username=identifier) | Q(email__iexact=identifier)
    if MOBILE_RE.match(identifier):
        match |= Q(mobile=identifier)
    users = list(get_user_model()._default_manager.filter(match).order_by("pk")[:MAX_CANDIDATES])
    return sorted(users, key=lambda user: user.username != identifier)


class EmailOrMobileBackend(ModelBackend):
    """Django's model backend, looking the account up by any of its three names."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if password is None:
            return None
        candidates = users_for_identifier(normalise_identifier(username))
        if not candidates:
            # Hash anyway so "no such account" takes as long as "wrong password".
            get_user_model()().set_password(password)
            return None
        for user in candidates:
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        return None


def axes_username(request, credentials=None) -> str | None:
    """The name django-axes counts failures under: the account's username when one account matches.

    Called by axes with the login credentials, or with none when it only has the
    request (then the posted ``username`` field is used).
    """
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = getattr(request, "POST", {}).get("username")
    identifier = normalise_identifier(raw)
    if not identifier:
        return None
    users = users_for_identifier(identifier)
    if len(users) == 1 or (users and users[0].username == identifier):
        return users[0].username
    return identifier.lower()
