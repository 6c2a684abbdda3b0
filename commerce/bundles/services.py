"""Putting a bundle in the cart: the main product's chosen SKU and every companion, together."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import CommerceError
from products.models import ProductVariant

from ..cart.models import Cart
from ..cart.services import cart_add_line
from .selectors import running_bundles


class BundleUnavailable(CommerceError):
    """The bundle is not running (for this shopper's province), or the SKU is not its main
    product's."""

    code = "bundle_unavailable"


def bundle_add_to_cart(*, cart: Cart, bundle_id: int, main_sku: str, province: str) -> list[str]:
    """Add one set: ``main_sku`` (a SKU of the main product) and one of each companion.

    All or nothing: each SKU's stock is checked as ``cart_add_line`` does, and a shortfall
    of any one of them (``InsufficientStock`` naming it) adds none. Returns the SKUs added.
    """
    bundle = next((b for b in running_bundles(province=province) if b.pk == bundle_id), None)
    main_product_id = (
        ProductVariant.objects.filter(sku=main_sku).values_list("product_id", flat=True).first()
    )
    if bundle is None or bundle.main_product_id != main_product_id:
        raise BundleUnavailable(_("This bundle is not available any more."))
    skus = [main_sku] + [sku for sku, _price in bundle.items]
    with transaction.atomic():
        for sku in skus:
            cart_add_line(cart=cart, sku=sku, quantity=1)
    return skus
