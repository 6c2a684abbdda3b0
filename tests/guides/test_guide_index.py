"""The guide index: newest first, filter by tag, pagination that never errors; guide pages
render."""

from datetime import date, timedelta

import pytest

from guides.models import GUIDES_PER_PAGE
from tests.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

UNKNOWN_TAG_NOTICE = "There is no guide with that tag, so all guides are shown."


def make_guides(count: int, **kwargs) -> list:
    """``count`` guides dated one day apart, the last one newest."""
    start = date(2025, 1, 1)
    return [GuidePageFactory(date=start + timedelta(days=n), **kwargs) for n in range(count)]


def listed_titles(response) -> list[str]:
    return [guide.title for guide in response.context["guides"]]


def test_index_lists_live_guides_newest_first(client, site_tree):
    older, newer = make_guides(2)
    GuidePageFactory(title="Unpublished", live=False)

    response = client.get(site_tree.guides.url)

    assert response.status_code == 200
    assert listed_titles(response) == [newer.title, older.title]


def test_tag_filter_shows_only_guides_with_that_tag(client, site_tree):
    tea = GuidePageFactory(title="Green tea", tags=["tea"])
    GuidePageFactory(title="Rice cookers", tags=["kitchen"])
    GuidePageFactory(title="Untagged")

    response = client.get(site_tree.guides.url, {"tag": "tea"})

    assert response.status_code == 200
    assert listed_titles(response) == [tea.title]
    assert response.context["current_tag"].slug == "tea"
    assert "unknown_tag" not in response.context


def test_tags_offered_are_those_of_live_guides(client, site_tree):
    GuidePageFactory(tags=["tea"])
    GuidePageFactory(tags=["secret"], live=False)

    response = client.get(site_tree.guides.url)

    assert [tag.slug for tag in response.context["tags"]] == ["tea"]


def test_unknown_tag_shows_all_guides_and_a_notice(client, site_tree):
    guides = make_guides(3)
    guides[0].tags.add("tea")
    guides[0].save()

    response = client.get(f"/en{site_tree.guides.url}", {"tag": "no-such-tag"})

    assert response.status_code == 200
    assert listed_titles(response) == [guide.title for guide in reversed(guides)]
    assert response.context["unknown_tag"] is True
    assert response.context["current_tag"] is None
    assert UNKNOWN_TAG_NOTICE in response.content.decode()


def test_thirteen_guides_spread_over_two_pages(client, site_tree):
    guides = make_guides(GUIDES_PER_PAGE + 1)

    first = client.get(site_tree.guides.url)
    second = client.get(site_tree.guides.url, {"page": "2"})

    assert GUIDES_PER_PAGE == 12
    assert first.context["guides"].paginator.num_pages == 2
    assert len(listed_titles(first)) == 12
    assert listed_titles(second) == [guides[0].title]


@pytest.mark.parametrize(
    ("page", "expected_number"),
    [("abc", 1), ("9999", 2), ("0", 2), ("-1", 2), ("", 1)],
    ids=["letters", "past-the-end", "zero", "negative", "empty"],
)
def test_bad_page_numbers_fall_back_to_a_real_page(client, site_tree, page, expected_number):
    make_guides(GUIDES_PER_PAGE + 1)

    response = client.get(site_tree.guides.url, {"page": page})

    assert response.status_code == 200
    assert response.context["guides"].number == expected_number
    assert len(listed_titles(response)) >= 1


def test_tag_filter_and_pagination_combine(client, site_tree):
    tagged = make_guides(GUIDES_PER_PAGE + 2, tags=["tea"])
    make_guides(3)

    response = client.get(site_tree.guides.url, {"tag": "tea", "page": "2"})

    assert listed_titles(response) == [tagged[1].title, tagged[0].title]


def test_guide_page_renders_its_title_and_body(client, site_tree):
    guide = GuidePageFactory(title="Choosing chopsticks", tags=["kitchen"])

    response = client.get(guide.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert "guides/guide_page.html" in [template.name for template in response.templates]
    assert '<h1 class="page-title">Choosing chopsticks</h1>' in content
    assert "Body of Choosing chopsticks." in content


def test_guide_index_page_renders_with_no_guides(client, site_tree):
    response = client.get(site_tree.guides.url)

    assert response.status_code == 200
    assert listed_titles(response) == []
