"""The cart's pages and forms, with and without JavaScript, and the merge on sign-in."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from commerce.cart.services import cart_add_line
from commerce.models import Cart, CartLine
from products.models import ProductVariant, Stock
from tests.factories import ImageFactory, UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


@pytest.fixture
def shop(site_tree):
    category = make_category("Kitchen", "kitchen")
    product_type = make_product_type("Pot")
    kettle = make_product(
        name="Kettle", category=category, product_type=product_type, prices=["100.00", "120.00"]
    )
    mug = make_product(
        name="Mug", category=category, product_type=product_type, prices=["15.50"], on_hand=3
    )
    skus = [v.sku for v in kettle.variants.order_by("sort_order")]
    return SimpleNamespace(
        kettle=kettle,
        mug=mug,
        a=skus[0],
        b=skus[1],
        m=mug.variants.get().sku,
        category=category,
        product_type=product_type,
    )


def session_lines(client):
    cart_id = client.session.get("cart_id")
    return (
        {line.sku: line.quantity for line in CartLine.objects.filter(cart_id=cart_id)}
        if cart_id
        else {}
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def add(client, sku, quantity="1"):
    return client.post(reverse("cart_add"), {"sku": sku, "quantity": quantity})


# --- adding ------------------------------------------------------------------------


def test_adding_without_javascript_redirects_back_with_a_message(client, shop):
    response = client.post(
        reverse("cart_add"), {"sku": shop.b, "quantity": "2", "next": shop.kettle.url}
    )

    assert response.status_code == 302 and response["Location"] == shop.kettle.url
    assert messages_of(response) == ["Added to your cart: Kettle · Option 1 × 2."]
    assert session_lines(client) == {shop.b: 2}
    assert Cart.objects.get().user is None


def test_adding_with_fetch_answers_json_with_the_new_count(client, shop):
    client.post(reverse("cart_add"), {"sku": shop.a, "quantity": "1"}, **FETCH)

    response = client.post(reverse("cart_add"), {"sku": shop.m, "quantity": "2"}, **FETCH)

    assert response.status_code == 200
    data = response.json()
    assert (data["ok"], data["cart_count"], data["cart_count_label"], data["quantity"]) == (
        True,
        3,
        "(3 items)",
        2,
    )
    assert data["message"] == "Added to your cart: Mug · Option 0 × 2."


def test_off_site_next_is_ignored(client, shop):
    response = client.post(
        reverse("cart_add"), {"sku": shop.a, "quantity": "1", "next": "https://evil.example/"}
    )

    assert response["Location"] == reverse("cart")


@pytest.mark.parametrize(
    "quantity", ["-1", "0", "1.5", "1e3", "99999999999999999999", "100", "", "abc", " "]
)
def test_bad_quantities_are_rejected_and_nothing_changes(client, shop, quantity):
    client.post(reverse("cart_add"), {"sku": shop.a, "quantity": "2"})

    response = client.post(
        reverse("cart_add"), {"sku": shop.a, "quantity": quantity, "next": shop.kettle.url}
    )

    assert response.status_code == 302 and response["Location"] == shop.kettle.url
    assert messages_of(response)[-1] == "Quantity must be a whole number from 1 to 99."
    assert session_lines(client) == {shop.a: 2}


@pytest.mark.parametrize("quantity", ["-1", "0", "1.5", "1e3", "99999999999999999999"])
def test_bad_quantities_with_fetch_get_a_400_and_nothing_changes(client, shop, quantity):
    response = client.post(reverse("cart_add"), {"sku": shop.a, "quantity": quantity}, **FETCH)

    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "message": "Quantity must be a whole number from 1 to 99.",
        "code": "invalid_quantity",
        "cart_count": 0,
        "cart_count_label": "(0 items)",
    }
    assert CartLine.objects.count() == 0
    assert Cart.objects.count() == 0


def test_more_than_the_stock_is_refused_with_how_many_are_left(client, shop):
    response = client.post(reverse("cart_add"), {"sku": shop.m, "quantity": "4"}, **FETCH)

    assert response.status_code == 400
    assert response.json()["message"] == "Only 3 of Mug · Option 0 are available."
    assert CartLine.objects.count() == 0


def test_a_forged_price_in_the_add_form_has_no_effect(client, shop):
    client.post(
        reverse("cart_add"),
        {
            "sku": shop.a,
            "quantity": "2",
            "price": "0.01",
            "unit_price": "0.01",
            "price_when_added": "0.01",
            "subtotal": "0.02",
        },
    )

    line = CartLine.objects.get()
    assert line.price_when_added == Decimal("100.00")
    content = client.get(reverse("cart")).content.decode()
    assert "¥200.00" in content
    assert "0.01" not in content and "0.02" not in content


def test_unknown_sku_is_refused(client, shop):
    response = client.post(reverse("cart_add"), {"sku": "NOPE", "quantity": "1"}, **FETCH)

    assert response.status_code == 400
    assert response.json()["code"] == "unavailable"
    assert CartLine.objects.count() == 0


def test_cart_forms_only_accept_post(client, shop):
    assert client.get(reverse("cart_add"), {"sku": shop.a, "quantity": "1"}).status_code == 405
    assert client.get(reverse("cart_line_remove", args=[shop.a])).status_code == 405


def test_signed_in_shoppers_add_to_their_saved_cart(client, shop):
    user = UserFactory()
    client.force_login(user)

    client.post(reverse("cart_add"), {"sku": shop.a, "quantity": "1"})

    assert {line.sku: line.quantity for line in CartLine.objects.filter(cart__user=user)} == {
        shop.a: 1
    }
    assert "cart_id" not in client.session


def test_a_session_cannot_point_at_someone_elses_cart(client, shop):
    other = Cart.objects.create(user=UserFactory())
    cart_add_line(cart=other, sku=shop.a, quantity=5)
    session = client.session
    session["cart_id"] = other.pk
    session.save()

    response = client.get(reverse("cart"))

    assert "Your cart is empty." in response.content.decode()
    client.post(reverse("cart_line_remove", args=[shop.a]))
    assert CartLine.objects.get(cart=other).quantity == 5


# --- changing and removing ---------------------------------------------------------


def test_updating_a_quantity_without_javascript(client, shop):
    add(client, shop.a, "1")

    response = client.post(reverse("cart_line_update", args=[shop.a]), {"quantity": "4"})

    assert response.status_code == 302 and response["Location"] == reverse("cart")
    assert messages_of(response)[-1] == "Quantity updated: Kettle · Option 0 × 4."
    assert session_lines(client) == {shop.a: 4}


def test_updating_with_fetch_returns_the_new_cart_contents(client, shop):
    add(client, shop.a, "1")

    response = client.post(reverse("cart_line_update", args=[shop.a]), {"quantity": "3"}, **FETCH)

    data = response.json()
    assert (data["ok"], data["cart_count"]) == (True, 3)
    assert 'value="3"' in data["cart_html"] and "¥300.00" in data["cart_html"]


@pytest.mark.parametrize("quantity", ["-1", "0", "1.5", "1e3", "99999999999999999999", "11"])
def test_bad_updates_are_refused_and_nothing_changes(client, shop, quantity):
    add(client, shop.a, "2")

    response = client.post(
        reverse("cart_line_update", args=[shop.a]), {"quantity": quantity}, **FETCH
    )

    assert response.status_code == 400 and response.json()["ok"] is False
    assert session_lines(client) == {shop.a: 2}


def test_updating_a_line_of_a_visitor_without_a_cart_is_refused(client, shop):
    response = client.post(reverse("cart_line_update", args=[shop.a]), {"quantity": "1"})

    assert messages_of(response) == ["That item is no longer in your cart."]


def test_removing_a_line(client, shop):
    add(client, shop.a, "1")
    add(client, shop.m, "1")

    response = client.post(reverse("cart_line_remove", args=[shop.a]), **FETCH)

    assert response.json()["cart_count"] == 1
    assert session_lines(client) == {shop.m: 1}


# --- the cart page -----------------------------------------------------------------


def test_empty_cart_page_is_friendly(client, shop):
    response = client.get(reverse("cart"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Your cart is empty." in content
    assert f'href="{reverse("product_list")}"' in content


def test_cart_page_shows_lines_subtotal_and_forms(client, shop):
    add(client, shop.b, "2")
    add(client, shop.m, "1")

    content = client.get(reverse("cart")).content.decode()

    assert "Kettle" in content and "Option 1" in content and "Mug" in content
    assert "¥240.00" in content and "¥15.50" in content
    assert "¥255.50" in content
    assert f'action="{reverse("cart_line_update", args=[shop.b])}"' in content
    assert f'action="{reverse("cart_line_remove", args=[shop.b])}"' in content


def test_cart_page_flags_changes_and_the_new_prices_can_be_accepted(client, shop):
    add(client, shop.a, "1")
    add(client, shop.m, "1")
    ProductVariant.objects.filter(sku=shop.a).update(price=Decimal("80.00"))
    Stock.objects.filter(sku=shop.m).update(on_hand=0)

    content = client.get(reverse("cart")).content.decode()

    assert "The price of Kettle has changed from ¥100.00 to ¥80.00." in content
    assert "Mug is out of stock." in content
    assert "Please resolve the items flagged above before checking out." in content

    client.post(reverse("cart_accept_prices"))
    content = client.get(reverse("cart")).content.decode()
    assert "has changed from" not in content
    assert CartLine.objects.get(sku=shop.a).price_when_added == Decimal("80.00")


def test_header_shows_the_cart_count(client, shop):
    add(client, shop.a, "2")
    add(client, shop.m, "1")

    content = client.get(reverse("product_list")).content.decode()

    assert '<span class="cart-link__count" aria-hidden="true" data-cart-count>3</span>' in content


def test_header_count_costs_no_query_for_a_visitor_without_a_cart(
    client, shop, django_assert_num_queries
):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore
    from django.template import RequestContext, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session, request.user = SessionStore(), AnonymousUser()

    with django_assert_num_queries(0):
        assert Template("{{ cart_count }}").render(RequestContext(request)) == "0"


@pytest.mark.parametrize("count", [1, 10])
def test_cart_page_query_count_does_not_grow_with_lines(
    client, shop, django_assert_max_num_queries, count
):
    image = ImageFactory()
    products = [
        make_product(category=shop.category, product_type=shop.product_type, image=image)
        for _ in range(count)
    ]
    for product in products:
        add(client, product.variants.get().sku, "1")
    ProductVariant.objects.filter(sku=products[0].variants.get().sku).update(price=Decimal("1.00"))
    client.get(reverse("cart"))

    with django_assert_max_num_queries(13):
        response = client.get(reverse("cart"))

    assert response.content.decode().count("data-cart-line=") == count


# --- merging on sign-in ------------------------------------------------------------


def anonymous_cart_then_saved_cart(client, shop):
    user = UserFactory()
    saved = Cart.objects.create(user=user)
    cart_add_line(cart=saved, sku=shop.a, quantity=1)
    add(client, shop.a, "2")
    add(client, shop.m, "1")
    return user, Cart.objects.get(pk=client.session["cart_id"])


def test_signing_in_through_the_login_form_merges_the_session_cart(client, shop):
    user, anonymous = anonymous_cart_then_saved_cart(client, shop)

    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert {line.sku: line.quantity for line in CartLine.objects.filter(cart__user=user)} == {
        shop.a: 3,
        shop.m: 1,
    }
    assert not Cart.objects.filter(pk=anonymous.pk).exists()
    assert "cart_id" not in client.session


def test_force_login_fires_user_logged_in_and_merges_too(client, shop):
    user, anonymous = anonymous_cart_then_saved_cart(client, shop)

    client.force_login(user)

    assert {line.sku: line.quantity for line in CartLine.objects.filter(cart__user=user)} == {
        shop.a: 3,
        shop.m: 1,
    }
    assert not Cart.objects.filter(pk=anonymous.pk).exists()


def test_signing_in_without_a_saved_cart_makes_the_session_cart_the_users(client, shop):
    user = UserFactory()
    add(client, shop.a, "2")

    client.force_login(user)

    assert {line.sku: line.quantity for line in CartLine.objects.filter(cart__user=user)} == {
        shop.a: 2
    }
    assert Cart.objects.count() == 1
