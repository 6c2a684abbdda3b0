"""Every admin listing with a search box answers a search, in English, Chinese and codes.

The product listing answered 500 ("no such column: name") on SQLite; these tests
keep every other searchable listing honest: the first one walks the admin's URL
patterns so a listing added later is searched too, the rest check that each
listing outside the order desks finds what it should.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Workflow

from home.models import Announcement
from products.models import Stock
from search.models import SynonymGroup
from tests.factories import (
    BrandPageFactory,
    DocumentFactory,
    GuidePageFactory,
    ImageFactory,
    UserFactory,
)
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db

QUERIES = ["coffee", "咖啡", "COF-250G", "a b c", "'", '"', "%", "_", "*", "(", "AND", "-x"]


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


# Page listings are served through Wagtail's page viewset registry (no view class on
# the URL pattern), so the walk cannot see them; they are listed here.
PAGE_LISTINGS = ["/admin/pages/search/", "/admin/pages/search/results/"]


def searchable_listings() -> list[str]:
    """Admin listing addresses without path parameters whose view shows a search box."""
    routes = list(PAGE_LISTINGS)
    for route, pattern in _walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if not route.startswith("admin/") or "<" in route or view_class is None:
            continue
        if not issubclass(view_class, BaseListingView):
            continue
        view = view_class(**(pattern.callback.view_initkwargs or {}))
        if view.is_searchable:
            routes.append("/" + route)
    return sorted(routes)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True))
    return client


@pytest.fixture
def something_of_everything(site_tree):
    """One searchable object of each kind, so every search backend has index rows to match
    (SQLite only reads the search expression, and fails on it, when the index has rows)."""
    drinks = make_category("咖啡 Coffee", "coffee")
    kind = make_product_type("Coffee 咖啡")
    make_product(name="Coffee beans 咖啡豆", category=drinks, product_type=kind)
    Stock.objects.create(sku="COF-250G", on_hand=1)
    Announcement.objects.create(text="Coffee week 咖啡节")
    SynonymGroup.objects.create(terms="咖啡, coffee")
    GuidePageFactory(title="Coffee at home 咖啡")
    BrandPageFactory(title="Coffee Hills 咖啡")
    ImageFactory(title="Coffee cup 咖啡杯")
    DocumentFactory(title="Coffee price list 咖啡价目表")
    Redirect.objects.create(old_path="/coffee-beans", redirect_link="/products/")
    SearchPromotion.objects.create(
        query=Query.get("咖啡 coffee"), page=site_tree.guides, description="", sort_order=0
    )
    UserFactory(username="barista", last_name="咖啡师")
    return site_tree


def found(client, url: str, query: str) -> str:
    response = client.get(url, {"q": query})
    assert response.status_code == 200, f"{url}?q={query} answered {response.status_code}"
    return response.content.decode()


def test_the_walk_finds_the_listings_we_know():
    routes = searchable_listings()

    for known in [
        "/admin/snippets/products/product/",
        "/admin/snippets/home/announcement/",
        "/admin/users/",
        "/admin/images/",
    ]:
        assert known in routes


@pytest.mark.parametrize("route", searchable_listings())
def test_every_searchable_listing_answers_every_query(
    admin_client, something_of_everything, route
):
    for query in QUERIES:
        found(admin_client, route, query)


def test_the_explorer_of_every_section_answers_every_query(admin_client, something_of_everything):
    tree = something_of_everything
    for section in [tree.home, tree.brands, tree.guides, tree.help]:
        for query in QUERIES:
            found(admin_client, reverse("wagtailadmin_explore", args=[section.pk]), query)


def test_categories(admin_client):
    make_category("手冲咖啡 Coffee", "pour-over-coffee")
    make_category("Tea", "tea")
    url = reverse("wagtailsnippets_products_category:list")

    for query in ["coffee", "咖啡", "pour-over"]:
        html = found(admin_client, url, query)
        assert "手冲咖啡 Coffee" in html and ">Tea<" not in html


def test_product_types(admin_client):
    make_product_type("Coffee machine 咖啡机")
    make_product_type("Teapot")
    url = reverse("wagtailsnippets_products_producttype:list")

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "Coffee machine 咖啡机" in html and "Teapot" not in html


def test_stock_rows(admin_client):
    Stock.objects.create(sku="COF-250G", on_hand=3)
    Stock.objects.create(sku="TEA-100G", on_hand=3)
    url = reverse("wagtailsnippets_products_stock:list")

    for query in ["COF-250G", "cof-250"]:
        html = found(admin_client, url, query)
        assert "COF-250G" in html and "TEA-100G" not in html


def test_announcements(admin_client):
    Announcement.objects.create(text="Coffee week 咖啡节")
    Announcement.objects.create(text="Tea festival")
    url = reverse("wagtailsnippets_home_announcement:list")

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "Coffee week 咖啡节" in html and "Tea festival" not in html


def test_synonym_groups(admin_client):
    SynonymGroup.objects.create(terms="咖啡, coffee")
    SynonymGroup.objects.create(terms="茶, tea")
    url = reverse("wagtailsnippets_search_synonymgroup:list")

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "咖啡, coffee" in html and "茶, tea" not in html


def test_users_by_name_username_and_email(admin_client):
    UserFactory(username="lin", first_name="林", last_name="咖啡师", email="barista@example.com")
    UserFactory(username="wang", first_name="王", last_name="茶师", email="tea@example.com")
    url = reverse("wagtailusers_users:index")

    for query in ["lin", "咖啡", "barista@"]:
        html = found(admin_client, url, query)
        assert "咖啡师" in html and "茶师" not in html


def test_groups(admin_client):
    url = reverse("wagtailusers_groups:index")

    html = found(admin_client, url, "manag")

    assert "Managers" in html and "Editors" not in html


def test_page_search(admin_client, site_tree):
    GuidePageFactory(title="Coffee at home 咖啡")
    GuidePageFactory(title="Tea at home")
    url = reverse("wagtailadmin_pages:search")

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "Coffee at home 咖啡" in html and "Tea at home" not in html


def test_page_explorer_search_of_the_brands(admin_client, site_tree):
    BrandPageFactory(title="Coffee Hills 咖啡")
    BrandPageFactory(title="Tea Garden")
    url = reverse("wagtailadmin_explore", args=[site_tree.brands.pk])

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "Coffee Hills 咖啡" in html and "Tea Garden" not in html


def test_images(admin_client):
    ImageFactory(title="Coffee cup 咖啡杯")
    ImageFactory(title="Teapot")
    url = reverse("wagtailimages:index")

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "Coffee cup 咖啡杯" in html and "Teapot" not in html


def test_documents(admin_client):
    DocumentFactory(title="Coffee price list 咖啡价目表")
    DocumentFactory(title="Tea price list")
    url = reverse("wagtaildocs:index")

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "Coffee price list 咖啡价目表" in html and "Tea price list" not in html


def test_redirects(admin_client):
    Redirect.objects.create(old_path="/coffee-beans", redirect_link="/products/")
    Redirect.objects.create(old_path="/tea-leaves", redirect_link="/products/")
    url = reverse("wagtailredirects:index")

    html = found(admin_client, url, "coffee")

    assert "/coffee-beans" in html and "/tea-leaves" not in html


def test_promoted_results(admin_client, site_tree):
    for text in ["咖啡 coffee", "茶 tea"]:
        SearchPromotion.objects.create(
            query=Query.get(text), page=site_tree.guides, description="", sort_order=0
        )
    url = reverse("wagtailsearchpromotions:index")

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "咖啡 coffee" in html and "茶 tea" not in html


def test_workflows(admin_client):
    Workflow.objects.create(name="Coffee review 咖啡审核")
    url = reverse("wagtailadmin_workflows:index")

    for query in ["coffee", "咖啡"]:
        html = found(admin_client, url, query)
        assert "Coffee review 咖啡审核" in html and "Editorial review" not in html


def test_group_names_do_not_leak_into_an_unrelated_search(admin_client):
    Group.objects.create(name="Coffee tasters 咖啡")
    url = reverse("wagtailusers_groups:index")

    html = found(admin_client, url, "咖啡")

    assert "Coffee tasters 咖啡" in html and "Managers" not in html


def test_the_sqlite_index_takes_quotes_and_field_lists(something_of_everything):
    from wagtail.images import get_image_model
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    images = get_image_model().objects.all()

    assert [i.title for i in backend.search('"coffee"', images)] == ["Coffee cup 咖啡杯"]
    assert [i.title for i in backend.autocomplete('cof"', images)] == ["Coffee cup 咖啡杯"]
    assert list(backend.search('"', images)) == []
    assert [i.title for i in backend.search("coffee", images, fields=["title"])] == [
        "Coffee cup 咖啡杯"
    ]
