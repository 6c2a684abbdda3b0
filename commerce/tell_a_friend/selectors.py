"""What the mail to a friend shows of the product: the card a shopper sees in the shop."""

from products.prices import attach_card_prices

from ..outbox.services import absolute_url

# JPEG, not WebP: several mail programs (Outlook on Windows among them) show no WebP.
MAIL_IMAGE_SPEC = "fill-300x300|format-jpeg"


def product_share_card(request, product) -> dict:
    """Name, shown price (the same pricing as the product's card in the shop), absolute links
    to the product and to its main picture's rendition (None without a picture)."""
    attach_card_prices(request, [product])
    picture = product.main_image
    return {
        "name": product.name,
        "price": product.card_price,
        "url": absolute_url(product.url),
        "image_url": _absolute(picture.image.get_rendition(MAIL_IMAGE_SPEC).url)
        if picture is not None
        else None,
        "image_alt": picture.alt_text if picture is not None else "",
    }


def _absolute(url: str) -> str:
    """A rendition's address as a mail needs it: storages that serve from elsewhere (a CDN)
    give absolute addresses already."""
    return url if url.startswith(("http://", "https://")) else absolute_url(url)
