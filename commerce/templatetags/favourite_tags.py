"""The heart button on product cards and pages, without a query per card."""

from django import template

from ..favourites.services import favourite_product_ids

register = template.Library()


def favourite_ids_for_request(request) -> set[int]:
    """The requester's favourite product ids, fetched once per request (none for visitors)."""
    if request is None:
        return set()
    if not hasattr(request, "_favourite_product_ids"):
        request._favourite_product_ids = favourite_product_ids(getattr(request, "user", None))
    return request._favourite_product_ids


@register.inclusion_tag("commerce/favourites/includes/favourite_button.html", takes_context=True)
def favourite_button(context, product, style="card"):
    """A POST form toggling the product's heart; ``style`` is "card" (icon) or "page" (icon and
    words)."""
    request = context.get("request")
    return {
        "product": product,
        "is_favourite": product.pk in favourite_ids_for_request(request),
        "style": style,
        "next": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
    }
