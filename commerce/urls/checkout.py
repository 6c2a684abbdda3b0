"""URLs: checkout."""

from django.urls import path

from ..views import checkout

urlpatterns = [
    path("checkout/", checkout.checkout, name="checkout"),
    path(
        "checkout/shipping-quotes/",
        checkout.checkout_shipping_quotes,
        name="checkout_shipping_quotes",
    ),
    path("checkout/review/", checkout.checkout_review, name="checkout_review"),
    path("checkout/place/", checkout.checkout_place, name="checkout_place"),
]
