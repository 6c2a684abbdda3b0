"""The header's cart count, for every storefront template."""

from .selectors import cart_item_count


def cart_summary(request):
    """``cart_count``: units in the requester's cart.

    A callable remembered on the request, so pages that never show the header (the
    admin, JSON answers) run no query, and one that shows it runs at most one: none
    for a visitor without a cart, one aggregate otherwise.
    """

    def count() -> int:
        if not hasattr(request, "_cart_count"):
            request._cart_count = cart_item_count(request)
        return request._cart_count

    return {"cart_count": count}
