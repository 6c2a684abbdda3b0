"""URLs: the shopper's red packets and the claim-a-red-packet campaign page."""

from django.urls import path

from ..views import red_packets

urlpatterns = [
    path("account/red-packets/", red_packets.red_packet_list, name="red_packet_list"),
    path("red-packets/", red_packets.red_packet_campaign, name="red_packet_campaign"),
    path(
        "red-packets/<int:type_id>/claim/",
        red_packets.red_packet_claim_view,
        name="red_packet_claim",
    ),
]
