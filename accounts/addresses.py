"""The address book: add, change, delete, choose the default.

Invariant: a shopper with any address has exactly one default (the database
allows at most one; these functions make sure there is never none). Every change
that can move the default locks the owner's user row first, so two tabs changing
the default at once queue up instead of tripping the unique constraint.
Ownership is checked by the caller (views look addresses up through
``request.user.addresses``), so a foreign id is a 404 before anything here runs.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Address

EDITABLE_FIELDS = ["recipient", "mobile", "province", "city", "district", "street", "postcode"]


def _lock_book(user) -> None:
    """Serialise default switches for one shopper (a no-op lock on SQLite, which serialises writes
    anyway)."""
    get_user_model()._default_manager.select_for_update().filter(pk=user.pk).exists()


def _switch_default(user, address: Address) -> None:
    """Make ``address`` the default; the old default is cleared first so the unique constraint
    holds."""
    Address.objects.filter(user=user, is_default=True).exclude(pk=address.pk).update(
        is_default=False
    )
    Address.objects.filter(pk=address.pk).update(is_default=True)
    address.is_default = True


def address_create(
    *,
    user,
    recipient: str,
    mobile: str,
    province: str,
    city: str,
    district: str,
    street: str,
    postcode: str = "",
    make_default: bool = False,
) -> Address:
    """Add an address; the first one a shopper adds becomes the default whatever they ticked."""
    with transaction.atomic():
        _lock_book(user)
        has_default = Address.objects.filter(user=user, is_default=True).exists()
        address = Address.objects.create(
            user=user,
            recipient=recipient,
            mobile=mobile,
            province=province,
            city=city,
            district=district,
            street=street,
            postcode=postcode,
            is_default=False,
        )
        if make_default or not has_default:
            _switch_default(user, address)
    return address


def address_update(*, address: Address, make_default: bool = False, **fields) -> Address:
    """Change an address's fields; ``make_default`` can promote it but never demote the default."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        _lock_book(address.user)
        for name, value in fields.items():
            setattr(address, name, value)
        address.save(update_fields=[*fields, "updated_at"])
        if make_default:
            _switch_default(address.user, address)
    return address


def address_delete(*, address: Address) -> Address | None:
    """Delete an address; when it was the default, the newest remaining one takes over.

    Returns the new default, if the default moved.
    """
    with transaction.atomic():
        _lock_book(address.user)
        # Re-read under the lock: another request may have moved the default meanwhile.
        was_default = Address.objects.filter(pk=address.pk, is_default=True).exists()
        user = address.user
        address.delete()
        if not was_default:
            return None
        successor = Address.objects.filter(user=user).order_by("-created_at", "-pk").first()
        if successor is not None:
            _switch_default(user, successor)
        return successor


def address_set_default(*, address: Address) -> Address:
    """Make this the address checkout offers first."""
    with transaction.atomic():
        _lock_book(address.user)
        _switch_default(address.user, address)
    return address
