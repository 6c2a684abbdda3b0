"""URLs: the shopper's orders, and a guest's order behind its signed link."""

from django.urls import path

from ..views import orders

urlpatterns = [
    path("account/orders/", orders.order_list, name="order_list"),
    path("account/orders/<str:number>/", orders.order_detail, name="order_detail"),
    path("account/orders/<str:number>/cancel/", orders.order_cancel, name="order_cancel"),
    path(
        "account/orders/<str:number>/confirm-receipt/",
        orders.order_confirm,
        name="order_confirm_receipt",
    ),
    path("orders/view/<str:token>/", orders.order_guest_view, name="order_guest_view"),
    path("orders/view/<str:token>/cancel/", orders.order_guest_cancel, name="order_guest_cancel"),
    path(
        "orders/view/<str:token>/confirm-receipt/",
        orders.order_guest_confirm,
        name="order_guest_confirm",
    ),
]
