"""The editorial workflow: editors submit, managers approve (which publishes) or reject.

Also scheduled publishing: ``publish_scheduled`` (run from cron in production)
puts approved pages live at their go-live time and takes expired pages down.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from guides.models import GuidePage
from help_center.models import HelpArticlePage
from tests.factories import (
    GuidePageFactory,
    HelpCategoryPageFactory,
    guide_form_data,
    help_article_form_data,
)

pytestmark = pytest.mark.django_db

SUBMIT = {"action-submit": "action-submit"}


def add_url(model, parent) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action_url(page, action: str) -> str:
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def submit_new_guide(client, editor, parent, slug: str, title: str) -> GuidePage:
    """The editor fills in the add form and presses "Submit for moderation"."""
    client.force_login(editor)
    response = client.post(
        add_url(GuidePage, parent), guide_form_data(title=title, slug=slug, **SUBMIT)
    )
    assert response.status_code == 302
    return GuidePage.objects.get(slug=slug)


def test_submitted_guide_is_not_live_and_awaits_manager_approval(client, site_tree, staff_user):
    guide = submit_new_guide(
        client, staff_user("Editors"), site_tree.guides, "tea-guide", "Tea guide"
    )

    assert guide.live is False
    assert guide.workflow_in_progress is True
    assert guide.current_workflow_state.workflow.name == "Editorial review"
    assert guide.current_workflow_task.name == "Manager approval"


def test_manager_approval_publishes_the_submitted_guide(client, site_tree, staff_user):
    guide = submit_new_guide(
        client, staff_user("Editors"), site_tree.guides, "tea-guide", "Tea guide"
    )
    client.force_login(staff_user("Managers"))

    response = client.post(workflow_action_url(guide, "approve"), {"comment": ""})

    guide.refresh_from_db()
    assert response.status_code == 302
    assert guide.live is True
    assert guide.title == "Tea guide"
    assert guide.workflow_in_progress is False
    assert guide.workflow_states.get().status == "approved"


def test_approval_publishes_the_edited_content_of_a_live_guide(client, staff_user):
    guide = GuidePageFactory(title="Old title", slug="kettles")
    client.force_login(staff_user("Editors"))
    client.post(
        edit_url(guide), guide_form_data(title="Kettles compared", slug="kettles", **SUBMIT)
    )
    guide.refresh_from_db()
    assert guide.title == "Old title"  # the live version is untouched while in review

    client.force_login(staff_user("Managers"))
    client.post(workflow_action_url(guide, "approve"), {"comment": "Good"})

    guide.refresh_from_db()
    assert guide.live is True
    assert guide.title == "Kettles compared"
    assert guide.has_unpublished_changes is False
    assert [block.block_type for block in guide.body] == ["rich_text", "quote"]


def test_help_article_goes_through_the_same_review(client, staff_user):
    category = HelpCategoryPageFactory()
    client.force_login(staff_user("Editors"))
    client.post(
        add_url(HelpArticlePage, category), help_article_form_data(slug="address", **SUBMIT)
    )
    article = HelpArticlePage.objects.get(slug="address")
    assert article.live is False

    client.force_login(staff_user("Managers"))
    client.post(workflow_action_url(article, "approve"), {"comment": ""})

    article.refresh_from_db()
    assert article.live is True


def test_manager_rejection_keeps_the_guide_offline_and_asks_for_changes(
    client, site_tree, staff_user
):
    guide = submit_new_guide(
        client, staff_user("Editors"), site_tree.guides, "pan-guide", "Pan guide"
    )
    client.force_login(staff_user("Managers"))

    response = client.post(workflow_action_url(guide, "reject"), {"comment": "Add prices"})

    guide.refresh_from_db()
    assert response.status_code == 302
    assert guide.live is False
    assert guide.current_workflow_state.status == "needs_changes"
    assert guide.current_workflow_state.current_task_state.status == "rejected"


def test_editor_cannot_approve_their_own_guide(client, site_tree, staff_user):
    editor = staff_user("Editors")
    guide = submit_new_guide(client, editor, site_tree.guides, "own-guide", "Own guide")

    response = client.post(workflow_action_url(guide, "approve"), {"comment": ""})

    guide.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")  # Wagtail's "permission denied"
    assert guide.live is False
    assert guide.workflow_in_progress is True


# Scheduled publishing ----------------------------------------------------------


def test_publish_scheduled_puts_a_page_live_once_its_go_live_time_has_passed(site_tree):
    guide = GuidePageFactory(live=False, title="Scheduled guide", slug="scheduled")
    guide.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))

    call_command("publish_scheduled", verbosity=0)

    guide.refresh_from_db()
    assert guide.live is True
    assert guide.title == "Scheduled guide"


def test_publish_scheduled_leaves_a_page_scheduled_for_the_future_offline(site_tree):
    guide = GuidePageFactory(live=False, slug="later")
    guide.save_revision(approved_go_live_at=timezone.now() + timedelta(days=1))

    call_command("publish_scheduled", verbosity=0)

    guide.refresh_from_db()
    assert guide.live is False


def test_publish_scheduled_unpublishes_a_page_past_its_expiry(site_tree):
    guide = GuidePageFactory(slug="expiring")
    guide.expire_at = timezone.now() - timedelta(minutes=1)
    guide.save()

    call_command("publish_scheduled", verbosity=0)

    guide.refresh_from_db()
    assert guide.live is False
    assert guide.expired is True
