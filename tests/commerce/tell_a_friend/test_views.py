"""Sending a product to a friend from its page: signed in only, plain text checked, 5 an hour
and 20 a day per shopper and per address, the mail through the outbox in the sender's
language, the friend's address kept nowhere else."""

import pytest
from django.apps import apps
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import translation

from commerce.models import OutgoingEmail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FRIEND = "friend@example.org"
XSS = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'


def _url(product):
    return reverse("tell_a_friend", args=[product.pk])


def _send(client, product, friend_email=FRIEND, message="", address="127.0.0.1", **fields):
    data = {"friend_email": friend_email, "message": message, **fields}
    return client.post(_url(product), data, REMOTE_ADDR=address)


def test_the_product_page_offers_tell_a_friend(client, tea):
    assert _url(tea) in client.get(tea.url).content.decode()


def test_a_visitor_is_asked_to_sign_in_and_comes_back_to_the_form(client, tea):
    for response in (client.get(_url(tea)), _send(client, tea)):
        assert response.status_code == 302
        assert response.url == f"{reverse('login')}?next={_url(tea)}"
    assert not OutgoingEmail.objects.exists()


def test_the_form_shows_the_card_and_who_the_friend_will_see(client, tea, sender):
    client.force_login(sender)

    content = client.get(_url(tea)).content.decode()

    assert "Green tea" in content and "¥68.00" in content
    assert "The e-mail says it comes from you: Lei Li (lei@example.com)." in content
    assert 'name="friend_email"' in content and 'name="website"' in content


def test_a_shopper_sends_the_product_and_the_mail_goes_out_once(
    client, tea, sender, django_capture_on_commit_callbacks
):
    client.force_login(sender)

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, tea, message="You asked for a good green tea.\nTry this one!")

    assert response.status_code == 302 and response.url == tea.url
    email = OutgoingEmail.objects.get()
    assert (email.kind, email.to, email.status) == ("tell_a_friend", FRIEND, "sent")
    assert email.subject == "[Shop] Lei Li thinks you will like Green tea"
    assert "Lei Li (lei@example.com) found this product at" in email.text_body
    assert "Try this one!" in email.text_body and "¥68.00" in email.text_body
    assert f"http://testserver{tea.url}\n" in email.text_body
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [FRIEND]
    assert "Sent! Your friend will receive the e-mail shortly." in (
        client.get(tea.url).content.decode()
    )


def test_the_mail_has_the_card_with_an_absolute_image_and_no_tracking(client, tea, sender):
    client.force_login(sender)

    _send(client, tea)

    html = OutgoingEmail.objects.get().html_body
    images = [part.split('"', 1)[0] for part in html.split('<img src="')[1:]]
    assert len(images) == 1  # the product's picture only: no tracking pixel
    assert images[0].startswith("http://testserver/media/images/") and ".fill-300x300" in images[0]
    assert images[0].endswith(".jpg")  # mail programs do not all show WebP
    links = {part.split('"', 1)[0] for part in html.split('href="')[1:]}
    assert links == {"http://testserver/", f"http://testserver{tea.url}"}  # no ?utm, no token
    assert "Green tea" in html and "¥68.00" in html


def test_the_mail_is_in_the_senders_language(client, tea, sender):
    client.force_login(sender)
    for language in ("en", "zh-hans"):
        with translation.override(language):
            url, product_url = _url(tea), f"http://testserver{tea.url}"
        client.post(url, {"friend_email": FRIEND}, HTTP_ACCEPT_LANGUAGE=language)

    english, chinese = OutgoingEmail.objects.order_by("pk")
    assert english.subject.endswith("Lei Li thinks you will like Green tea")
    assert chinese.subject.endswith("Lei Li 觉得您会喜欢 Green tea")
    assert "查看商品" in chinese.html_body
    assert product_url in chinese.text_body  # the product page in Chinese


@pytest.mark.parametrize(
    ("friend_email", "message", "error"),
    [
        ("", "", "Please fill in Your friend&#x27;s e-mail address."),
        ("not-an-address", "", "Please enter one valid e-mail address for your friend."),
        (
            "a@example.org, b@example.org",
            "",
            "Please enter one valid e-mail address for your friend.",
        ),
        ("x" * 250 + "@example.org", "", "at most 254 characters (you wrote 262)"),
        (FRIEND, "x" * 301, "Your message may be at most 300 characters (you wrote 301)."),
        (FRIEND, "Look \u202e here", "Your message contains characters that cannot be shown"),
        (FRIEND + "\u200b", "", "contains characters that cannot be shown"),
    ],
)
def test_a_bad_field_shows_a_clear_message_and_sends_nothing(
    client, tea, sender, friend_email, message, error
):
    client.force_login(sender)

    response = _send(client, tea, friend_email=friend_email, message=message)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not OutgoingEmail.objects.exists() and not mail.outbox


def test_a_nul_byte_is_refused_with_a_message(client, tea, sender):
    client.force_login(sender)

    response = _send(client, tea, message="Hi\x00")

    assert response.status_code == 400
    assert "We could not accept that request" in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_the_honeypot_sends_nothing(client, tea, sender):
    client.force_login(sender)

    response = _send(client, tea, website="http://spam.example")

    assert response.status_code == 302
    assert not OutgoingEmail.objects.exists()


def test_html_in_the_message_and_name_is_escaped_in_the_mail_and_on_the_form(
    client, tea, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(first_name=XSS, last_name="", email="x@example.com"))

    bad = _send(client, tea, friend_email="no", message=XSS)
    _send(client, tea, message=XSS)

    for html in (bad.content.decode(), OutgoingEmail.objects.get().html_body):
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
        assert "<img src=x" not in html and 'href="javascript:' not in html
    assert XSS in OutgoingEmail.objects.get().text_body  # plain text: shown as written


def test_five_an_hour_then_429_and_nothing_sent(client, tea, sender):
    client.force_login(sender)
    for _ in range(5):
        assert _send(client, tea).status_code == 302

    response = _send(client, tea)

    assert response.status_code == 429
    assert "You have sent many products to friends in a short while" in response.content.decode()
    assert OutgoingEmail.objects.count() == 5


def test_the_limit_counts_per_address_whatever_the_account(client, tea):
    for _ in range(5):
        client.force_login(UserFactory())
        _send(client, tea)

    client.force_login(UserFactory())

    assert _send(client, tea).status_code == 429
    assert OutgoingEmail.objects.count() == 5


@pytest.fixture
def clock(monkeypatch):
    """The rate limits' clock, moved on by hand (``clock.hours(1)``): windows end on whole
    hours and days (django-ratelimit's per-key jitter left out), and the clock starts a
    minute into a day, so four hours stay in the same day."""
    from types import SimpleNamespace

    from django_ratelimit import core

    state = SimpleNamespace(now=86400 * 20_000 + 60)
    state.hours = lambda n: setattr(state, "now", state.now + 3600 * n)
    monkeypatch.setattr(core, "time", SimpleNamespace(time=lambda: state.now))
    monkeypatch.setattr(
        core, "_get_window", lambda value, period: state.now - state.now % period + period
    )
    return state


def test_twenty_a_day_per_shopper(client, tea, sender, clock):
    client.force_login(sender)
    for hour in range(4):  # 5 an hour, each hour from another address
        for _ in range(5):
            assert _send(client, tea, address=f"10.0.0.{hour}").status_code == 302
        clock.hours(1)

    response = _send(client, tea, address="10.0.0.9")

    assert response.status_code == 429
    assert OutgoingEmail.objects.count() == 20
    clock.hours(24)
    assert _send(client, tea, address="10.0.0.9").status_code == 302


def test_a_typo_does_not_use_up_a_send(client, tea, sender):
    client.force_login(sender)
    for _ in range(6):
        _send(client, tea, friend_email="typo")

    assert _send(client, tea).status_code == 302


def test_an_unknown_or_unpublished_product_is_not_found(client, tea, sender):
    client.force_login(sender)
    tea.unpublish()

    assert client.get(_url(tea)).status_code == 404
    assert client.get(reverse("tell_a_friend", args=[tea.pk + 99])).status_code == 404


def test_the_friends_address_is_stored_only_in_the_outbox_row(client, tea, sender):
    client.force_login(sender)

    _send(client, tea, friend_email="only.here@example.org")

    found = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = model._meta.db_table
            text_columns = [
                field.column
                for field in model._meta.local_concrete_fields
                if field.get_internal_type() in ("CharField", "TextField", "EmailField")
            ]
            for column in text_columns:
                cursor.execute(
                    f'SELECT COUNT(*) FROM "{table}" WHERE "{column}" LIKE %s',
                    ["%only.here@example.org%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column}")
    assert found == ["commerce_outgoingemail.to"]


def test_the_mail_reaches_a_real_smtp_server_with_text_and_html(
    client, tea, sender, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(sender)

    with django_capture_on_commit_callbacks(execute=True):
        _send(client, tea, message="For your tea shelf.")

    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    text, html = (
        message.get_body(preferencelist=(subtype,)).get_content().replace("\r\n", "\n")
        for subtype in ("plain", "html")
    )
    assert message["To"] == FRIEND and message["Reply-To"] is None
    assert message["Subject"] == "[Shop] Lei Li thinks you will like Green tea"
    assert "Lei Li (lei@example.com) found this product" in text and "For your tea shelf." in text
    assert "We have not kept your address" in text
    assert '<img src="http://testserver/media/images/' in html and "¥68.00" in html
    assert OutgoingEmail.objects.get().status == "sent"
