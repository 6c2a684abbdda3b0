"""URLs: the cart (/cart/…)."""

from django.urls import path

from . import views

urlpatterns = [
    path("cart/", views.cart_detail, name="cart"),
    path("cart/add/", views.cart_add, name="cart_add"),
    path("cart/lines/<str:sku>/", views.cart_line_update, name="cart_line_update"),
    path("cart/lines/<str:sku>/remove/", views.cart_line_remove, name="cart_line_remove"),
    path("cart/accept-prices/", views.cart_prices_accept, name="cart_accept_prices"),
]
