"""Address book pages: CRUD through forms, one default, someone else's address is a 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.addresses import address_create
from accounts.models import Address
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def form_data(fields, **overrides):
    return {**fields, **overrides}


@pytest.fixture
def signed_in(client, shopper):
    client.force_login(shopper)
    return client


def test_add_first_address_makes_it_default(signed_in, shopper, address_fields):
    response = signed_in.post(
        "/account/addresses/add/", form_data(address_fields, mobile="139-0013-9000")
    )

    assert response["Location"] == "/account/addresses/"
    address = Address.objects.get(user=shopper)
    assert (address.mobile, address.province, address.is_default) == (
        "13900139000",
        "guangdong",
        True,
    )


def test_add_follows_a_safe_next_only(signed_in, address_fields):
    safe = signed_in.post("/account/addresses/add/", form_data(address_fields, next="/checkout/"))
    unsafe = signed_in.post(
        "/account/addresses/add/", form_data(address_fields, next="//evil.example/")
    )

    assert safe["Location"] == "/checkout/"
    assert unsafe["Location"] == "/account/addresses/"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"mobile": "1390013900"},
            "mobile",
            "Enter an 11-digit mainland mobile number, e.g. 13800138000.",
        ),
        (
            {"mobile": "23900139000"},
            "mobile",
            "Enter an 11-digit mainland mobile number, e.g. 13800138000.",
        ),
        ({"postcode": "51800"}, "postcode", "A postcode has six digits."),
        (
            {"province": "atlantis"},
            "province",
            "Select a valid choice. atlantis is not one of the available choices.",
        ),
        ({"street": ""}, "street", "This field is required."),
        (
            {"recipient": "x" * 51},
            "recipient",
            "Ensure this value has at most 50 characters (it has 51).",
        ),
    ],
)
def test_add_refuses_bad_input_with_a_message(
    signed_in, address_fields, overrides, field, message
):
    response = signed_in.post("/account/addresses/add/", form_data(address_fields, **overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not Address.objects.exists()


def test_add_form_is_prefilled_with_the_shoppers_name_and_mobile(signed_in):
    form = signed_in.get("/account/addresses/add/").context["form"]

    assert (form["recipient"].value(), form["mobile"].value()) == ("Lei Li", "13800138000")


def test_edit_changes_the_address(signed_in, shopper, address_fields):
    address = address_create(user=shopper, **address_fields)

    response = signed_in.post(
        f"/account/addresses/{address.pk}/edit/", form_data(address_fields, city="广州市")
    )

    address.refresh_from_db()
    assert response["Location"] == "/account/addresses/"
    assert (address.city, address.is_default) == ("广州市", True)


def test_edit_can_make_another_address_the_default(signed_in, shopper, address_fields):
    first = address_create(user=shopper, **address_fields)
    second = address_create(user=shopper, **address_fields)

    signed_in.post(
        f"/account/addresses/{second.pk}/edit/", form_data(address_fields, make_default="on")
    )

    assert list(Address.objects.filter(is_default=True)) == [second]
    first.refresh_from_db()
    assert first.is_default is False


def test_default_address_form_does_not_offer_to_unset_it(signed_in, shopper, address_fields):
    address = address_create(user=shopper, **address_fields)

    form = signed_in.get(f"/account/addresses/{address.pk}/edit/").context["form"]

    assert "make_default" not in form.fields


def test_delete_asks_first_then_deletes_and_promotes(signed_in, shopper, address_fields):
    first = address_create(user=shopper, **address_fields)
    second = address_create(user=shopper, **{**address_fields, "recipient": "韩梅梅"})

    confirm = signed_in.get(f"/account/addresses/{first.pk}/delete/")
    response = signed_in.post(f"/account/addresses/{first.pk}/delete/", follow=True)

    assert confirm.status_code == 200
    assert Address.objects.filter(pk=first.pk).exists() is False
    second.refresh_from_db()
    assert second.is_default is True
    assert [str(m) for m in response.context["messages"]] == [
        "The address has been deleted.",
        f"Your default address is now: {second.one_line()}",
    ]


def test_make_default_is_post_only_and_moves_the_default(signed_in, shopper, address_fields):
    address_create(user=shopper, **address_fields)
    second = address_create(user=shopper, **address_fields)

    assert signed_in.get(f"/account/addresses/{second.pk}/default/").status_code == 405
    response = signed_in.post(f"/account/addresses/{second.pk}/default/")

    assert response["Location"] == "/account/addresses/"
    assert list(Address.objects.filter(is_default=True)) == [second]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/account/addresses/{pk}/edit/"),
        ("post", "/account/addresses/{pk}/edit/"),
        ("get", "/account/addresses/{pk}/delete/"),
        ("post", "/account/addresses/{pk}/delete/"),
        ("post", "/account/addresses/{pk}/default/"),
    ],
)
def test_another_shoppers_address_is_not_found(signed_in, shopper, address_fields, method, path):
    address_create(user=shopper, **address_fields)
    theirs = address_create(user=UserFactory(), **address_fields)

    response = getattr(signed_in, method)(path.format(pk=theirs.pk), address_fields)

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.city, theirs.is_default) == ("深圳市", True)
    assert Address.objects.filter(user=shopper, is_default=True).count() == 1


def test_list_shows_every_address_default_first_in_constant_queries(
    signed_in, shopper, address_fields, django_assert_max_num_queries
):
    address_create(user=shopper, **{**address_fields, "recipient": "收件人0"})
    address_create(user=UserFactory(), **{**address_fields, "recipient": "别人"})
    signed_in.get("/account/addresses/")  # warm-up: site settings rows are made on first use
    with CaptureQueriesContext(connection) as one_address:
        signed_in.get("/account/addresses/")
    for number in range(1, 9):
        address_create(user=shopper, **{**address_fields, "recipient": f"收件人{number}"})

    with django_assert_max_num_queries(len(one_address)):
        response = signed_in.get("/account/addresses/")

    recipients = [address.recipient for address in response.context["addresses"]]
    assert recipients[0] == "收件人0"
    assert sorted(recipients) == sorted(f"收件人{number}" for number in range(9))
    assert "别人" not in response.content.decode()
    assert len(one_address) <= 12


def test_account_home_links_to_the_address_book_and_shows_the_default(
    signed_in, shopper, address_fields
):
    address_create(user=shopper, **address_fields)

    html = signed_in.get("/account/").content.decode()

    assert 'href="/account/addresses/"' in html
    assert "科技园路 1 号" in html
