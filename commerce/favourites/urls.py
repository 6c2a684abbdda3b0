"""URLs: favourites (the heart toggle and /account/favourites/)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "favourites/<int:product_id>/toggle/",
        views.favourite_toggle_view,
        name="favourite_toggle",
    ),
    path("account/favourites/", views.favourite_list, name="favourite_list"),
]
