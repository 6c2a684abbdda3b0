"""Orders in the admin: staff who run orders read them; nobody edits them there."""

import pytest
from django.urls import reverse

from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory


@pytest.fixture
def order(db):
    sku = (
        make_product(
            category=make_category("Tea", "tea"),
            product_type=make_product_type(),
            name="Green tea",
            prices=["68.00"],
        )
        .variants.get()
        .sku
    )
    return place_order(
        user=UserFactory(),
        quantities={sku: 2},
        method=make_shipping_method(),
        note="Please call me before delivery",
    )


def test_customer_service_reads_the_order_with_its_note_lines_and_history(
    client, staff_user, order
):
    client.force_login(staff_user("Customer service"))

    listing = client.get(reverse("orders:index"))
    inspect = client.get(reverse("orders:inspect", args=[order.pk]))

    assert listing.status_code == 200 and order.number in listing.content.decode()
    page = inspect.content.decode()
    assert "Please call me before delivery" in page
    assert "Green tea" in page and "136.00" in page
    assert reverse("orders:edit", args=[order.pk]) not in page


def test_nobody_edits_or_deletes_an_order_in_the_generic_admin(client, order):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    edit = client.get(reverse("orders:edit", args=[order.pk]))
    delete = client.post(reverse("orders:delete", args=[order.pk]))

    assert edit.status_code in (302, 403) and delete.status_code in (302, 403)
    order.refresh_from_db()
    assert order.lines.count() == 1


def test_editors_do_not_see_orders(client, staff_user, order):
    client.force_login(staff_user("Editors"))

    response = client.get(reverse("orders:index"))

    assert response.status_code == 302
    assert order.number not in client.get(response["Location"]).content.decode()
