"""URLs: online payment (start, the shopper's return, provider notifications, the demo gateway)."""

from django.urls import path

from . import views

urlpatterns = [
    path("payments/start/<str:number>/", views.payment_start, name="payment_start"),
    path("payments/return/<str:number>/", views.payment_return, name="payment_return"),
    path("payments/notify/<str:code>/", views.payment_notify, name="payment_notify"),
    path("payments/demo/<str:number>/", views.payment_demo, name="payment_demo"),
    path("payments/switch/<str:number>/", views.payment_switch, name="payment_switch"),
]
