"""URLs: red_packets."""

urlpatterns = []
