"""URLs: the shopper's after-sales requests under their account."""

from django.urls import path

from . import views

urlpatterns = [
    path("account/after-sales/", views.after_sales_list, name="after_sales_list"),
    path(
        "account/orders/<str:number>/after-sales/",
        views.after_sales_new,
        name="after_sales_new",
    ),
    path("account/after-sales/<str:number>/", views.after_sales_detail, name="after_sales_detail"),
    path(
        "account/after-sales/<str:number>/cancel/",
        views.after_sales_cancel_view,
        name="after_sales_cancel",
    ),
    path(
        "account/after-sales/<str:number>/reply/",
        views.after_sales_reply_view,
        name="after_sales_reply",
    ),
    path(
        "account/after-sales/<str:number>/ship/",
        views.after_sales_ship_view,
        name="after_sales_ship",
    ),
]
