"""Profile: name and contact details, unique e-mail and mobile number, password change."""

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from tests.factories import UserFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, shopper):
    client.force_login(shopper)
    return client


def profile_data(**overrides):
    data = {
        "first_name": "雷",
        "last_name": "李",
        "email": "lilei@example.cn",
        "mobile": "13600136000",
    }
    return {**data, **overrides}


def test_profile_saves_name_and_contact_details(signed_in, shopper):
    response = signed_in.post("/account/profile/", profile_data(mobile="136 0013 6000"))

    shopper.refresh_from_db()
    assert response["Location"] == "/account/profile/"
    assert (shopper.first_name, shopper.email, shopper.mobile) == (
        "雷",
        "lilei@example.cn",
        "13600136000",
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"email": "TAKEN@example.com"},
            "email",
            "Another account already uses this e-mail address.",
        ),
        ({"mobile": "13500135000"}, "mobile", "Another account already uses this mobile number."),
        (
            {"mobile": "1234"},
            "mobile",
            "Enter an 11-digit mainland mobile number, e.g. 13800138000.",
        ),
        ({"email": ""}, "email", "This field is required."),
    ],
)
def test_profile_refuses_taken_or_bad_details_and_changes_nothing(
    signed_in, shopper, overrides, field, message
):
    UserFactory(email="taken@example.com", mobile="13500135000")

    response = signed_in.post("/account/profile/", profile_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    shopper.refresh_from_db()
    assert (shopper.email, shopper.mobile) == ("Li.Lei@Example.com", "13800138000")


def test_profile_may_drop_the_mobile_number(signed_in, shopper):
    signed_in.post("/account/profile/", profile_data(mobile=""))

    shopper.refresh_from_db()
    assert shopper.mobile == ""


def test_password_change_keeps_the_shopper_signed_in(signed_in, shopper):
    response = signed_in.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Winter-snow-2026",
            "new_password2": "Winter-snow-2026",
        },
    )

    assert response["Location"] == "/account/profile/"
    assert signed_in.get("/account/").status_code == 200
    request = RequestFactory().post("/account/login/")
    assert authenticate(request, username="li.lei", password="Winter-snow-2026") == shopper
