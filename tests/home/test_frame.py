"""The storefront frame (header menu, footer) is cached per site and language and changes
with what it shows: shop settings, categories, pages published or unpublished."""

import pytest
from django.utils import translation
from wagtail.models import Site

from core.languages import path_in_language
from home.models import ShopSettings
from tests.factories import GuidePageFactory
from tests.factories.catalogue import make_category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def footer(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


def menu(html: str) -> str:
    return html.split('<nav class="category-menu"', 1)[1].split("</nav>", 1)[0]


def shop_settings() -> ShopSettings:
    return ShopSettings.for_site(Site.objects.get(is_default_site=True))


def get(client, url: str) -> str:
    """The English page at ``url`` (a root address or one already under ``/en/``)."""
    return client.get(path_in_language(url, "en")).content.decode()


def test_the_menu_and_footer_cost_no_query_once_cached(
    client, site_tree, django_assert_max_num_queries
):
    make_category("Tea", "tea")
    get(client, site_tree.guides.url)  # creates the site's settings row: the frame changes
    get(client, site_tree.guides.url)

    with django_assert_max_num_queries(100) as cached:
        html = get(client, site_tree.guides.url)

    sql = " ".join(query["sql"] for query in cached.captured_queries)
    assert '"products_category"."depth" <= 2' not in sql  # the menu's categories
    assert "footer_links" not in sql
    assert "Tea" in menu(html) and "site-footer__bottom" in footer(html)


def test_new_shop_settings_show_at_once(client, site_tree):
    get(client, "/")
    shop = shop_settings()
    shop.service_phone = "400-111-2222"
    shop.save()

    assert "400-111-2222" in footer(get(client, "/"))


def test_a_renamed_or_new_category_shows_at_once(client, site_tree):
    tea = make_category("Tea", "tea")
    assert "Tea" in menu(get(client, "/"))

    tea.name = "Green tea"
    tea.save()
    make_category("Coffee", "coffee")
    html = menu(get(client, "/"))

    assert "Green tea" in html and "Coffee" in html


def test_a_section_taken_out_of_the_menu_or_unpublished_leaves_it(client, site_tree):
    assert site_tree.help.url in menu(get(client, "/"))

    site_tree.help.show_in_menus = False
    site_tree.help.save_revision().publish()
    assert site_tree.help.url not in menu(get(client, "/"))

    site_tree.brands.unpublish()
    assert site_tree.brands.url not in menu(get(client, "/"))


def test_a_published_page_that_the_footer_links_to_moves_with_its_slug(client, site_tree):
    guide = GuidePageFactory(title="Brewing", slug="brewing")
    shop = shop_settings()
    shop.footer_links = [
        {
            "type": "column",
            "value": {"heading": "Read", "links": [{"label": "Brew", "link": {"page": guide.pk}}]},
        }
    ]
    shop.save()
    assert "/guides/brewing/" in footer(get(client, "/"))

    guide.slug = "brewing-tea"
    guide.save_revision().publish()

    assert "/guides/brewing-tea/" in footer(get(client, "/"))


def test_each_language_has_its_own_frame(client, site_tree):
    english = footer(get(client, "/"))
    chinese = footer(client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode())

    assert "Customer service" in english or "We count" in english
    assert "我们" in chinese or "客服" in chinese
