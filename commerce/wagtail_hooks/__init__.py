"""Admin wiring for commerce, one module per area; Wagtail loads this package, which loads them."""

from . import (  # noqa: F401
    catalogue,
    desks,
    inventory,
    logistics,
    orders,
    outbox,
    payments,
    red_packets,
    shipping,
)
