"""URLs: the header's "deliver to" choice."""

from django.urls import path

from . import views

urlpatterns = [path("deliver-to/", views.deliver_to, name="deliver_to")]
