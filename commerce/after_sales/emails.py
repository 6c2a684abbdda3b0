"""The shopper's e-mail for every public step of an after-sales request (through the outbox)."""

from django.conf import settings
from django.urls import reverse

from ..outbox.services import absolute_url, email_queue
from .models import AfterSalesEvent, AfterSalesRequest, AfterSalesStatus


def return_address() -> str:
    """Where parcels come back to (``AFTER_SALES_RETURN_ADDRESS``; the shop's default below)."""
    return getattr(
        settings,
        "AFTER_SALES_RETURN_ADDRESS",
        "广东省深圳市南山区科技园路 1 号 售后部 (Returns desk), 518000, 0755-00000000",
    )


def after_sales_email_queue(*, request: AfterSalesRequest, event: AfterSalesEvent) -> None:
    """Queue "your request moved / we wrote to you" once per event, in the order's language."""
    order = request.order
    email_queue(
        kind="after_sales",
        to=order.email,
        language=order.language,
        context={
            "request": request,
            "order": order,
            "event": event,
            # Lazy: rendered in the order's language, not the clicking staff member's.
            "status_label": AfterSalesStatus(request.status).label,
            "request_url": absolute_url(
                reverse("after_sales_detail", kwargs={"number": request.number})
            ),
            "return_address": return_address(),
            "awaiting_parcel": request.status == "awaiting_parcel",
        },
        dedupe_key=f"after_sales:{request.pk}:{event.pk}",
        order=order,
    )
