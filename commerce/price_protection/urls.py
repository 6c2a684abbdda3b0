from django.urls import path

from . import views

urlpatterns = [
    path(
        "account/orders/<str:number>/price-protection/<int:line_id>/",
        views.price_claim,
        name="price_claim",
    ),
]
