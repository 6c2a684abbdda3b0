"""The help center: categories with their articles in order, prev/next inside one category."""

import pytest

from tests.factories import HelpArticlePageFactory, HelpCategoryPageFactory

pytestmark = pytest.mark.django_db


def test_help_center_lists_categories_with_their_live_articles_in_tree_order(client, site_tree):
    payment = HelpCategoryPageFactory(title="Payment")
    returns = HelpCategoryPageFactory(title="Returns")
    cards = HelpArticlePageFactory(parent=payment, title="Paying by card")
    transfer = HelpArticlePageFactory(parent=payment, title="Bank transfer")
    HelpArticlePageFactory(parent=payment, title="Draft article", live=False)
    label = HelpArticlePageFactory(parent=returns, title="Printing a return label")
    HelpCategoryPageFactory(title="Hidden category", live=False)

    response = client.get(site_tree.help.url)

    listing = [
        (category.title, [article.title for article in articles])
        for category, articles in response.context["categories"]
    ]
    assert response.status_code == 200
    assert listing == [
        ("Payment", [cards.title, transfer.title]),
        ("Returns", [label.title]),
    ]


def test_help_center_lists_categories_in_two_queries(site_tree, django_assert_num_queries):
    for _ in range(3):
        category = HelpCategoryPageFactory()
        for _ in range(3):
            HelpArticlePageFactory(parent=category)

    with django_assert_num_queries(2):
        categories = site_tree.help.get_categories_with_articles()

    assert [len(articles) for _, articles in categories] == [3, 3, 3]


def test_category_page_lists_its_live_articles_in_order(client):
    category = HelpCategoryPageFactory(title="Delivery")
    first = HelpArticlePageFactory(parent=category, title="Tracking a parcel")
    HelpArticlePageFactory(parent=category, title="Draft", live=False)
    second = HelpArticlePageFactory(parent=category, title="Changing the address")

    response = client.get(category.url)

    assert response.status_code == 200
    assert [article.title for article in response.context["articles"]] == [
        first.title,
        second.title,
    ]


def test_article_prev_next_stay_within_the_category():
    payment = HelpCategoryPageFactory(title="Payment")
    returns = HelpCategoryPageFactory(title="Returns")
    first, middle, last = (HelpArticlePageFactory(parent=payment) for _ in range(3))
    other = HelpArticlePageFactory(parent=returns)

    assert first.get_siblings_around() == (None, middle)
    assert middle.get_siblings_around() == (first, last)
    assert last.get_siblings_around() == (middle, None)
    assert other.get_siblings_around() == (None, None)


def test_article_prev_next_skip_unpublished_articles():
    category = HelpCategoryPageFactory()
    first = HelpArticlePageFactory(parent=category)
    HelpArticlePageFactory(parent=category, live=False)
    third = HelpArticlePageFactory(parent=category)

    assert first.get_siblings_around() == (None, third)
    assert third.get_siblings_around() == (first, None)


def test_article_page_renders_with_prev_and_next_links(client):
    category = HelpCategoryPageFactory()
    first = HelpArticlePageFactory(parent=category, title="Step one")
    middle = HelpArticlePageFactory(parent=category, title="Step two")
    last = HelpArticlePageFactory(parent=category, title="Step three")

    response = client.get(middle.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["previous_article"] == first
    assert response.context["next_article"] == last
    assert f'rel="prev" href="{first.url}"' in content
    assert f'rel="next" href="{last.url}"' in content
    assert "First step" in content


def test_single_article_has_no_prev_next_navigation(client):
    article = HelpArticlePageFactory()

    response = client.get(article.url)

    assert response.status_code == 200
    assert response.context["previous_article"] is None
    assert response.context["next_article"] is None
    assert 'class="prev-next"' not in response.content.decode()
