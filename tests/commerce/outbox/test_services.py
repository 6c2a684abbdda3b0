"""Customer e-mails through a real SMTP server (aiosmtpd, started per test on 127.0.0.1).

What matters: each message goes out once with the right content in both parts;
a dead mail server never fails the order, and the message goes out once the
server is back (``send_pending_emails``).
"""

from uuid import uuid4

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.db import transaction
from django.http import HttpResponse
from django.urls import path, reverse
from wagtail.models import Site

from commerce.models import Order, OrderStatusChange, OutgoingEmail
from commerce.outbox.services import (
    email_queue,
    emails_send_pending,
    order_email_queue,
    order_from_guest_token,
    order_guest_token,
    order_link,
)
from home.models import ShopSettings
from tests.factories import UserFactory
from tests.factories.orders import make_order

# Stand-ins for the order pages, for the link tests (``pytest.mark.urls(__name__)``).
urlpatterns = [
    path(
        "account/orders/<str:number>/", lambda request, number: HttpResponse(), name="order_detail"
    ),
    path(
        "orders/view/<str:token>/", lambda request, token: HttpResponse(), name="order_guest_view"
    ),
]


def parts(message) -> tuple[str, str]:
    """The text and the HTML part of a received message, with the wire's CRLF line ends made LF."""
    return tuple(
        message.get_body(preferencelist=(subtype,)).get_content().replace("\r\n", "\n")
        for subtype in ("plain", "html")
    )


@pytest.mark.django_db
def test_placed_order_email_arrives_once_with_text_and_html(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        order = make_order()
        order_email_queue(order=order, kind="placed")

    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    text, html = parts(message)
    assert message["To"] == "buyer@example.com"
    assert message["Subject"] == f"[Shop] We have received your order {order.number}"
    assert f"Order {order.number}" in text
    assert "¥100.00 × 2 − ¥20.00 = ¥180.00" in text
    assert "Goods: ¥200.00" in text
    assert "Discounts: −¥20.00" in text
    assert "Shipping fee (Standard): ¥10.00" in text
    assert "Total: ¥190.00" in text
    assert "Please transfer ¥190.00" in text
    assert "北京市 朝阳区 建国路 1 号" in text
    assert order.number in html
    assert "¥190.00" in html
    email = OutgoingEmail.objects.get()
    assert (email.kind, email.status, email.attempts, email.order) == ("placed", "sent", 1, order)
    assert email.sent_at is not None


@pytest.mark.django_db
def test_text_part_is_not_html_escaped_but_html_part_is(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order_email_queue(order=make_order(), kind="paid")

    text, html = parts(smtp_server.messages[0])
    assert "- Tea & Cups (Red / L)" in text
    assert "Tea &amp; Cups" in html


@pytest.mark.django_db
def test_queueing_the_same_order_email_twice_sends_one_message(
    smtp_server, django_capture_on_commit_callbacks
):
    order = make_order()

    with django_capture_on_commit_callbacks(execute=True):
        first = order_email_queue(order=order, kind="placed")
        second = order_email_queue(order=order, kind="placed")
    with django_capture_on_commit_callbacks(execute=True):
        third = order_email_queue(order=order, kind="placed")

    assert first.pk == second.pk == third.pk
    assert len(smtp_server.messages) == 1
    assert OutgoingEmail.objects.count() == 1


@pytest.mark.django_db
def test_each_order_kind_is_its_own_message(smtp_server, django_capture_on_commit_callbacks):
    order = make_order(status="cancelled")

    with django_capture_on_commit_callbacks(execute=True):
        for kind in ["placed", "paid", "shipped", "delivered", "cancelled"]:
            order_email_queue(order=order, kind=kind)

    assert [message["Subject"] for message in smtp_server.messages] == [
        f"[Shop] We have received your order {order.number}",
        f"[Shop] Payment received for order {order.number}",
        f"[Shop] Your order {order.number} has shipped",
        f"[Shop] Your order {order.number} has been delivered",
        f"[Shop] Your order {order.number} has been cancelled",
    ]


def test_unknown_order_email_kind_is_refused():
    with pytest.raises(ValueError, match="unknown order e-mail kind 'refunded'"):
        order_email_queue(order=Order(), kind="refunded")


@pytest.mark.django_db
def test_order_email_in_chinese_has_a_chinese_subject(
    smtp_server, django_capture_on_commit_callbacks
):
    """Passes once the zh-hans catalogue has the e-mail strings."""
    with django_capture_on_commit_callbacks(execute=True):
        order = make_order(language="zh-hans")
        order_email_queue(order=order, kind="placed")

    subject = smtp_server.messages[0]["Subject"]
    assert order.number in subject
    assert "订单" in subject


@pytest.mark.django_db
def test_shipped_email_shows_carrier_and_tracking_number(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order_email_queue(
            order=make_order(
                status="shipped", carrier="SF Express", tracking_number="SF1234567890"
            ),
            kind="shipped",
        )

    text, html = parts(smtp_server.messages[0])
    assert "Carrier: SF Express\nTracking number: SF1234567890" in text
    assert "SF1234567890" in html


@pytest.mark.django_db
def test_cancelled_email_gives_the_reason(smtp_server, django_capture_on_commit_callbacks):
    order = make_order(status="cancelled")
    OrderStatusChange.objects.create(
        order=order, from_status="awaiting_payment", to_status="cancelled", note="Not paid in time"
    )

    with django_capture_on_commit_callbacks(execute=True):
        order_email_queue(order=order, kind="cancelled")

    text, _html = parts(smtp_server.messages[0])
    assert "Reason: Not paid in time" in text


@pytest.mark.django_db
def test_bank_transfer_email_carries_the_shops_payment_instructions(
    smtp_server, django_capture_on_commit_callbacks
):
    shop = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    shop.payment_methods_info = "<p>Bank: ICBC Beijing</p><p>Account: 6222 0000 1111</p>"
    shop.save()

    with django_capture_on_commit_callbacks(execute=True):
        order_email_queue(order=make_order(), kind="placed")

    text, html = parts(smtp_server.messages[0])
    assert "Bank: ICBC Beijing\nAccount: 6222 0000 1111" in text
    assert "Bank: ICBC Beijing<br>Account: 6222 0000 1111" in html


@pytest.mark.django_db
def test_cash_on_delivery_email_says_to_pay_the_courier(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order_email_queue(
            order=make_order(status="confirmed", payment_method="cod"), kind="placed"
        )

    text, _html = parts(smtp_server.messages[0])
    assert "You pay ¥190.00 to the courier when the parcel arrives." in text
    assert "Please transfer" not in text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_server_down_order_commits_and_mail_goes_out_when_it_is_back(smtp_server):
    smtp_server.stop()

    with transaction.atomic():
        order = make_order()
        order_email_queue(order=order, kind="placed")

    assert Order.objects.filter(pk=order.pk).exists()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == ("pending", 1)
    assert email.last_error.startswith("ConnectionRefusedError")
    assert smtp_server.messages == []

    smtp_server.start()
    call_command("send_pending_emails")
    call_command("send_pending_emails")

    assert len(smtp_server.messages) == 1
    assert order.number in smtp_server.messages[0]["Subject"]
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("sent", 2, "")


@pytest.mark.django_db
def test_send_pending_sends_oldest_first_and_counts_failures(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        first = make_order()
        order_email_queue(order=first, kind="placed")
        second = make_order()
        order_email_queue(order=second, kind="placed")

    assert emails_send_pending() == (0, 2)
    smtp_server.start()
    assert emails_send_pending(limit=1) == (1, 0)
    assert emails_send_pending() == (1, 0)
    assert emails_send_pending() == (0, 0)

    assert [
        first.number in smtp_server.messages[0]["Subject"],
        second.number in smtp_server.messages[1]["Subject"],
    ] == [True, True]


@pytest.mark.django_db
def test_an_unexpected_send_error_is_recorded_not_raised(
    smtp_server, django_capture_on_commit_callbacks, monkeypatch
):
    def broken_send(self, fail_silently=False):
        raise RuntimeError("boom")

    monkeypatch.setattr(EmailMultiAlternatives, "send", broken_send)

    with django_capture_on_commit_callbacks(execute=True):
        order_email_queue(order=make_order(), kind="placed")

    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts, email.last_error) == ("pending", 1, "RuntimeError: boom")


@pytest.mark.django_db
def test_password_reset_email_carries_the_reset_link(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email_queue(
            kind="password_reset",
            to="someone@example.com",
            language="en",
            context={
                "reset_url": "http://testserver/account/reset/MQ/abc-123/",
                "name": "Han Meimei",
            },
            dedupe_key="password_reset:1:abc-123",
        )

    message = smtp_server.messages[0]
    text, html = parts(message)
    assert message["Subject"] == "[Shop] Reset your password"
    assert text.startswith("Hello Han Meimei,\n")
    assert "http://testserver/account/reset/MQ/abc-123/" in text
    assert 'href="http://testserver/account/reset/MQ/abc-123/"' in html


@pytest.mark.django_db
def test_guest_token_names_its_order_and_a_changed_token_names_none():
    order = make_order()
    token = order_guest_token(order)

    assert order_from_guest_token(token) == order
    assert order_from_guest_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert order_from_guest_token("not-a-token") is None


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_order_link_is_the_account_page_for_customers_and_a_signed_link_for_guests():
    customer_order = make_order(user=UserFactory())
    guest_order = make_order()

    assert (
        order_link(customer_order) == f"http://testserver/account/orders/{customer_order.number}/"
    )
    assert (
        order_link(guest_order)
        == f"http://testserver/orders/view/{order_guest_token(guest_order)}/"
    )


# --- the outbox in the admin
# ---------------------------------------------------------------------------


def outbox_row(**overrides) -> OutgoingEmail:
    fields = {
        "kind": "placed",
        "dedupe_key": uuid4().hex,
        "to": "buyer@example.com",
        "subject": "Pending one",
        "text_body": "Hello",
    }
    return OutgoingEmail.objects.create(**{**fields, **overrides})


@pytest.mark.django_db
def test_outbox_admin_lists_and_filters_for_customer_service(client, staff_user):
    outbox_row(subject="Pending one", last_error="ConnectionRefusedError: [Errno 111]")
    outbox_row(subject="Sent one", status="sent")
    client.force_login(staff_user("Customer service"))

    response = client.get(reverse("outgoing_emails:index"), {"status": "pending"})

    page = response.content.decode()
    assert response.status_code == 200
    assert ("Pending one" in page, "Sent one" in page) == (True, False)


@pytest.mark.django_db
def test_outbox_admin_shows_a_message_but_lets_nobody_edit_it(client):
    email = outbox_row(text_body="Your order 42 is on its way")
    client.force_login(UserFactory(is_superuser=True))

    inspect = client.get(reverse("outgoing_emails:inspect", args=[email.pk]))
    edit = client.get(reverse("outgoing_emails:edit", args=[email.pk]))
    delete = client.post(reverse("outgoing_emails:delete", args=[email.pk]))

    assert inspect.status_code == 200 and "Your order 42 is on its way" in inspect.content.decode()
    assert (edit.status_code, edit["Location"]) == (302, reverse("wagtailadmin_home"))
    assert (delete.status_code, delete["Location"]) == (302, reverse("wagtailadmin_home"))
    assert OutgoingEmail.objects.filter(pk=email.pk).exists()


@pytest.mark.django_db
def test_outbox_admin_is_closed_to_staff_without_the_view_right(client, staff_user):
    client.force_login(staff_user("Editors"))

    response = client.get(reverse("outgoing_emails:index"))

    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method, says",
    [
        ("cod", "to the courier when the parcel arrives"),
        ("bank_transfer", "Please transfer"),
        ("demo", "online from your order page"),
    ],
)
def test_the_order_placed_mail_tells_how_to_pay_for_each_payment_method(method, says):
    order = make_order(
        payment_method=method, status="confirmed" if method == "cod" else "awaiting_payment"
    )

    email = order_email_queue(order=order, kind="placed")

    assert says in email.text_body
    assert says in email.html_body
