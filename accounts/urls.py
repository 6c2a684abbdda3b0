"""URLs under /account/: signing in and out, profile, address book."""

urlpatterns = []
