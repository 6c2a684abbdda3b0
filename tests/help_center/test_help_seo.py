"""What search engines read on help articles, in both languages (F-36): the head tags, an
FAQPage for an article with FAQ items (and none without), and the BreadcrumbList."""

import pytest

from tests.factories import HelpArticlePageFactory, HelpCategoryPageFactory
from tests.seo_html import read_head

pytestmark = pytest.mark.django_db

LANGUAGES = [("", "zh-hans"), ("/en", "en")]


def faq(question: str, answer: str) -> dict:
    return {"type": "faq", "value": {"question": question, "answer": answer}}


@pytest.fixture
def article(site_tree):
    category = HelpCategoryPageFactory(title="Delivery", slug="delivery")
    return HelpArticlePageFactory(
        parent=category,
        title="Delivery times",
        slug="times",
        summary="When your parcel arrives.",
        body=[
            {"type": "tip", "value": {"text": "<p>We ship every weekday.</p>"}},
            faq("How long does delivery take?", "<p>Two to <b>four</b> days.</p>"),
            faq("Do you deliver on Sundays?", "<p>No &amp; never on holidays.</p>"),
        ],
    )


@pytest.mark.parametrize("prefix, lang", LANGUAGES)
def test_a_help_article_head_names_it_in_the_pages_language(client, article, prefix, lang):
    head = read_head(client.get(f"{prefix}/help/delivery/times/"))

    assert head.lang == lang
    assert head.title.startswith("Delivery times · ")
    assert head.one("description") == head.one("og:description") == "When your parcel arrives."
    assert head.canonical == f"http://testserver{prefix}/help/delivery/times/"
    assert head.alternates == {
        "zh-hans": "http://testserver/help/delivery/times/",
        "en": "http://testserver/en/help/delivery/times/",
        "x-default": "http://testserver/help/delivery/times/",
    }
    assert head.one("og:locale") == {"zh-hans": "zh_CN", "en": "en_US"}[lang]
    assert head.one("twitter:title") == "Delivery times"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_article_with_faq_items_is_an_faq_page(client, article, prefix):
    page = read_head(client.get(f"{prefix}/help/delivery/times/")).structured("FAQPage")

    assert page["@context"] == "https://schema.org"
    assert page["mainEntity"] == [
        {
            "@type": "Question",
            "name": "How long does delivery take?",
            "acceptedAnswer": {"@type": "Answer", "text": "Two to four days."},
        },
        {
            "@type": "Question",
            "name": "Do you deliver on Sundays?",
            "acceptedAnswer": {"@type": "Answer", "text": "No & never on holidays."},
        },
    ]


def test_an_article_without_faq_items_is_no_faq_page(client, site_tree):
    category = HelpCategoryPageFactory(title="Account", slug="account")
    HelpArticlePageFactory(parent=category, slug="steps")

    head = read_head(client.get("/help/account/steps/"))

    assert "FAQPage" not in head.types()
    assert head.one("description") == "How to do it."


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_help_article_lists_its_breadcrumb_with_absolute_addresses(client, article, prefix):
    crumbs = read_head(client.get(f"{prefix}/help/delivery/times/")).structured("BreadcrumbList")

    elements = crumbs["itemListElement"]
    assert [element["position"] for element in elements] == [1, 2, 3, 4]
    assert [element["item"] for element in elements] == [
        f"http://testserver{prefix}/",
        f"http://testserver{prefix}/help/",
        f"http://testserver{prefix}/help/delivery/",
        f"http://testserver{prefix}/help/delivery/times/",
    ]
    assert [element["name"] for element in elements][2:] == ["Delivery", "Delivery times"]


def test_titles_and_descriptions_differ_between_articles(client, article):
    other = HelpArticlePageFactory(parent=article.get_parent(), title="Returns", slug="returns")

    first = read_head(client.get("/en/help/delivery/times/"))
    second = read_head(client.get(f"/en/help/delivery/{other.slug}/"))

    assert first.title != second.title
    assert first.one("description") != second.one("description")
