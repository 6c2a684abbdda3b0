"""URLs: the product page's shipping-fee calculator (/products/<slug>/shipping/)."""

from django.urls import path

from ..views import shipping

urlpatterns = [
    path(
        "products/<str:slug>/shipping/",
        shipping.shipping_calculator,
        name="product_shipping",
    ),
]
