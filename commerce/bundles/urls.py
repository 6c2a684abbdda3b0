"""URLs: bundles."""

from django.urls import path

from . import views

urlpatterns = [path("cart/bundle/<int:pk>/", views.bundle_add, name="bundle_add")]
