"""Site-wide endpoints: health check, robots.txt, sitemap, error pages, search, language switch."""

import json
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

import pytest
from django.test import RequestFactory
from django.urls import reverse

from home import views as home_views
from tests.factories import BrandPageFactory, GuidePageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def template_names(response) -> list[str]:
    return [template.name for template in response.templates]


# /healthz -------------------------------------------------------------------------


def test_healthz_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_reports_503_when_the_database_fails(client, monkeypatch):
    class BrokenConnection:
        def cursor(self):
            raise OSError("database is down")

    monkeypatch.setattr(home_views, "connection", BrokenConnection())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "error", "database": "unavailable"}


def test_healthz_accepts_only_get(client):
    assert client.post("/healthz").status_code == 405


# /robots.txt and /sitemap.xml ----------------------------------------------------------


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    lines = response.content.decode().splitlines()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client, path: str = "/sitemap.xml") -> list[str]:
    """Every page address in the sitemap, following a sitemap index into its sections."""
    response = client.get(path)
    assert response.status_code == 200, path
    root = ElementTree.fromstring(response.content)
    locations = [loc.text for loc in root.findall("sm:*/sm:loc", SITEMAP_NS)]
    if root.tag == f"{{{SITEMAP_NS['sm']}}}sitemapindex":
        return [
            page
            for section in locations
            for page in sitemap_locations(client, urlsplit(section).path)
        ]
    return locations


def test_sitemap_lists_live_guides_and_not_drafts(client, site_tree):
    live = GuidePageFactory(slug="live-guide")
    draft = GuidePageFactory(slug="draft-guide", live=False)

    locations = sitemap_locations(client)

    assert f"http://testserver{live.url}" in locations
    assert "http://testserver/en/guides/live-guide/" in locations
    assert f"http://testserver{site_tree.guides.url}" in locations
    assert "http://testserver/" in locations
    assert not [url for url in locations if draft.slug in url]


# Error pages -----------------------------------------------------------------------


def test_unknown_url_gives_the_custom_404_page(client):
    response = client.get("/en/no-such-page/")

    content = response.content.decode()
    assert response.status_code == 404
    assert "404.html" in template_names(response)
    assert 'class="site-header"' in content
    assert "We could not find that page" in content


def test_unknown_page_below_a_section_gives_the_custom_404_page(client, site_tree):
    response = client.get("/en/guides/no-such-guide/")

    assert response.status_code == 404
    assert "404.html" in template_names(response)


def test_a_draft_page_is_not_served(client, site_tree):
    draft = GuidePageFactory(slug="secret-draft", live=False)

    response = client.get(f"{site_tree.guides.url}{draft.slug}/")

    assert response.status_code == 404


def test_server_error_page_renders_without_a_request_context():
    response = home_views.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert 'class="site-header"' in response.content.decode()


# /search/ ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["", "   ", "!!!???...", "*", "(", "-", '"', 'tea "set', "AND", "你好"],
    ids=[
        "empty",
        "spaces",
        "punctuation",
        "star",
        "bracket",
        "minus",
        "lone-quote",
        "open-quote",
        "and",
        "chinese",
    ],
)
def test_search_answers_odd_queries_with_a_calm_page(client, site_tree, query):
    GuidePageFactory(title="Tea set guide")

    response = client.get(f"/search/?q={quote(query)}")

    assert response.status_code == 200
    assert "search/search.html" in template_names(response)


def test_search_escapes_the_query_in_the_page(client, site_tree):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_search_cuts_a_very_long_query_to_200_characters(client, site_tree):
    response = client.get("/search/", {"q": "a" * 500})

    assert response.status_code == 200
    assert response.context["search_query"] == "a" * 200


def test_search_finds_a_live_guide_and_skips_drafts(client, site_tree):
    GuidePageFactory(title="Porcelain teapots")
    GuidePageFactory(title="Porcelain cups", live=False)

    response = client.get("/search/", {"q": "porcelain"})

    titles = [result.title for result in response.context["guides"]]
    assert titles == ["Porcelain teapots"]


def test_search_with_a_bad_page_number_shows_a_real_page(client, site_tree):
    GuidePageFactory(title="Porcelain teapots")

    for page in ("abc", "9999", "0"):
        response = client.get("/search/", {"q": "porcelain", "page": page})
        assert response.status_code == 200, page
        assert response.context["products"].number == 1, page


# Language switch --------------------------------------------------------------------


def test_set_language_switches_to_english_and_back(client, site_tree):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get("/en/").content.decode()

    response = client.post(reverse("set_language"), {"language": "zh-hans", "next": "/en/"})

    assert response["Location"] == "/"
    assert response.cookies["django_language"].value == "zh-hans"
    assert '<html lang="zh-hans">' in client.get("/").content.decode()


def test_set_language_ignores_an_unknown_language(client, site_tree):
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})

    assert response.status_code == 302
    assert "django_language" not in response.cookies


def test_set_language_refuses_to_redirect_off_site(client, site_tree):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )

    assert response["Location"] == "/en/"


# Query budget -----------------------------------------------------------------------

HOME_PAGE_QUERY_BUDGET = 12


def fill_home_page(home, brand_count: int) -> None:
    """A home page showing every brand and the newest guides, with as many of each as asked."""
    for _ in range(brand_count):
        BrandPageFactory()
        GuidePageFactory(cover_image=ImageFactory())
    home.body = [
        {"type": "brand_wall", "value": {"heading": "", "brands": []}},
        {"type": "guide_teasers", "value": {"heading": "", "guides": [], "count": 12}},
    ]
    home.save()


@pytest.mark.parametrize("count", [1, 8])
def test_home_page_queries_do_not_grow_with_brands_and_guides(
    client, site_tree, count, django_assert_max_num_queries
):
    fill_home_page(site_tree.home, count)
    first = client.get("/")  # creates the image renditions once
    assert first.content.decode().count('class="card guide-card"') == count

    with django_assert_max_num_queries(HOME_PAGE_QUERY_BUDGET):
        response = client.get("/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_storefront_allows_no_inline_script_but_the_admin_may(client, site_tree):
    storefront = client.get("/")["Content-Security-Policy"]
    admin = client.get("/admin/login/")["Content-Security-Policy"]

    storefront_scripts = next(
        part for part in storefront.split(";") if part.strip().startswith("script-src")
    )
    admin_scripts = next(
        part for part in admin.split(";") if part.strip().startswith("script-src")
    )
    assert storefront_scripts.strip() == "script-src 'self'"
    assert "'unsafe-inline'" in admin_scripts
