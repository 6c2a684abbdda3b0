"""Language addresses: Chinese at the root, English under /en/ (core/languages.py), the
language switch, the English-by-cookie redirect, hreflang alternates and the sitemaps."""

import json
import re
from html import unescape
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.timezone import localdate

from core.languages import localized_path, path_in_language, split_language
from products.sitemaps import ProductSitemap
from tests.factories import AnnouncementFactory, GuidePageFactory, UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db

COOKIE = "django_language"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def alternates(response) -> list[tuple[str, str]]:
    found = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.content.decode()
    )
    return [(hreflang, unescape(href)) for hreflang, href in found]


@pytest.fixture
def product(db):
    return make_product(
        category=make_category("Tea", "tea"), product_type=make_product_type(), name="Tea set"
    )


# The addresses -------------------------------------------------------------------------


def test_path_helpers_move_an_address_between_languages():
    assert split_language("/en/products/") == ("en", "/products/")
    assert split_language("/en") == ("en", "/")
    assert split_language("/english-tea/") == ("zh-hans", "/english-tea/")
    assert path_in_language("/products/?page=2", "en") == "/en/products/?page=2"
    assert path_in_language("/en/products/?page=2", "zh-hans") == "/products/?page=2"
    assert path_in_language("/en/guides/", "en") == "/en/guides/"


def test_localized_path_leaves_the_admin_files_and_other_sites_alone():
    assert localized_path("/help/", "en") == "/en/help/"
    assert localized_path("/admin/pages/", "en") == "/admin/pages/"
    assert localized_path("/static/css/site.css", "en") == "/static/css/site.css"
    assert localized_path("/sitemap.xml", "en") == "/sitemap.xml"
    assert localized_path("https://example.com/help/", "en") == "https://example.com/help/"
    assert localized_path("//example.com/help/", "en") == "//example.com/help/"
    assert localized_path("#top", "en") == "#top"


def test_the_listing_is_english_under_en_and_chinese_at_the_root(client, site_tree, product):
    english = client.get("/en/products/")
    chinese = client.get("/products/")

    assert english.status_code == chinese.status_code == 200
    assert html_lang(english) == "en"
    assert english["Content-Language"] == "en"
    assert html_lang(chinese) == "zh-hans"
    assert chinese["Content-Language"] == "zh-hans"


def test_the_browser_language_does_not_change_a_root_address(client, site_tree):
    response = client.get("/products/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert html_lang(response) == "zh-hans"


def test_a_wagtail_page_is_served_in_both_languages_from_one_tree(client, site_tree):
    guide = GuidePageFactory(slug="brewing")

    english = client.get("/en/guides/brewing/")
    chinese = client.get("/guides/brewing/")

    assert english.status_code == chinese.status_code == 200
    assert english.context["page"].pk == chinese.context["page"].pk == guide.pk
    assert html_lang(english) == "en"
    assert html_lang(chinese) == "zh-hans"
    with translation.override("en"):
        assert guide.url == "/en/guides/brewing/"
    assert guide.url == "/guides/brewing/"


def test_reverse_under_english_gives_en_addresses():
    with translation.override("en"):
        assert reverse("product_list") == "/en/products/"
        assert reverse("cart") == "/en/cart/"
        assert reverse("healthz") == "/healthz"
        assert reverse("sitemap") == "/sitemap.xml"
    assert reverse("product_list") == "/products/"


def test_english_pages_link_to_english_addresses(client, site_tree):
    AnnouncementFactory(text="Holiday hours", link_url="/help/")

    html = client.get("/en/products/").content.decode()

    assert 'class="site-logo" href="/en/"' in html
    assert 'action="/en/search/"' in html
    assert 'data-suggest="/en/search/suggest/"' in html
    assert 'href="/en/help/">Holiday hours' in html
    assert 'src="/en/jsi18n/"' in html


def test_the_unknown_english_address_gives_the_english_404(client, site_tree):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert html_lang(response) == "en"
    assert alternates(response) == []


# The language switch -------------------------------------------------------------------


def test_the_switch_posts_the_page_it_is_on(client, site_tree):
    html = client.get("/en/products/?category=tea").content.decode()

    assert 'class="language-switch" action="/i18n/setlang/" method="post"' in html
    assert '<input type="hidden" name="next" value="/en/products/?category=tea">' in html


@pytest.mark.parametrize(
    ("language", "next_url", "target"),
    [
        ("en", "/products/?category=tea&page=2", "/en/products/?category=tea&page=2"),
        ("zh-hans", "/en/guides/brewing/", "/guides/brewing/"),
        ("en", "/en/cart/", "/en/cart/"),
        ("en", "http://testserver/help/", "/en/help/"),
        ("zh-hans", "/en", "/"),
    ],
)
def test_the_switch_opens_the_same_page_in_the_chosen_language(
    client, site_tree, language, next_url, target
):
    response = client.post(reverse("set_language"), {"language": language, "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == target
    assert response.cookies[COOKIE].value == language


def test_the_switch_does_not_answer_a_get(client, site_tree):
    response = client.get(reverse("set_language"), {"language": "en", "next": "/"})

    assert response.status_code == 405
    assert COOKIE not in response.cookies


def test_switching_back_to_chinese_is_not_undone_by_the_redirect(client, site_tree):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.post(reverse("set_language"), {"language": "zh-hans", "next": "/en/"})

    page = client.get(response["Location"])

    assert page.status_code == 200
    assert html_lang(page) == "zh-hans"


# Old English-by-cookie addresses -------------------------------------------------------


def test_a_shopper_who_chose_english_is_sent_from_a_root_page_to_its_en_twin(client, site_tree):
    client.cookies[COOKIE] = "en"

    response = client.get("/products/?category=tea&page=2", HTTP_ACCEPT="text/html")

    assert response.status_code == 302
    assert response["Location"] == "/en/products/?category=tea&page=2"
    assert "Cookie" in response["Vary"]


def test_the_redirect_covers_wagtail_pages_and_head_requests(client, site_tree):
    GuidePageFactory(slug="brewing")
    client.cookies[COOKIE] = "en"

    assert client.get("/")["Location"] == "/en/"
    assert client.get("/guides/brewing/")["Location"] == "/en/guides/brewing/"
    assert client.head("/guides/")["Location"] == "/en/guides/"


def test_without_the_cookie_or_with_chinese_a_root_page_shows_chinese(client, site_tree):
    response = client.get("/products/")
    assert response.status_code == 200
    assert "Cookie" in response["Vary"]

    client.cookies[COOKIE] = "zh-hans"
    response = client.get("/products/")
    assert response.status_code == 200
    assert html_lang(response) == "zh-hans"

    client.cookies[COOKIE] = "klingon"
    assert client.get("/products/").status_code == 200


def test_an_en_address_is_english_whatever_the_cookie_says(client, site_tree):
    client.cookies[COOKIE] = "zh-hans"

    response = client.get("/en/products/")

    assert response.status_code == 200
    assert html_lang(response) == "en"


def test_a_post_to_a_root_address_is_not_redirected(client, site_tree, product):
    client.cookies[COOKIE] = "en"
    variant = product.variants.get()

    response = client.post("/cart/add/", {"sku": variant.sku, "quantity": "1"})

    assert not response.get("Location", "").startswith("/en/")
    assert response.status_code in (200, 302)


def test_scripts_and_json_endpoints_are_not_redirected(client, site_tree, product):
    client.cookies[COOKIE] = "en"

    suggest = client.get("/search/suggest/", {"q": "Tea"})
    fetched = client.get("/products/", HTTP_ACCEPT="*/*")
    ajax = client.get("/products/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")

    assert suggest.status_code == 200
    assert json.loads(suggest.content)["query"] == "Tea"
    assert fetched.status_code == 200
    assert ajax.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/robots.txt", "/sitemap.xml"])
def test_site_endpoints_stay_unprefixed(client, site_tree, path):
    client.cookies[COOKIE] = "en"

    assert client.get(path).status_code == 200
    assert client.get(f"/en{path}", follow=True).status_code == 404


def test_the_admin_stays_unprefixed_and_speaks_the_cookie_language(client, site_tree):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.cookies[COOKIE] = "en"

    response = client.get("/admin/")

    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert client.get("/en/admin/").status_code == 404


def test_suggestions_link_to_the_addresses_of_the_language_asked_in(client, site_tree, product):
    english = json.loads(client.get("/en/search/suggest/", {"q": "Tea set"}).content)
    chinese = json.loads(client.get("/search/suggest/", {"q": "Tea set"}).content)

    assert {"text": "Tea set", "url": f"/en{product.url}", "kind": "product"} in english[
        "suggestions"
    ]
    assert {"text": "Tea set", "url": product.url, "kind": "product"} in chinese["suggestions"]


# hreflang ----------------------------------------------------------------------------


def test_every_storefront_page_names_its_twin_in_each_language(client, site_tree):
    GuidePageFactory(slug="brewing")

    for path in ("/en/guides/brewing/", "/guides/brewing/"):
        assert alternates(client.get(path)) == [
            ("zh-Hans", "http://testserver/guides/brewing/"),
            ("en", "http://testserver/en/guides/brewing/"),
            ("x-default", "http://testserver/guides/brewing/"),
        ], path


def test_the_alternates_name_the_canonical_address_in_each_language(
    client, site_tree, product, monkeypatch
):
    monkeypatch.setattr("products.views.PRODUCTS_PER_PAGE", 1)
    make_product(category=product.primary_category, product_type=product.product_type)

    response = client.get(
        "/en/products/",
        {"category": "tea", "page": "2", "sort": "price_asc", "rec": "new-1", "utm_source": "x"},
    )

    assert alternates(response) == [
        ("zh-Hans", "http://testserver/products/?category=tea&page=2"),
        ("en", "http://testserver/en/products/?category=tea&page=2"),
        ("x-default", "http://testserver/products/?category=tea&page=2"),
    ]


def test_the_alternates_use_the_host_and_scheme_asked_for(client, site_tree):
    response = client.get("/en/", HTTP_HOST="shop.example", secure=True)

    assert alternates(response)[0] == ("zh-Hans", "https://shop.example/")


# Sitemaps ----------------------------------------------------------------------------


def sitemap(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, path
    return ElementTree.fromstring(response.content)


def entries(root) -> dict[str, dict]:
    """Each <url> of a sitemap by its address: lastmod and {hreflang: address}."""
    found = {}
    for url in root.findall(f"{SITEMAP}url"):
        found[url.findtext(f"{SITEMAP}loc")] = {
            "lastmod": url.findtext(f"{SITEMAP}lastmod"),
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            },
        }
    return found


def test_the_sitemap_index_and_its_sections_use_the_requested_host(client, site_tree, product):
    GuidePageFactory(slug="brewing")
    host = {"HTTP_HOST": "shop.example", "secure": True}

    index = sitemap(client, "/sitemap.xml", **host)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    addresses = [
        address
        for section in ("/sitemap-pages.xml", "/sitemap-products.xml")
        for address in entries(sitemap(client, section, **host))
    ]

    assert sections == [
        "https://shop.example/sitemap-pages.xml",
        "https://shop.example/sitemap-products.xml",
    ]
    assert addresses
    assert all(address.startswith("https://shop.example/") for address in addresses)


def test_each_page_is_listed_in_both_languages_with_alternates(client, site_tree):
    guide = GuidePageFactory(slug="brewing")

    pages = entries(sitemap(client, "/sitemap-pages.xml"))

    links = {
        "zh-Hans": "http://testserver/guides/brewing/",
        "en": "http://testserver/en/guides/brewing/",
        "x-default": "http://testserver/guides/brewing/",
    }
    assert pages["http://testserver/guides/brewing/"]["alternates"] == links
    assert pages["http://testserver/en/guides/brewing/"]["alternates"] == links
    assert pages["http://testserver/en/guides/brewing/"]["lastmod"] == (
        localdate(guide.last_published_at).isoformat()
    )
    assert "http://testserver/en/" in pages


def test_each_product_is_listed_in_both_languages_with_its_publish_time(
    client, site_tree, product
):
    products = entries(sitemap(client, "/sitemap-products.xml"))

    chinese, english = f"http://testserver{product.url}", f"http://testserver/en{product.url}"
    assert set(products) == {chinese, english}
    assert products[english]["alternates"] == {
        "zh-Hans": chinese,
        "en": english,
        "x-default": chinese,
    }
    assert products[chinese]["lastmod"] == localdate(product.last_published_at).isoformat()


def test_the_sitemap_index_dates_each_section_by_its_latest_edit(client, site_tree, product):
    index = sitemap(client, "/sitemap.xml")

    dates = {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for entry in index.findall(f"{SITEMAP}sitemap")
    }
    assert dates["http://testserver/sitemap-products.xml"].startswith(
        localdate(product.last_published_at).isoformat()
    )


def test_a_large_sitemap_page_reads_only_its_own_products(site_tree):
    category, product_type = make_category("Tea", "tea"), make_product_type()
    made = [make_product(category=category, product_type=product_type) for _ in range(3)]

    sitemap_ = ProductSitemap()
    sitemap_.limit = 4  # two products a page, each in two languages

    first, second = sitemap_.paginator.page(1), sitemap_.paginator.page(2)

    assert sitemap_.paginator.num_pages == 2
    assert [(item.pk, language) for item, language in first.object_list] == [
        (made[0].pk, "zh-hans"),
        (made[0].pk, "en"),
        (made[1].pk, "zh-hans"),
        (made[1].pk, "en"),
    ]
    assert [(item.pk, language) for item, language in second.object_list] == [
        (made[2].pk, "zh-hans"),
        (made[2].pk, "en"),
    ]
