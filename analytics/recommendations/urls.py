from django.urls import path

from . import views

urlpatterns = [
    path("recently-viewed/", views.recently_viewed_row, name="recently_viewed"),
]
