"""URLs: the product page's shipping-fee calculator (/products/<slug>/shipping/)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "products/<str:slug>/shipping/",
        views.shipping_calculator,
        name="product_shipping",
    ),
]
