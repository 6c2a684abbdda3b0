"""URLs of reviews: writing one, My reviews, the helpful vote."""

from django.urls import path

from . import views

urlpatterns = [
    path("account/reviews/", views.review_list, name="review_list"),
    path("account/reviews/line/<int:line_id>/", views.review_write, name="review_write"),
    path("reviews/<int:review_id>/helpful/", views.review_helpful, name="review_helpful"),
]
