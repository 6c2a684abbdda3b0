"""Favourites (the heart button): products a signed-in shopper keeps for later.

Products unpublished after being favourited stay on the favourites page, marked
unavailable with a remove button, rather than silently disappearing: the shopper
sees why a product is gone, and it comes back by itself if it is published again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from products.models import Product
from products.showcases import card_images

from ..cart.services import ProductUnavailable
from .models import Favourite

if TYPE_CHECKING:
    from accounts.models import User


def favourite_toggle(*, user: User, product: Product) -> bool:
    """Favourite the product, or un-favourite it when it already is; True when it is now a
    favourite.

    Only live products can be added; removing works for any (the favourites page
    offers it for unpublished ones). The unique constraint, not a check, decides
    when two clicks race: the loser of the insert finds the row and leaves it.
    """
    deleted, _details = Favourite.objects.filter(user=user, product=product).delete()
    if deleted:
        return False
    if not product.live:
        raise ProductUnavailable(_("Sorry, that product is not available."))
    try:
        with transaction.atomic():
            Favourite.objects.create(user=user, product=product)
    except IntegrityError:
        pass  # a concurrent click added it first: it is a favourite either way
    return True


def favourite_remove(*, user: User, product_id: int) -> bool:
    """Take a product out of the favourites; True when it was there."""
    deleted, _details = Favourite.objects.filter(user=user, product_id=product_id).delete()
    return bool(deleted)


def favourite_product_ids(user) -> set[int]:
    """Ids of the user's favourite products, in one query: cards ask this set, not the database."""
    if user is None or not user.is_authenticated:
        return set()
    return set(Favourite.objects.filter(user=user).values_list("product_id", flat=True))


def favourite_products(user) -> list[Product]:
    """The user's favourite products, newest favourite first, ready for product cards.

    Includes unpublished ones (their ``live`` is False); the page marks them.
    """
    favourites = (
        Favourite.objects.filter(user=user)
        .select_related("product", "product__brand", "product__stats")
        .prefetch_related(Prefetch("product__images", queryset=card_images()))
    )
    return [favourite.product for favourite in favourites]
