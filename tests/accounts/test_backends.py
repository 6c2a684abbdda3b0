"""Signing in by username, e-mail address or mobile number."""

import pytest
from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from accounts.backends import axes_username, normalise_identifier
from tests.factories import UserFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(identifier, password=PASSWORD):
    return authenticate(
        RequestFactory().post("/account/login/"), username=identifier, password=password
    )


def test_username_signs_in(shopper):
    assert sign_in("li.lei") == shopper


def test_email_signs_in_whatever_its_case(shopper):
    assert sign_in("li.lei@example.com") == shopper
    assert sign_in("  LI.LEI@EXAMPLE.COM ") == shopper


def test_mobile_number_signs_in_with_spaces_dashes_or_country_code(shopper):
    assert sign_in("13800138000") == shopper
    assert sign_in("138 0013 8000") == shopper
    assert sign_in("+86 138-0013-8000") == shopper


def test_wrong_password_is_refused(shopper):
    assert sign_in("li.lei@example.com", "not-the-password") is None


def test_unknown_identifier_is_refused(shopper):
    assert sign_in("nobody@example.com") is None
    assert sign_in("") is None


def test_inactive_account_is_refused(shopper):
    shopper.is_active = False
    shopper.save()

    assert sign_in("13800138000") is None


def test_the_database_refuses_a_second_account_with_the_same_email_in_any_case(shopper):
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(username="staff", email=shopper.email.upper())


def test_normalise_identifier_only_compacts_phone_numbers():
    assert normalise_identifier(" +86 139 0013 9000 ") == "13900139000"
    assert normalise_identifier(" Some User ") == "Some User"
    assert normalise_identifier(None) == ""


def test_axes_counts_every_name_of_one_account_together(shopper):
    request = RequestFactory().post("/account/login/")

    names = {
        axes_username(request, {"username": name})
        for name in ["li.lei", "LI.LEI@example.com", "13800138000"]
    }

    assert names == {"li.lei"}
    assert axes_username(request, {"username": " Unknown@Example.com "}) == "unknown@example.com"
    assert axes_username(RequestFactory().post("/", {"username": "13800138000"}), None) == "li.lei"
