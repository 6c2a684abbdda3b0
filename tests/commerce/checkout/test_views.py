"""Checkout and order pages through the browser's eyes (Django test client)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commerce.cart.services import cart_add_line
from commerce.models import Cart, Order, OrderStatus, RedPacket
from products.models import Stock
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import (
    give_red_packet,
    make_address,
    make_shipping_method,
    place_order,
)
from tests.factories.users import UserFactory

D = Decimal


@pytest.fixture
def shop(db):
    kind = make_product_type()
    category = make_category("Audio", "audio")
    skus = [
        make_product(category=category, product_type=kind, name=name, prices=[price], on_hand=5)
        .variants.get()
        .sku
        for name, price in [("Earbuds", "100.00"), ("Cable", "19.90")]
    ]
    return {"skus": skus, "method": make_shipping_method(base_fee="10.00", free_from="199.00")}


@pytest.fixture
def shopper(client, shop):
    user = UserFactory(email="shopper@example.com")
    address = make_address(user)
    cart = Cart.objects.create(user=user)
    cart_add_line(cart=cart, sku=shop["skus"][0], quantity=1)
    cart_add_line(cart=cart, sku=shop["skus"][1], quantity=2)
    client.force_login(user)
    return {"user": user, "address": address, "cart": cart}


def checkout_data(shop, shopper, **extra):
    data = {
        "address": str(shopper["address"].pk),
        "shipping_method": str(shop["method"].pk),
        "payment_method": "cod",
        "note": "Leave it with the concierge",
    }
    data.update(extra)
    return data


def place_data(client, **extra) -> dict:
    """What the review page's place-order form posts: the key and the signed reviewed total."""
    review = client.get(reverse("checkout_review"))
    return {
        "checkout_key": client.session["checkout"]["key"],
        "reviewed": review.context["reviewed"],
        **extra,
    }


def test_signed_in_shopper_checks_out_reviews_and_places_the_order(client, shop, shopper):
    assert client.get(reverse("checkout")).status_code == 200

    response = client.post(reverse("checkout"), checkout_data(shop, shopper))
    assert response.status_code == 302 and response["Location"] == reverse("checkout_review")
    review = client.get(reverse("checkout_review"))
    assert review.status_code == 200
    assert review.context["breakdown"].total == D("149.80")

    placed = client.post(reverse("checkout_place"), place_data(client))

    assert client.session.get("checkout") is None
    order = Order.objects.get()
    assert placed["Location"] == reverse("order_detail", kwargs={"number": order.number})
    assert (order.status, order.total, order.customer_note) == (
        OrderStatus.CONFIRMED,
        D("149.80"),
        "Leave it with the concierge",
    )
    assert shopper["cart"].lines.count() == 0
    page = client.get(placed["Location"])
    assert page.status_code == 200
    assert order.number in page.content.decode()


def test_forged_prices_and_totals_in_the_forms_are_ignored(client, shop, shopper):
    client.post(
        reverse("checkout"), checkout_data(shop, shopper, price="0.01", total="0.01", subtotal="0")
    )
    client.post(
        reverse("checkout_place"),
        place_data(client, total="0.01", unit_price="0.01", shipping_fee="0", discount="999"),
    )

    order = Order.objects.get()
    assert (order.subtotal, order.shipping_fee, order.total) == (
        D("139.80"),
        D("10.00"),
        D("149.80"),
    )
    assert [line.unit_price for line in order.lines.all()] == [D("100.00"), D("19.90")]


def test_a_second_post_of_the_same_checkout_lands_on_the_same_order(client, shop, shopper):
    client.post(reverse("checkout"), checkout_data(shop, shopper))
    data = place_data(client)

    first = client.post(reverse("checkout_place"), data)
    second = client.post(reverse("checkout_place"), data)

    assert first["Location"] == second["Location"]
    assert Order.objects.count() == 1
    assert Stock.objects.get(sku=shop["skus"][0]).reserved == 1


def test_an_unknown_checkout_key_changes_nothing(client, shop, shopper):
    response = client.post(reverse("checkout_place"), {"checkout_key": "made-up"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("checkout")
    assert Order.objects.count() == 0


@pytest.mark.parametrize(
    "field, value",
    [
        ("shipping_method", "99999"),
        ("payment_method", "bitcoin"),
        ("address", "99999"),
        ("red_packet", "99999"),
    ],
)
def test_choices_that_were_not_offered_are_refused_with_a_message(
    client, shop, shopper, field, value
):
    response = client.post(reverse("checkout"), checkout_data(shop, shopper, **{field: value}))

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert "checkout" not in client.session


def test_someone_elses_address_or_red_packet_is_never_offered(client, shop, shopper):
    stranger = UserFactory()
    other_address = make_address(stranger)
    other_packet = give_red_packet(stranger, amount="5.00")

    for field, value in [("address", other_address.pk), ("red_packet", other_packet.pk)]:
        response = client.post(
            reverse("checkout"), checkout_data(shop, shopper, **{field: str(value)})
        )
        assert response.context["form"].errors[field]
    assert RedPacket.objects.get(pk=other_packet.pk).status == RedPacket.Status.AVAILABLE


def test_a_red_packet_chosen_at_checkout_is_applied_and_used(client, shop, shopper):
    packet = give_red_packet(shopper["user"], amount="20.00")

    client.post(reverse("checkout"), checkout_data(shop, shopper, red_packet=str(packet.pk)))
    client.post(reverse("checkout_place"), place_data(client))

    order = Order.objects.get()
    assert (order.discount_total, order.total) == (D("20.00"), D("129.80"))
    packet.refresh_from_db()
    assert packet.used_on == order


def test_a_new_address_typed_at_checkout_joins_the_address_book(client, shop, shopper):
    data = checkout_data(
        shop,
        shopper,
        address="new",
        **{
            "new-recipient": "李雷",
            "new-mobile": "13912345678",
            "new-province": "beijing",
            "new-city": "北京市",
            "new-district": "海淀区",
            "new-street": "中关村大街 27 号",
            "new-postcode": "",
        },
    )

    client.post(reverse("checkout"), data)
    client.post(reverse("checkout_place"), place_data(client))

    order = Order.objects.get()
    assert (order.recipient, order.province) == ("李雷", "beijing")
    assert shopper["user"].addresses.count() == 2
    assert (
        shopper["user"].addresses.get(is_default=True) == shopper["address"]
    )  # the default stays


def test_a_bad_new_address_is_explained_and_nothing_is_saved(client, shop, shopper):
    data = checkout_data(
        shop,
        shopper,
        address="new",
        **{
            "new-recipient": "李雷",
            "new-mobile": "12345",
            "new-province": "atlantis",
            "new-city": "",
            "new-district": "x",
            "new-street": "y",
        },
    )

    response = client.post(reverse("checkout"), data)

    errors = response.context["address_form"].errors
    assert set(errors) == {"mobile", "province", "city"}
    assert shopper["user"].addresses.count() == 1


def test_guest_checks_out_and_sees_the_order_only_through_the_signed_link(client, shop):
    client.post(reverse("cart_add"), {"sku": shop["skus"][0], "quantity": "1"})
    data = {
        "email": "guest@example.com",
        "shipping_method": str(shop["method"].pk),
        "payment_method": "bank_transfer",
        "new-recipient": "韩梅梅",
        "new-mobile": "13700001111",
        "new-province": "shanghai",
        "new-city": "上海市",
        "new-district": "浦东新区",
        "new-street": "世纪大道 100 号",
    }

    assert client.post(reverse("checkout"), data)["Location"] == reverse("checkout_review")
    placed = client.post(reverse("checkout_place"), place_data(client))

    order = Order.objects.get()
    assert (order.user, order.email, order.status) == (
        None,
        "guest@example.com",
        OrderStatus.AWAITING_PAYMENT,
    )
    assert placed["Location"].startswith("/orders/view/")
    assert client.get(placed["Location"]).status_code == 200
    assert client.get("/orders/view/not-a-valid-token/").status_code == 404
    assert (
        client.get(reverse("order_detail", kwargs={"number": order.number})).status_code == 302
    )  # sign in first


def test_another_users_order_is_not_found(client, shop, shopper):
    stranger = UserFactory()
    order = place_order(user=stranger, quantities={shop["skus"][0]: 1}, method=shop["method"])

    assert client.get(reverse("order_detail", kwargs={"number": order.number})).status_code == 404
    assert client.post(reverse("order_cancel", kwargs={"number": order.number})).status_code == 404
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED


def test_shopper_cancels_an_unpaid_order_from_its_page(client, shop, shopper):
    order = place_order(
        user=shopper["user"],
        quantities={shop["skus"][0]: 1},
        method=shop["method"],
        payment_method="bank_transfer",
    )

    response = client.post(reverse("order_cancel", kwargs={"number": order.number}), follow=True)

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert "cancelled" in response.content.decode()
    assert Stock.objects.get(sku=shop["skus"][0]).reserved == 0


def test_order_pages_cost_the_same_however_many_orders_and_lines(
    client, shop, shopper, django_assert_max_num_queries
):
    Stock.objects.update(on_hand=100)
    for _ in range(12):
        place_order(
            user=shopper["user"],
            quantities={shop["skus"][0]: 1, shop["skus"][1]: 1},
            method=shop["method"],
        )
    order = Order.objects.first()

    with django_assert_max_num_queries(12):
        assert client.get(reverse("order_list")).status_code == 200
    client.get(order.get_absolute_url())  # the site's price-protection settings are made once
    # 18 with the order's reviews and after-sales requests, one query each, and price
    # protection's settings, claims and price history, one query each.
    with django_assert_max_num_queries(18):
        assert client.get(order.get_absolute_url()).status_code == 200


def test_checkout_with_an_empty_cart_goes_back_to_the_cart(client, shop):
    client.force_login(UserFactory())

    response = client.get(reverse("checkout"))

    assert response["Location"] == reverse("cart")
