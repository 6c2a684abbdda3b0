from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommerceConfig(AppConfig):
    name = "commerce"
    verbose_name = _("Commerce")

    def ready(self):
        # Connects the sign-in receiver that merges a session's cart (commerce/cart/receivers.py).
        from .cart import receivers  # noqa: F401
