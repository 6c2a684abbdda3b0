"""Customer e-mails: render in the customer's language, write the outbox row, send after commit.

Why an outbox: the row is written inside the caller's transaction (placing the
order, changing its status), so the message exists exactly when what it reports
exists. The SMTP server is only contacted by ``send_email_task`` after the commit
(``transaction.on_commit``), so a slow or dead mail server can neither roll back
nor fail an order. What could not be sent stays ``pending`` and
``manage.py send_pending_emails`` (cron, or by hand once the server is back)
sends it later. ``dedupe_key`` makes each message go out once however often the
code asks for it.
"""

import logging
import re

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags

from ..locks import lock_pending_email
from ..orders.models import Order, OrderStatus, PaymentMethod
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

ORDER_EMAIL_KINDS = ("placed", "paid", "shipped", "delivered", "cancelled")
GUEST_TOKEN_SALT = "order-guest-view"
SUBJECT_MAX_LENGTH = OutgoingEmail._meta.get_field("subject").max_length
ERROR_MAX_LENGTH = OutgoingEmail._meta.get_field("last_error").max_length


# --- queueing
# -----------------------------------------------------------------------------------------


def email_queue(
    *,
    kind: str,
    to: str,
    language: str,
    context: dict,
    dedupe_key: str,
    order: Order | None = None,
) -> OutgoingEmail:
    """Render ``templates/emails/<kind>.*`` in ``language`` and queue it to be sent after commit.

    A second call with the same ``dedupe_key`` returns the first row and queues
    nothing. Safe inside the caller's transaction: the insert runs in a savepoint
    (get_or_create), and nothing talks to the mail server before the commit.
    """
    existing = OutgoingEmail.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    subject, text_body, html_body = email_render(kind=kind, language=language, context=context)
    email, created = OutgoingEmail.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={
            "kind": kind,
            "to": to,
            "subject": subject,
            "text_body": text_body,
            "html_body": html_body,
            "order": order,
        },
    )
    if created:
        # robust: a failure to enqueue (e.g. the task database) is logged, never raised into the
        # request; the row stays pending for send_pending_emails.
        transaction.on_commit(lambda: _enqueue_send(email.pk), robust=True)
    return email


def _enqueue_send(email_id: int) -> None:
    from .tasks import send_email_task

    send_email_task.enqueue(email_id)


def email_render(*, kind: str, language: str, context: dict) -> tuple[str, str, str]:
    """Subject (one line), text body and HTML body of ``kind`` rendered in ``language``."""
    if "shop_name" not in context:  # callers that looked the shop up already pass it in
        context = {**email_common_context(), **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{kind}.subject.txt", context)
        text_body = render_to_string(f"emails/{kind}.txt", context)
        html_body = render_to_string(f"emails/{kind}.html", context)
    # A header must be one line; templates end with a newline and may wrap.
    subject = re.sub(r"\s+", " ", subject).strip()[:SUBJECT_MAX_LENGTH]
    return subject, _tidy_text(text_body), html_body


def _tidy_text(text: str) -> str:
    """Template tags leave blank-line runs behind; a plain-text mail reads better without them."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def email_common_context(site_and_shop=None) -> dict:
    """Shop name, site address, currency and service contacts: every template shows them."""
    site, shop = site_and_shop or _site_and_settings()
    return {
        "shop_name": (site.site_name if site is not None else "") or settings.WAGTAIL_SITE_NAME,
        "site_url": absolute_url("/"),
        "currency_symbol": settings.SHOP_CURRENCY_SYMBOL,
        "service_email": shop.service_email if shop else "",
        "service_phone": shop.service_phone if shop else "",
        "service_hours": shop.service_hours if shop else "",
    }


def _site_and_settings():
    """The default Wagtail site and its ShopSettings (both None on a database without a site)."""
    from wagtail.models import Site

    from home.models import ShopSettings

    site = Site.objects.filter(is_default_site=True).first()
    return site, (ShopSettings.for_site(site) if site is not None else None)


def absolute_url(path: str) -> str:
    """``path`` on the public site address (mail has no request to take the host from)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# --- order e-mails
# ------------------------------------------------------------------------------------


def order_email_queue(*, order: Order, kind: str) -> OutgoingEmail:
    """Queue the ``kind`` message about ``order`` (once per order and kind) in the order's
    language."""
    if kind not in ORDER_EMAIL_KINDS:
        raise ValueError(f"unknown order e-mail kind {kind!r}; kinds are {ORDER_EMAIL_KINDS}")
    return email_queue(
        kind=kind,
        to=order.email,
        language=order.language,
        context=order_email_context(order),
        dedupe_key=f"order:{order.pk}:{kind}",
        order=order,
    )


def order_email_context(order: Order) -> dict:
    """What the order templates show: lines, totals (on ``order``), address, how to pay, a link."""
    site_and_shop = (
        _site_and_settings()
    )  # once per message: it is read inside the order's transaction
    return {
        **email_common_context(site_and_shop),
        "order": order,
        "lines": list(order.lines.all()),
        "order_url": order_link(order),
        "is_bank_transfer": order.payment_method == PaymentMethod.BANK_TRANSFER,
        "is_cash_on_delivery": order.payment_method == PaymentMethod.CASH_ON_DELIVERY,
        "payment_info": _payment_info_text(site_and_shop[1]),
        "bank_account": site_and_shop[1].bank_account if site_and_shop[1] is not None else None,
        "cancel_note": _cancel_note(order),
    }


def _cancel_note(order: Order) -> str:
    """Why the order was cancelled, as written on its status change ("" when not cancelled)."""
    if order.status != OrderStatus.CANCELLED:
        return ""
    change = (
        order.status_changes.filter(to_status=OrderStatus.CANCELLED)
        .order_by("-created_at", "-pk")
        .first()
    )
    return change.note if change is not None else ""


def _payment_info_text(shop) -> str:
    """The editors' payment instructions (rich text in ShopSettings) as plain text, or ""."""
    if shop is None or not shop.payment_methods_info:
        return ""
    text = strip_tags(
        str(shop.payment_methods_info).replace("</p>", "</p>\n").replace("<br/>", "\n")
    )
    return _tidy_text(text).strip()


def order_link(order: Order) -> str:
    """Absolute link to the order: the account page for customers, a signed link for guests."""
    try:
        if order.user_id is not None:
            path = reverse("order_detail", kwargs={"number": order.number})
        else:
            path = reverse("order_guest_view", kwargs={"token": order_guest_token(order)})
    except NoReverseMatch:
        # Until the order pages exist the mail links to the shop's front page.
        path = "/"
    return absolute_url(path)


def order_guest_token(order: Order) -> str:
    """A tamper-proof token naming ``order``: a guest's only key to the order page (no expiry)."""
    return signing.dumps(order.number, salt=GUEST_TOKEN_SALT)


def order_from_guest_token(token: str) -> Order | None:
    """The order a guest token names, or None for a forged, damaged or unknown token."""
    try:
        number = signing.loads(token, salt=GUEST_TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(number, str):
        return None
    return Order.objects.filter(number=number).first()


# --- sending
# ------------------------------------------------------------------------------------------


def email_send(*, email_id: int) -> bool:
    """Send one pending outbox row; True when it went out now.

    The row is locked while sending so two workers (the task and a cron retry)
    cannot both send it. A failure of any kind is recorded on the row and logged,
    never raised: with the immediate task backend this runs inside the order
    request, which must not fail because of the mail server.
    """
    with transaction.atomic():
        email = lock_pending_email(email_id)
        if email is None:
            return False
        email.attempts += 1
        try:
            _message(email).send()
        except Exception as error:  # noqa: BLE001 — SMTP, socket, DNS…: all mean "try again later"
            email.last_error = f"{type(error).__name__}: {error}"[:ERROR_MAX_LENGTH]
            email.save(update_fields=["attempts", "last_error"])
            logger.warning(
                "E-mail %s to %s not sent (attempt %s): %s",
                email.pk,
                email.to,
                email.attempts,
                email.last_error,
            )
            return False
        email.status, email.sent_at, email.last_error = (
            OutgoingEmail.Status.SENT,
            timezone.now(),
            "",
        )
        email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return True


def _message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject=email.subject, body=email.text_body, to=[email.to])
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    return message


def emails_send_pending(*, limit: int = 100) -> tuple[int, int]:
    """Retry pending rows, oldest first; returns (sent, failed). Run from cron or once mail is
    back."""
    sent = failed = 0
    pending_ids = (
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for email_id in list(pending_ids):
        if email_send(email_id=email_id):
            sent += 1
        elif OutgoingEmail.objects.filter(
            pk=email_id, status=OutgoingEmail.Status.PENDING
        ).exists():
            failed += 1
    return sent, failed
