"""Favourites: the heart button, the sign-in detour for visitors, and "my favourites"."""

from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from commerce.errors import ProductUnavailable
from commerce.favourites.services import favourite_product_ids, favourite_toggle
from commerce.models import Favourite
from products.models import Product
from tests.factories import ImageFactory, UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


@pytest.fixture
def shop(site_tree):
    category = make_category("Kitchen", "kitchen")
    product_type = make_product_type("Pot")
    kettle = make_product(name="Kettle", category=category, product_type=product_type)
    mug = make_product(name="Mug", category=category, product_type=product_type)
    return SimpleNamespace(kettle=kettle, mug=mug, category=category, product_type=product_type)


def toggle_url(product):
    return reverse("favourite_toggle", args=[product.pk])


# --- domain ------------------------------------------------------------------------


def test_toggle_adds_then_removes(shop):
    user = UserFactory()

    assert favourite_toggle(user=user, product=shop.kettle) is True
    assert favourite_product_ids(user) == {shop.kettle.pk}
    assert favourite_toggle(user=user, product=shop.kettle) is False
    assert favourite_product_ids(user) == set()


def test_unpublished_products_cannot_be_added_but_can_be_removed(shop):
    user = UserFactory()
    Favourite.objects.create(user=user, product=shop.mug)
    Product.objects.filter(pk__in=[shop.kettle.pk, shop.mug.pk]).update(live=False)
    shop.kettle.refresh_from_db()
    shop.mug.refresh_from_db()

    with pytest.raises(ProductUnavailable):
        favourite_toggle(user=user, product=shop.kettle)
    assert favourite_toggle(user=user, product=shop.mug) is False
    assert Favourite.objects.count() == 0


# --- the heart button --------------------------------------------------------------


def test_visitors_are_sent_to_sign_in_and_back_to_the_product(client, shop):
    response = client.post(toggle_url(shop.kettle))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={quote(shop.kettle.url)}"
    assert Favourite.objects.count() == 0


def test_visitors_using_fetch_get_the_sign_in_address(client, shop):
    response = client.post(toggle_url(shop.kettle), **FETCH)

    assert response.status_code == 401
    assert response.json()["login_url"] == f"{reverse('login')}?next={quote(shop.kettle.url)}"


def test_signed_in_shopper_toggles_without_javascript(client, shop):
    user = UserFactory()
    client.force_login(user)

    response = client.post(toggle_url(shop.kettle), {"next": reverse("product_list")})

    assert response["Location"] == reverse("product_list")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Saved to your favourites: Kettle."
    ]
    assert favourite_product_ids(user) == {shop.kettle.pk}


def test_signed_in_shopper_toggles_with_fetch(client, shop):
    user = UserFactory()
    client.force_login(user)

    first = client.post(toggle_url(shop.kettle), **FETCH).json()
    second = client.post(toggle_url(shop.kettle), **FETCH).json()

    assert (first["ok"], first["favourite"]) == (True, True)
    assert (second["favourite"], second["message"]) == (
        False,
        "Removed from your favourites: Kettle.",
    )
    assert "cart_count" not in first


def test_toggle_only_accepts_post_and_known_products(client, shop):
    client.force_login(UserFactory())

    assert client.get(toggle_url(shop.kettle)).status_code == 405
    assert client.post(reverse("favourite_toggle", args=[999999])).status_code == 404


def test_product_page_and_cards_show_the_heart_state(client, shop):
    user = UserFactory()
    Favourite.objects.create(user=user, product=shop.kettle)
    client.force_login(user)

    detail = client.get(shop.kettle.url).content.decode()
    listing = client.get(reverse("product_list")).content.decode()

    assert f'action="{toggle_url(shop.kettle)}"' in detail and "In your favourites" in detail
    assert listing.count('class="favourite-button is-favourite" aria-pressed="true"') == 1
    assert listing.count('class="favourite-button" aria-pressed="false"') == 1
    assert 'aria-label="Remove Kettle from favourites"' in listing


@pytest.mark.parametrize("count", [1, 12])
def test_hearts_on_cards_cost_one_query_for_the_page(
    client, shop, django_assert_max_num_queries, count
):
    user = UserFactory()
    image = ImageFactory()
    products = [
        make_product(category=shop.category, product_type=shop.product_type, image=image)
        for _ in range(count)
    ]
    for product in products:
        Favourite.objects.create(user=user, product=product)
    client.force_login(user)
    client.get(reverse("product_list"))

    # 20 with campaign prices: the shopper's province and the cards' categories, once a page.
    with django_assert_max_num_queries(20):
        response = client.get(reverse("product_list"))

    assert response.content.decode().count('class="favourite-button is-favourite"') == count

    client.get(reverse("favourite_list"))
    with django_assert_max_num_queries(15):
        response = client.get(reverse("favourite_list"))

    assert response.content.decode().count('class="favourite-button is-favourite"') == count


# --- my favourites -----------------------------------------------------------------


def test_favourites_page_needs_sign_in(client, shop):
    response = client.get(reverse("favourite_list"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={quote(reverse('favourite_list'))}"


def test_favourites_page_lists_cards_and_marks_unpublished_products(client, shop):
    user = UserFactory()
    Favourite.objects.create(user=user, product=shop.kettle)
    Favourite.objects.create(user=user, product=shop.mug)
    Product.objects.filter(pk=shop.mug.pk).update(live=False)
    client.force_login(user)

    content = client.get(reverse("favourite_list")).content.decode()

    assert content.count('class="card product-card"') == 1
    assert shop.kettle.url in content
    assert "No longer available" in content and "Mug" in content
    assert shop.mug.url not in content
    assert f'action="{toggle_url(shop.mug)}"' in content


def test_removing_an_unpublished_favourite_returns_to_the_favourites_page(client, shop):
    user = UserFactory()
    Favourite.objects.create(user=user, product=shop.mug)
    Product.objects.filter(pk=shop.mug.pk).update(live=False)
    client.force_login(user)

    response = client.post(toggle_url(shop.mug))

    assert response["Location"] == reverse("favourite_list")
    assert Favourite.objects.count() == 0


def test_empty_favourites_page_is_friendly(client, shop):
    client.force_login(UserFactory())

    content = client.get(reverse("favourite_list")).content.decode()

    assert "You have no favourites yet." in content
