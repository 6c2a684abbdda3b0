"""URLs: checkout."""

urlpatterns = []
