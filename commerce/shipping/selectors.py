"""Shipping rules read for search engines: what one unit of a variant costs to deliver, per
offered method, as schema.org OfferShippingDetails on the product page's Offers."""

from decimal import Decimal

from django.conf import settings

from .models import ShippingMethod
from .services import shipping_fee

SCHEMA = "https://schema.org"
# A province without a rule of its own pays the method's plain fee; that fee is the one said.
NO_RULE = ""


def offered_methods() -> list[ShippingMethod]:
    """The methods checkout offers, with their region rules (two queries)."""
    return list(ShippingMethod.objects.filter(active=True).prefetch_related("region_rules"))


def offer_shipping_details(
    methods: list[ShippingMethod], *, price: Decimal, weight_grams: int
) -> list[dict]:
    """One OfferShippingDetails per method for one unit at ``price`` (free shipping counted as
    checkout counts it), delivered anywhere in mainland China."""
    details = []
    for method in methods:
        fee = shipping_fee(
            method=method, province=NO_RULE, goods_total=price, weight_grams=weight_grams
        )
        details.append(
            {
                "@type": "OfferShippingDetails",
                "shippingLabel": method.name,
                "shippingRate": {
                    "@type": "MonetaryAmount",
                    "value": f"{fee:.2f}",
                    "currency": settings.SHOP_CURRENCY,
                },
                "shippingDestination": {"@type": "DefinedRegion", "addressCountry": "CN"},
            }
        )
    return details
