"""Categories in the admin: placed in the tree, moved with their subtree, listed in the header."""

import pytest
from django.urls import reverse

from products.models import Category
from tests.factories.catalogue import make_category

pytestmark = pytest.mark.django_db


def category_form(**fields):
    return {"name": "Tea", "slug": "tea", "parent": "", "description": "", "image": "", **fields}


def test_manager_adds_a_top_level_and_a_child_category(client, staff_user):
    client.force_login(staff_user("Managers"))

    client.post(reverse("wagtailsnippets_products_category:add"), category_form())
    tea = Category.objects.get(slug="tea")
    client.post(
        reverse("wagtailsnippets_products_category:add"),
        category_form(name="Green tea", slug="green-tea", parent=tea.pk),
    )

    green = Category.objects.get(slug="green-tea")
    assert (tea.depth, green.depth) == (1, 2)
    assert green.get_parent() == tea
    assert green.slug_path == "tea/green-tea"


def test_moving_a_category_moves_its_subtree_and_paths(client, staff_user):
    food = make_category("Food", "food")
    drinks = make_category("Drinks", "drinks")
    tea = make_category("Tea", "tea", parent=food)
    make_category("Green tea", "green-tea", parent=tea)
    client.force_login(staff_user("Managers"))

    response = client.post(
        reverse("wagtailsnippets_products_category:edit", args=[tea.pk]),
        category_form(parent=drinks.pk),
    )

    assert response.status_code == 302
    assert Category.objects.get(slug="tea").get_parent() == drinks
    assert Category.objects.get(slug="green-tea").slug_path == "drinks/tea/green-tea"


def test_category_cannot_move_under_itself(client, staff_user):
    tea = make_category("Tea", "tea")
    green = make_category("Green tea", "green-tea", parent=tea)
    client.force_login(staff_user("Managers"))

    response = client.post(
        reverse("wagtailsnippets_products_category:edit", args=[tea.pk]),
        category_form(parent=green.pk),
    )

    assert response.status_code == 200
    assert Category.objects.get(slug="tea").depth == 1


def test_header_menu_lists_top_categories_and_their_children(client, site_tree):
    food = make_category("Food", "food")
    make_category("Tea", "tea", parent=food)

    content = client.get("/").content.decode()

    assert (
        'href="/products/?category=food"' in content
        and 'href="/products/?category=tea"' in content
    )
