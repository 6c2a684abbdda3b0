"""The recently viewed row: kept per visitor (session) and per signed-in shopper (their stored
views), fetched by script so the product page stays the same for everyone, and never shown to
anyone else."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from products.models import Product
from tests.factories import UserFactory

from .conftest import visit

pytestmark = pytest.mark.django_db


def fragment(client, product=None) -> str:
    """The row as the script fetches it, viewing ``product`` when given."""
    params = {"product": product.pk} if product is not None else {}
    response = client.get(reverse("recently_viewed"), params, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 200
    return response.content.decode()


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title">(.*?)</h3>', html)


def test_a_guest_sees_what_they_viewed_newest_first_without_the_product_open(client, teas):
    for product in (teas.a, teas.b, teas.c, teas.b):
        fragment(client, product)

    html = fragment(client, teas.d)

    assert titles(html) == ["Tea B", "Tea C", "Tea A"]
    assert "Recently viewed" in html
    assert f'href="{teas.b.url}?rec=recently_viewed-1"' in html
    assert titles(fragment(client)) == ["Tea D", "Tea B", "Tea C", "Tea A"]  # the cart's


def test_the_first_product_viewed_shows_no_row(client, teas):
    assert fragment(client, teas.a).strip() == ""


def test_one_visitors_list_is_never_shown_to_another(client, teas):
    fragment(client, teas.a)
    fragment(client, teas.b)
    stranger = Client()

    assert titles(fragment(stranger, teas.c)) == []
    assert titles(fragment(stranger)) == ["Tea C"]  # only what the stranger viewed


def test_a_signed_in_shopper_sees_their_views_from_any_device_and_nobody_elses(client, teas):
    shopper, other = UserFactory(), UserFactory()
    visit("phone", teas.e, teas.f, user_id=shopper.pk)
    visit("someone", teas.c, user_id=other.pk)
    visit("guest", teas.d)
    client.force_login(shopper)
    fragment(client, teas.a)

    assert titles(fragment(client, teas.b)) == ["Tea A", "Tea F", "Tea E"]

    client.force_login(other)
    assert titles(fragment(client)) == ["Tea C"]


def test_signing_out_forgets_the_list(client, teas):
    client.force_login(UserFactory())
    fragment(client, teas.a)
    fragment(client, teas.b)

    client.post(reverse("logout"))

    assert titles(fragment(client, teas.c)) == []


@pytest.mark.parametrize("raw", ["abc", "-1", "1.0", "²", "99999999999999999999", ""])
def test_a_bad_product_number_records_nothing_and_answers_200(client, teas, raw):
    fragment(client, teas.a)

    response = client.get(reverse("recently_viewed"), {"product": raw})

    assert response.status_code == 200
    assert client.session["recently_viewed"] == [teas.a.pk]


def test_an_unpublished_product_is_neither_remembered_nor_shown(client, teas):
    fragment(client, teas.a)
    fragment(client, teas.b)
    Product.objects.filter(pk=teas.a.pk).update(live=False)

    assert titles(fragment(client, teas.a)) == ["Tea B"]
    assert client.session["recently_viewed"] == [teas.b.pk, teas.a.pk]
    assert titles(fragment(client)) == ["Tea B"]


def test_the_row_is_private_and_the_product_page_only_holds_its_place(client, teas):
    fragment(client, teas.a)
    response = client.get(reverse("recently_viewed"), {"product": teas.b.pk})

    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"

    page = client.get(teas.c.url).content.decode()
    assert "rec=recently_viewed" not in page  # the page is the same for everyone
    assert f'data-src="{reverse("recently_viewed")}?product={teas.c.pk}"' in page


def test_the_cart_holds_the_rows_place(client, teas):
    page = client.get(reverse("cart")).content.decode()

    assert f'data-src="{reverse("recently_viewed")}"' in page
