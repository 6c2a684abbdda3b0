from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommerceConfig(AppConfig):
    name = "commerce"
    verbose_name = _("Commerce")

    def ready(self):
        # Connects the sign-in receiver that merges a session's cart (commerce/cart/receivers.py).
        from .cart import receivers  # noqa: F401

        # Campaign prices and 满减 join the pricing engine's discount rules.
        from .promotions.rules import register

        register()
        # Bundles join after the campaign prices, before 满减 (commerce/bundles/rules.py).
        from .bundles.rules import register as register_bundles

        register_bundles()
        # The price history records what is published (commerce/price_protection/receivers.py).
        from .price_protection import receivers as price_receivers  # noqa: F401
