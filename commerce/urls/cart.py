"""URLs: cart."""

urlpatterns = []
