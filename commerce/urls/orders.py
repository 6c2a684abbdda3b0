"""URLs: orders."""

urlpatterns = []
