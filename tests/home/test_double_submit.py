"""A "new page" form sent twice (a double click on Publish) creates one page (home.submissions)."""

import re

import pytest
from django.urls import reverse

from guides.models import GuidePage
from home.models import PageSubmission
from home.submissions import TOKEN_FIELD
from tests.concurrency import run_together
from tests.factories import guide_form_data

pytestmark = pytest.mark.django_db

TOKEN_RE = re.compile(rf'name="{TOKEN_FIELD}" value="([0-9a-f]{{32}})"')


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["guides", "guidepage", parent.pk])


def served_token(client, parent) -> str:
    """The token of the create form as Wagtail serves it."""
    html = client.get(add_url(parent)).content.decode()
    match = TOKEN_RE.search(html)
    assert match, "the create form carries no submission token"
    return match.group(1)


def publish_data(token: str | None, **overrides) -> dict:
    data = guide_form_data(**overrides)
    data["action-publish"] = "action-publish"
    if token is not None:
        data[TOKEN_FIELD] = token
    return data


@pytest.fixture
def manager(client, staff_user):
    client.force_login(staff_user("Managers"))
    return client


def test_the_create_form_carries_a_fresh_token_each_time(manager, site_tree):
    first, second = (
        served_token(manager, site_tree.guides),
        served_token(manager, site_tree.guides),
    )

    assert first != second


def test_publishing_a_new_page_twice_makes_one_live_page(manager, site_tree):
    data = publish_data(served_token(manager, site_tree.guides))

    first = manager.post(add_url(site_tree.guides), data)
    second = manager.post(add_url(site_tree.guides), data)

    page = GuidePage.objects.get(slug="choosing-a-rice-cooker")
    assert first.status_code == 302
    assert second.status_code == 307
    assert second["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    # The browser sends the same form on to the edit view, which publishes it again.
    followed = manager.post(second["Location"], data)
    assert followed.status_code == 302
    assert GuidePage.objects.filter(title="Choosing a rice cooker").count() == 1
    page.refresh_from_db()
    assert page.live is True and page.has_unpublished_changes is False


def test_the_repeat_gets_no_slug_error_and_leaves_no_stray_draft(manager, site_tree):
    data = publish_data(served_token(manager, site_tree.guides))
    manager.post(add_url(site_tree.guides), data)

    second = manager.post(add_url(site_tree.guides), data, follow=True)

    assert "The slug" not in second.content.decode()
    assert GuidePage.objects.child_of(site_tree.guides).count() == 1
    assert not GuidePage.objects.filter(live=False).exists()


def test_saving_a_draft_twice_makes_one_draft(manager, site_tree):
    data = guide_form_data()
    data[TOKEN_FIELD] = served_token(manager, site_tree.guides)

    manager.post(add_url(site_tree.guides), data)
    second = manager.post(add_url(site_tree.guides), data)

    assert second.status_code == 307
    assert GuidePage.objects.filter(title="Choosing a rice cooker").count() == 1


def test_a_form_with_errors_sent_again_is_handled_afresh(manager, site_tree):
    token = served_token(manager, site_tree.guides)
    invalid = publish_data(token, title="")

    first = manager.post(add_url(site_tree.guides), invalid)
    second = manager.post(add_url(site_tree.guides), invalid)

    assert first.status_code == second.status_code == 200
    assert not GuidePage.objects.filter(slug="choosing-a-rice-cooker").exists()
    assert PageSubmission.objects.get(token=token).finished is True
    # The form came back with a new token; correcting it creates the page once.
    corrected = publish_data(TOKEN_RE.search(second.content.decode()).group(1))
    assert manager.post(add_url(site_tree.guides), corrected).status_code == 302
    assert GuidePage.objects.filter(slug="choosing-a-rice-cooker").count() == 1


def test_a_form_without_a_token_works_as_before(manager, site_tree):
    response = manager.post(add_url(site_tree.guides), publish_data(None))

    assert response.status_code == 302
    assert GuidePage.objects.filter(slug="choosing-a-rice-cooker", live=True).count() == 1


def test_another_editors_token_protects_nothing_of_theirs(manager, site_tree, staff_user, client):
    data = publish_data(served_token(manager, site_tree.guides))
    manager.post(add_url(site_tree.guides), data)
    client.force_login(staff_user("Managers", username="second-manager"))

    response = client.post(add_url(site_tree.guides), data)

    assert response.status_code == 200  # an ordinary form: the slug is taken
    assert GuidePage.objects.filter(slug="choosing-a-rice-cooker").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sendings_at_the_same_instant_make_one_page(site_tree, staff_user):
    from django.test import Client

    manager = staff_user("Managers")
    browsers = [Client(), Client()]
    for browser in browsers:
        browser.force_login(manager)
    data = publish_data(served_token(browsers[0], site_tree.guides))

    def send(browser):
        def call():
            response = browser.post(add_url(site_tree.guides), data)
            if response.status_code == 307:
                response = browser.post(response["Location"], data)
            return response.status_code

        return call

    outcomes = run_together([send(browser) for browser in browsers])

    assert outcomes == [302, 302]
    assert GuidePage.objects.filter(title="Choosing a rice cooker").count() == 1
    assert GuidePage.objects.get(title="Choosing a rice cooker").live is True
