"""Every step of a request is an ``AfterSalesEvent``; a public one e-mails the shopper."""

from django.utils import translation
from django.utils.translation import gettext

from ..models import AfterSalesEvent, AfterSalesRequest


def shopper_text(request: AfterSalesRequest, message: str, **values) -> str:
    """The shop's own words on a request (``message``: a ``gettext_noop`` msgid), stored in
    the order's language: the shopper reads them on the page and in the e-mail, whoever
    clicked, and staff work in Chinese."""
    with translation.override(request.order.language):
        text = gettext(message)
    return text % values if values else text


def _staff(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _event(request, from_status, to_status, *, actor, message="", internal=False, staff=False):
    event = AfterSalesEvent.objects.create(
        request=request,
        from_status=from_status,
        to_status=to_status,
        actor=_staff(actor),
        by_staff=staff,
        message=message,
        internal=internal,
    )
    if not internal:
        _queue_email(request, event)
    return event


def _queue_email(request: AfterSalesRequest, event: AfterSalesEvent) -> None:
    from ..emails import after_sales_email_queue

    after_sales_email_queue(request=request, event=event)
