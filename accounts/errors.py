"""Refusals of the accounts area, in the shop's one error shape (code + human message)."""

from core.errors import CommerceError


class AccountTaken(CommerceError):
    """The e-mail address or mobile number already belongs to another account."""

    code = "account_taken"
