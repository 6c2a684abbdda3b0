"""URLs of guide comments: posting a comment or a reply under a guide."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "guide-comments/<int:page_id>/", views.guide_comment_post_view, name="guide_comment_post"
    ),
]
