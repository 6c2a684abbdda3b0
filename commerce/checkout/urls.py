"""URLs: checkout."""

from django.urls import path

from . import views

urlpatterns = [
    path("checkout/", views.checkout, name="checkout"),
    path(
        "checkout/shipping-quotes/",
        views.checkout_shipping_quotes,
        name="checkout_shipping_quotes",
    ),
    path("checkout/review/", views.checkout_review, name="checkout_review"),
    path("checkout/place/", views.checkout_place, name="checkout_place"),
]
