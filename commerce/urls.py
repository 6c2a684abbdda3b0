"""Storefront URLs of commerce, one module per area: /cart/, /checkout/, /account/… ."""

from django.urls import include, path

urlpatterns = [
    path("", include("commerce.cart.urls")),
    path("", include("commerce.bundles.urls")),
    path("", include("commerce.promotions.urls")),
    path("", include("commerce.favourites.urls")),
    path("", include("commerce.red_packets.urls")),
    path("", include("commerce.checkout.urls")),
    path("", include("commerce.orders.urls")),
    path("", include("commerce.price_protection.urls")),
    path("", include("commerce.payments.urls")),
    path("", include("commerce.shipping.urls")),
    path("", include("commerce.after_sales.urls")),
    path("", include("commerce.reviews.urls")),
    path("", include("commerce.questions.urls")),
    path("", include("commerce.guide_comments.urls")),
    path("", include("commerce.tell_a_friend.urls")),
]
