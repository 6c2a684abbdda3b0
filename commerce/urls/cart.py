"""URLs: the cart (/cart/…) and favourites (the heart toggle and /account/favourites/)."""

from django.urls import path

from ..views import cart, favourites

urlpatterns = [
    path("cart/", cart.cart_detail, name="cart"),
    path("cart/add/", cart.cart_add, name="cart_add"),
    path("cart/lines/<str:sku>/", cart.cart_line_update, name="cart_line_update"),
    path("cart/lines/<str:sku>/remove/", cart.cart_line_remove, name="cart_line_remove"),
    path("cart/accept-prices/", cart.cart_prices_accept, name="cart_accept_prices"),
    path(
        "favourites/<int:product_id>/toggle/",
        favourites.favourite_toggle_view,
        name="favourite_toggle",
    ),
    path("account/favourites/", favourites.favourite_list, name="favourite_list"),
]
