"""Password reset by e-mail, end to end: form → outbox → mail → link → new password."""

import re

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.test import RequestFactory

from commerce.models import OutgoingEmail
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Autumn-leaves-2026"


def request_reset(client, capture, email):
    with capture(execute=True):
        return client.post("/account/password/reset/", {"email": email})


def test_reset_mail_link_sets_a_new_password(client, shopper, django_capture_on_commit_callbacks):
    response = request_reset(client, django_capture_on_commit_callbacks, "LI.LEI@example.com")

    assert response["Location"] == "/account/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Li.Lei@Example.com"]
    link = re.search(
        r"http://testserver(/account/password/reset/[^/\s]+/[^/\s]+/)", message.body
    ).group(1)
    outbox_row = OutgoingEmail.objects.get()
    assert (outbox_row.kind, outbox_row.status) == ("password_reset", OutgoingEmail.Status.SENT)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert done["Location"] == "/account/password/reset/done/"
    request = RequestFactory().post("/account/login/")
    assert authenticate(request, username="13800138000", password=NEW_PASSWORD) == shopper
    assert authenticate(request, username="13800138000", password=PASSWORD) is None
    assert client.get(link, follow=True).context["validlink"] is False


def test_unknown_address_gets_the_same_answer_and_no_mail(
    client, shopper, django_capture_on_commit_callbacks
):
    response = request_reset(client, django_capture_on_commit_callbacks, "stranger@example.com")

    assert response["Location"] == "/account/password/reset/sent/"
    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_reset_goes_through_the_outbox_in_the_request_language(
    client, shopper, monkeypatch, settings
):
    settings.LANGUAGE_CODE = "zh-hans"  # the shop's default: Chinese at the root address
    calls = []
    monkeypatch.setattr(
        "accounts.forms.account_email_queue", lambda **kwargs: calls.append(kwargs) or True
    )

    client.post(
        "/account/password/reset/", {"email": "li.lei@example.com"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    [call] = calls
    assert (call["kind"], call["to"], call["language"]) == (
        "password_reset",
        "Li.Lei@Example.com",
        "zh-hans",
    )
    uid, token = call["context"]["reset_url"].split("/")[-3:-1]
    assert (
        call["context"]["reset_url"] == f"http://testserver/account/password/reset/{uid}/{token}/"
    )
    assert call["dedupe_key"] == f"password_reset:{uid}:{token}"
    assert call["context"]["name"] == "Lei Li"


def test_the_outbox_is_registered_for_account_emails():
    from wagtail import hooks

    from accounts.emails import ACCOUNT_EMAIL_HOOK
    from commerce.outbox.services import email_queue

    assert hooks.get_hooks(ACCOUNT_EMAIL_HOOK) == [email_queue]


def test_forged_link_says_it_no_longer_works(client, shopper):
    response = client.get("/account/password/reset/MQ/forged-token/", follow=True)

    assert response.context["validlink"] is False
    assert "This link does not work any more" in response.content.decode()
