"""URL of tell-a-friend: the form to send a product to a friend."""

from django.urls import path

from . import views

urlpatterns = [
    path("tell-a-friend/<int:product_id>/", views.tell_a_friend, name="tell_a_friend"),
]
