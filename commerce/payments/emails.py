"""The shopper's e-mail when money goes back to them (through the outbox, in the order's
language)."""

from ..outbox.services import email_queue, order_email_context
from .models import Refund


def refund_email_queue(*, refund: Refund) -> None:
    """Queue "¥x was refunded on order N", once per refund."""
    order = refund.order
    email_queue(
        kind="refunded",
        to=order.email,
        language=order.language,
        context={
            **order_email_context(order),
            "refund": refund,
            "through_provider": refund.kind == Refund.Kind.PROVIDER,
        },
        dedupe_key=f"refund:{refund.pk}",
        order=order,
    )
