"""Which province a shopper's prices are for, when no delivery address is chosen yet.

``shopper_province(request)`` is the one answer every price, the header's "deliver to" and
any page cache keyed on region use. In this order:

1. the "deliver to" province the shopper picked in the header (``deliver_to_choose``, kept in
   the session);
2. the province of their default address (signed in);
3. the province of their connection in the offline IP database (``promotions.geoip``), worked
   out on each request and never kept: a visitor who picked nothing gets no session from it.

Checkout prices an order for its delivery address's province, whatever this says. Only a
province code is ever kept, never the address of the connection.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.errors import CommerceError
from core.regions import PROVINCE_CODES

SESSION_KEY = "ship_to"


class DeliverToInvalid(CommerceError):
    """The "deliver to" choice is not one of the provinces the shop delivers to."""

    code = "unknown_province"


def shopper_province(request) -> str:
    """The province regional campaigns are judged for on this request ("" when unknown)."""
    if request is None:
        return ""
    cached = getattr(request, "_shopper_province", None)
    if cached is not None:
        return cached
    province = _chosen(request) or _default_address(request) or _from_ip(request)
    request._shopper_province = province
    return province


def deliver_to_choose(request, province) -> str:
    """Keep ``province`` as the shopper's "deliver to" choice; anything but a province code is
    refused and changes nothing."""
    if not isinstance(province, str) or province not in PROVINCE_CODES:
        raise DeliverToInvalid(_("Please choose a province or region from the list."))
    request.session[SESSION_KEY] = province
    request._shopper_province = province
    return province


def _chosen(request) -> str:
    session = getattr(request, "session", None)
    chosen = session.get(SESSION_KEY, "") if session is not None else ""
    return chosen if chosen in PROVINCE_CODES else ""


def _default_address(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    from accounts.models import Address

    return (
        Address.objects.filter(user=user)
        .order_by("-is_default", "-updated_at")
        .values_list("province", flat=True)
        .first()
        or ""
    )


def _from_ip(request) -> str:
    from .geoip import province_for_request

    return province_for_request(request)
