"""What search engines read on the home page and brand pages, in both languages (F-36): the
head tags, Organization and WebSite with its search box, BreadcrumbList; and the sitemap's
edit times."""

from xml.etree import ElementTree

import pytest
from django.utils import timezone
from django.utils.timezone import localdate

from home.models import ShopSettings
from tests.factories import BrandPageFactory, ImageFactory, png_file
from tests.seo_html import read_head, served_image_size, srcset_widths

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LANGUAGES = [("", "zh-hans"), ("/en", "en")]


@pytest.mark.parametrize("prefix, lang", LANGUAGES)
def test_the_home_head_names_the_shop_in_the_pages_language(client, site_tree, prefix, lang):
    response = client.get(f"{prefix}/")
    head = read_head(response)

    assert head.lang == lang
    assert head.canonical == f"http://testserver{prefix}/"
    assert head.alternates == {
        "zh-hans": "http://testserver/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/",
    }
    assert head.one("description")
    assert head.one("og:description") == head.one("description")
    assert head.one("og:title") == head.one("og:site_name") == site_tree.home.get_site().site_name
    assert head.one("og:url") == head.canonical
    assert head.one("og:locale") == {"zh-hans": "zh_CN", "en": "en_US"}[lang]
    assert head.one("og:locale:alternate") == {"zh-hans": "en_US", "en": "zh_CN"}[lang]
    assert head.one("twitter:card") in {"summary", "summary_large_image"}
    assert head.one("applicable-device") == "pc,mobile"
    assert "no-transform" in response["Cache-Control"]  # Baidu: do not transcode for phones
    assert "width=device-width" in head.one("viewport")


def test_the_home_description_is_the_editors_when_given(client, site_tree):
    site_tree.home.search_description = "Tea, teaware and the stories behind them."
    site_tree.home.save()

    head = read_head(client.get("/"))

    assert head.one("description") == "Tea, teaware and the stories behind them."


@pytest.mark.parametrize("prefix, lang", LANGUAGES)
def test_the_home_page_describes_the_shop_and_its_search_box(client, site_tree, prefix, lang):
    settings = ShopSettings.for_site(site_tree.home.get_site())
    settings.service_phone, settings.service_email = "400-123-4567", "help@shop.example"
    settings.save()

    head = read_head(client.get(f"{prefix}/"))

    organization, website = head.structured("Organization"), head.structured("WebSite")
    assert organization["@context"] == website["@context"] == SCHEMA
    assert organization["url"] == website["url"] == f"http://testserver{prefix}/"
    assert organization["name"] == website["name"]
    assert organization["logo"].startswith("http://testserver/")
    assert organization["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "contactType": "customer service",
            "telephone": "400-123-4567",
            "email": "help@shop.example",
            "availableLanguage": ["zh-Hans", "en"],
        }
    ]
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        f"http://testserver{prefix}/search/?q={{search_term_string}}"
    )
    assert action["query-input"] == "required name=search_term_string"
    assert "BreadcrumbList" not in head.types()  # the home page is the top of every breadcrumb


def test_without_contacts_the_organization_names_none(client, site_tree):
    organization = read_head(client.get("/")).structured("Organization")

    assert "contactPoint" not in organization


# Brand pages ---------------------------------------------------------------------------


@pytest.fixture
def brand(site_tree):
    return BrandPageFactory(
        title="Yixing Works",
        slug="yixing",
        tagline="Clay from Dingshu",
        logo=ImageFactory(file=png_file("logo.png", size=(800, 400))),
    )


@pytest.mark.parametrize("prefix, lang", LANGUAGES)
def test_a_brand_page_is_described_by_its_tagline_and_logo(client, brand, prefix, lang):
    head = read_head(client.get(f"{prefix}/brands/yixing/"))

    assert head.lang == lang
    assert head.title.startswith("Yixing Works · ")
    assert head.one("description") == "Clay from Dingshu"
    assert head.canonical == f"http://testserver{prefix}/brands/yixing/"
    assert head.alternates["x-default"] == "http://testserver/brands/yixing/"
    assert head.one("og:image").startswith("http://testserver/media/")
    size = served_image_size(head.one("og:image"))
    assert (int(head.one("og:image:width")), int(head.one("og:image:height"))) == size
    assert head.one("og:image:alt") == "Yixing Works"
    (logo,) = [img for img in head.images if img.get("srcset")]
    candidates = srcset_widths(logo["srcset"])
    assert [width for _address, width in candidates] == [320, 640]
    assert all(served_image_size(address)[0] == width for address, width in candidates)


def test_a_brand_without_tagline_falls_back_to_its_story_then_its_name(client, site_tree):
    BrandPageFactory(title="Story brand", slug="story", tagline="", story="<p>Since 1920.</p>")
    BrandPageFactory(title="Bare brand", slug="bare", tagline="", story="")

    story = read_head(client.get("/en/brands/story/"))
    bare = read_head(client.get("/en/brands/bare/"))

    assert story.one("description") == "Since 1920."
    assert bare.one("description") and "Bare brand" in bare.one("description")
    assert story.title != bare.title


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_brand_page_lists_its_breadcrumb_with_absolute_addresses(client, brand, prefix):
    crumbs = read_head(client.get(f"{prefix}/brands/yixing/")).structured("BreadcrumbList")

    elements = crumbs["itemListElement"]
    assert [element["position"] for element in elements] == [1, 2, 3]
    assert [element["item"] for element in elements] == [
        f"http://testserver{prefix}/",
        f"http://testserver{prefix}/brands/",
        f"http://testserver{prefix}/brands/yixing/",
    ]
    assert elements[-1]["name"] == "Yixing Works"


# Sitemaps ----------------------------------------------------------------------------


def lastmods(client, section: str) -> dict[str, str]:
    root = ElementTree.fromstring(client.get(section).content)
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }


def addresses(client, section: str, host: dict) -> list[str]:
    """Every address a sitemap section names: its entries and their alternates."""
    root = ElementTree.fromstring(client.get(section, **host).content)
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")] + [
        link.get("href") for link in root.iter("{http://www.w3.org/1999/xhtml}link")
    ]


def test_a_pages_sitemap_date_is_its_last_publish_not_its_draft(client, brand):
    published = timezone.now() - timezone.timedelta(days=30)
    type(brand).objects.filter(pk=brand.pk).update(last_published_at=published)
    brand.refresh_from_db()
    brand.tagline = "A draft change"
    brand.save_revision()  # not published: the live page has not changed

    dates = lastmods(client, "/sitemap-pages.xml")

    day = localdate(published).isoformat()
    assert dates["http://testserver/brands/yixing/"] == day
    assert dates["http://testserver/en/brands/yixing/"] == day


def test_every_sitemap_address_uses_one_scheme_and_host(client, brand):
    host = {"HTTP_HOST": "shop.example", "secure": True}
    named = [
        address
        for section in ("/sitemap-pages.xml", "/sitemap-products.xml")
        for address in addresses(client, section, host)
    ]

    assert named
    assert {address.split("/")[2] for address in named} == {"shop.example"}
    assert all(address.startswith("https://") for address in named)
