"""Admin wiring for commerce, one module per area; Wagtail loads this package, which loads them."""

from . import desks, inventory, logistics, orders, outbox, payments, red_packets, shipping  # noqa: F401
