"""Which province a shopper's prices are for, when no delivery address is chosen yet.

In this order: the "deliver to" province the shopper picked in the header (kept in the
session), the province of their default address, the province their connection's
address belongs to in the offline IP database (``promotions.geoip``). Only the province
is ever kept, never the address of the connection.
"""

from __future__ import annotations

from core.regions import PROVINCE_CODES

SESSION_KEY = "ship_to"


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
