"""URLs: the shopper's red packets and the claim-a-red-packet campaign page."""

from django.urls import path

from . import views

urlpatterns = [
    path("account/red-packets/", views.red_packet_list, name="red_packet_list"),
    path("red-packets/", views.red_packet_campaign, name="red_packet_campaign"),
    path(
        "red-packets/<int:type_id>/claim/",
        views.red_packet_claim_view,
        name="red_packet_claim",
    ),
]
