"""What search engines read on guides and the guide index, in both languages (F-36): the head
tags, the Article and BreadcrumbList structured data, one address per tag and page."""

import datetime

import pytest
from django.utils import timezone

from guides.models import GuidePage
from tests.factories import GuidePageFactory, ImageFactory, png_file
from tests.seo_html import read_head, served_image_size

pytestmark = pytest.mark.django_db

LANGUAGES = [("", "zh-hans"), ("/en", "en")]


@pytest.fixture
def guide(site_tree):
    return GuidePageFactory(
        title="Brewing oolong",
        slug="oolong",
        summary="Water, time and leaves.",
        author="Lin Wei",
        date=datetime.date(2026, 3, 1),
        cover_image=ImageFactory(file=png_file("cover.png", size=(1600, 900))),
    )


@pytest.mark.parametrize("prefix, lang", LANGUAGES)
def test_a_guide_head_is_an_article_in_the_pages_language(client, guide, prefix, lang):
    head = read_head(client.get(f"{prefix}/guides/oolong/"))

    assert head.lang == lang
    assert head.title.startswith("Brewing oolong · ")
    assert head.one("description") == head.one("og:description") == "Water, time and leaves."
    assert head.one("twitter:description") == "Water, time and leaves."
    assert head.canonical == head.one("og:url") == f"http://testserver{prefix}/guides/oolong/"
    assert head.alternates == {
        "zh-hans": "http://testserver/guides/oolong/",
        "en": "http://testserver/en/guides/oolong/",
        "x-default": "http://testserver/guides/oolong/",
    }
    assert head.one("og:type") == "article"
    assert head.one("article:published_time").startswith("2026-03-01")
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("og:image") == head.one("twitter:image")
    size = served_image_size(head.one("og:image"))
    assert size == (1200, 630)
    assert (int(head.one("og:image:width")), int(head.one("og:image:height"))) == size


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_guide_is_an_article_rich_result(client, guide, prefix):
    article = read_head(client.get(f"{prefix}/guides/oolong/")).structured("Article")

    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Brewing oolong"
    assert article["author"] == {"@type": "Person", "name": "Lin Wei"}
    assert article["datePublished"] == "2026-03-01"
    modified = datetime.datetime.fromisoformat(article["dateModified"])
    assert modified == GuidePage.objects.get(pk=guide.pk).last_published_at
    assert article["mainEntityOfPage"] == f"http://testserver{prefix}/guides/oolong/"
    assert len(article["image"]) == 2
    assert all(url.startswith("http://testserver/media/") for url in article["image"])
    assert article["publisher"]["@type"] == "Organization"


def test_an_edit_dated_before_the_guides_date_is_dated_the_guides_date(client, guide):
    GuidePage.objects.filter(pk=guide.pk).update(
        last_published_at=timezone.make_aware(datetime.datetime(2026, 1, 1))
    )

    article = read_head(client.get("/guides/oolong/")).structured("Article")

    assert article["dateModified"] == article["datePublished"] == "2026-03-01"


def test_the_search_description_wins_and_a_guide_without_cover_has_no_picture(client, site_tree):
    GuidePageFactory(title="Plain guide", slug="plain", search_description="For search.")

    head = read_head(client.get("/en/guides/plain/"))

    assert head.one("description") == "For search."
    assert "og:image" not in head.meta
    assert head.one("twitter:card") == "summary"
    assert "image" not in head.structured("Article")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_guide_lists_its_breadcrumb_with_absolute_addresses(client, guide, prefix):
    crumbs = read_head(client.get(f"{prefix}/guides/oolong/")).structured("BreadcrumbList")

    elements = crumbs["itemListElement"]
    assert [element["position"] for element in elements] == [1, 2, 3]
    assert [element["item"] for element in elements] == [
        f"http://testserver{prefix}/",
        f"http://testserver{prefix}/guides/",
        f"http://testserver{prefix}/guides/oolong/",
    ]


def test_each_page_and_tag_of_the_guide_index_has_its_own_address_and_title(
    client, site_tree, settings
):
    for number in range(13):
        GuidePageFactory(title=f"Tea guide {number}", tags=["tea"])

    first = read_head(client.get("/en/guides/"))
    tagged = read_head(client.get("/en/guides/", {"tag": "tea"}))
    second = read_head(client.get("/en/guides/", {"tag": "tea", "page": "2"}))

    assert first.canonical == "http://testserver/en/guides/"
    assert tagged.canonical == "http://testserver/en/guides/?tag=tea"
    assert second.canonical == "http://testserver/en/guides/?tag=tea&page=2"
    assert len({first.title, tagged.title, second.title}) == 3
    assert len({head.one("description") for head in (first, tagged, second)}) == 3
