"""URLs: online payment (start, the shopper's return, provider notifications, the demo gateway)."""

from django.urls import path

from ..views import payments

urlpatterns = [
    path("payments/start/<str:number>/", payments.payment_start, name="payment_start"),
    path("payments/return/<str:number>/", payments.payment_return, name="payment_return"),
    path("payments/notify/<str:code>/", payments.payment_notify, name="payment_notify"),
    path("payments/demo/<str:number>/", payments.payment_demo, name="payment_demo"),
]
