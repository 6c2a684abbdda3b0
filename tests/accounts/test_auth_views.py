"""Sign-in, sign-out and sign-up pages: messages, safe redirects, throttling."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/account/login/"
SIGNUP = "/account/signup/"


def post_login(client, identifier, password=PASSWORD, next_url=None):
    data = {"username": identifier, "password": password}
    if next_url is not None:
        data["next"] = next_url
    return client.post(LOGIN, data)


@pytest.mark.parametrize("identifier", ["li.lei", "li.lei@example.com", "13800138000"])
def test_sign_in_by_any_name_lands_on_my_account(client, shopper, identifier):
    response = post_login(client, identifier)

    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert client.get("/account/").context["user"] == shopper


def test_wrong_password_shows_a_clear_message_and_keeps_shopper_out(client, shopper):
    response = post_login(client, "li.lei@example.com", "wrong-password")

    assert response.status_code == 200
    assert "That sign-in name and password do not match an account." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_safe_next_is_followed(client, shopper):
    response = post_login(client, "li.lei", next_url="/checkout/?step=2")

    assert response["Location"] == "/checkout/?step=2"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example",
        "///evil.example/x",
        "http:evil.example",
        "javascript:alert(1)",
    ],
)
def test_open_redirect_via_next_is_refused(client, shopper, next_url):
    response = post_login(client, "li.lei", next_url=next_url)

    assert response.status_code == 302
    assert response["Location"] == "/account/"


def test_login_page_refuses_unsafe_next_in_its_form_and_signup_link(client):
    response = client.get(LOGIN, {"next": "https://evil.example/"})
    html = response.content.decode()

    assert 'value="https://evil.example/"' not in html
    assert 'href="/account/signup/"' in html


def test_login_page_links_to_signup_carrying_next(client):
    response = client.get(LOGIN, {"next": "/checkout/"})

    assert 'href="/account/signup/?next=/checkout/"' in response.content.decode()


def test_login_required_pages_send_anonymous_shoppers_to_sign_in_with_next(client):
    response = client.get("/account/addresses/")

    assert response["Location"] == "/account/login/?next=/account/addresses/"


def test_logout_is_post_only(client, shopper):
    client.force_login(shopper)

    assert client.get("/account/logout/").status_code == 405
    response = client.post("/account/logout/")

    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_header_offers_sign_in_then_my_account(client, shopper):
    anonymous = client.get("/account/password/reset/").content.decode()
    client.force_login(shopper)
    signed_in = client.get("/account/password/reset/").content.decode()

    assert 'href="/account/login/?next=/account/password/reset/"' in anonymous
    assert 'class="account-link" href="/account/"' in signed_in


def test_lockout_after_five_failures_shows_an_explanation_page(client, shopper, settings):
    settings.AXES_ENABLED = True
    for _attempt in range(4):
        assert post_login(client, "li.lei@example.com", "wrong-password").status_code == 200

    fifth = post_login(client, "13800138000", "wrong-password")
    sixth = post_login(client, "li.lei", PASSWORD)

    assert fifth.status_code == 429
    assert sixth.status_code == 429
    assert "Too many sign-in attempts" in sixth.content.decode()
    assert "Please try again in 1\xa0hour." in sixth.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_does_not_spill_over_to_other_accounts(client, shopper, settings):
    settings.AXES_ENABLED = True
    for _attempt in range(5):
        post_login(client, "li.lei", "wrong-password")
    other = get_user_model().objects.create_user("other", "other@example.com", PASSWORD)

    response = post_login(client, "other@example.com")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


# --- sign-up ------------------------------------------------------------------------------------


def signup_data(**overrides):
    data = {
        "email": "han.meimei@example.com",
        "mobile": "13700137000",
        "first_name": "梅梅",
        "password1": "Spring-blossom-42",
        "password2": "Spring-blossom-42",
    }
    return {**data, **overrides}


def test_signup_creates_the_account_signs_in_and_follows_next(client):
    response = client.post(SIGNUP, signup_data(next="/checkout/"))

    user = get_user_model().objects.get(email="han.meimei@example.com")
    assert response["Location"] == "/checkout/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert (user.mobile, user.first_name, user.username.startswith("shopper-")) == (
        "13700137000",
        "梅梅",
        True,
    )
    assert user.check_password("Spring-blossom-42")


def test_signup_without_mobile_and_with_unsafe_next_lands_on_my_account(client):
    response = client.post(SIGNUP, signup_data(mobile="", next="https://evil.example/"))

    assert response["Location"] == "/account/"
    assert get_user_model().objects.get(email="han.meimei@example.com").mobile == ""


def test_signup_page_keeps_next_in_the_form(client):
    response = client.get(SIGNUP, {"next": "/checkout/"})

    assert '<input type="hidden" name="next" value="/checkout/">' in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"email": "LI.LEI@example.com"},
            "email",
            "An account with this e-mail address already exists. Sign in, or reset your password.",
        ),
        (
            {"mobile": "138 0013 8000"},
            "mobile",
            "An account with this mobile number already exists.",
        ),
        (
            {"mobile": "12345"},
            "mobile",
            "Enter an 11-digit mainland mobile number, e.g. 13800138000.",
        ),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"password2": "Something-else-42"}, "password2", "The two password fields didn’t match."),
        (
            {"password1": "12345678", "password2": "12345678"},
            "password2",
            "This password is entirely numeric.",
        ),
    ],
)
def test_signup_refuses_bad_input_with_a_message(client, shopper, overrides, field, message):
    users_before = get_user_model().objects.count()

    response = client.post(SIGNUP, signup_data(**overrides))

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert get_user_model().objects.count() == users_before
    assert "_auth_user_id" not in client.session


def test_signed_in_shopper_visiting_signup_goes_on(client, shopper):
    client.force_login(shopper)

    assert client.get(SIGNUP)["Location"] == reverse("account_home")
    assert client.get(SIGNUP, {"next": "/cart/"})["Location"] == "/cart/"
