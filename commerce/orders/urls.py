"""URLs: the shopper's orders, and a guest's order behind its signed link."""

from django.urls import path

from . import views

urlpatterns = [
    path("account/orders/", views.order_list, name="order_list"),
    path("account/orders/<str:number>/", views.order_detail, name="order_detail"),
    path("account/orders/<str:number>/cancel/", views.order_cancel, name="order_cancel"),
    path(
        "account/orders/<str:number>/confirm-receipt/",
        views.order_confirm,
        name="order_confirm_receipt",
    ),
    path("orders/view/<str:token>/", views.order_guest_view, name="order_guest_view"),
    path("orders/view/<str:token>/cancel/", views.order_guest_cancel, name="order_guest_cancel"),
    path(
        "orders/view/<str:token>/confirm-receipt/",
        views.order_guest_confirm,
        name="order_guest_confirm",
    ),
]
