"""An editor writes a guide in the Wagtail admin and sends it to the managers for approval."""

import re

import pytest
from playwright.sync_api import expect

from guides.models import GuideIndexPage, GuidePage
from tests.factories import UserFactory
from tests.factories.users import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "如何挑选绿茶"
TITLE_EN = "Choosing green tea"
BODY_TEXT = "先看茶叶：完整、鲜亮的叶片泡出的茶最甜。"


def log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def add_text_block(page, text: str, field: str = "body_zh_hans") -> None:
    """Insert a "Text" block into the empty body StreamField (the Chinese one by default) and type
    into its rich-text editor."""
    page.click(f"#{field}-root button.c-sf-add-button")
    page.get_by_role("option", name="Text", exact=True).click()
    editor = page.locator(f"#{field}-root [contenteditable=true]")
    editor.click()
    page.keyboard.type(text)
    # Draftail copies its content into the hidden form field a moment after typing;
    # submitting before that would save an empty paragraph.
    expect(page.locator(f"input[name='{field}-0-value']")).to_have_value(
        re.compile(re.escape(text))
    )


def test_editor_creates_a_guide_and_submits_it_for_moderation(page):
    UserFactory(username="editor", groups=["Editors"])
    guides = GuideIndexPage.objects.get()

    log_in(page, "editor")
    # The guide index allows one page type only, so Wagtail goes straight to its form.
    page.goto(f"/admin/pages/{guides.pk}/add_subpage/")
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/guides/guidepage/{guides.pk}/$"))
    # Chinese fields show first; the "EN" toggle shows the English ones beside them.
    page.fill("#id_title_zh_hans", TITLE)
    page.fill("#id_summary_zh_hans", "从叶片到茶汤，挑选绿茶要看什么。")
    page.fill("#id_author", "Lin Wei")
    add_text_block(page, BODY_TEXT)
    page.locator("button.locale-toggle", has_text=re.compile(r"^\s*en\s*$", re.I)).click()
    page.fill("#id_title_en", TITLE_EN)
    page.fill("#id_summary_en", "What to look for in green tea, from the leaf to the cup.")

    page.click("footer .w-dropdown__toggle")  # "More actions" next to "Save draft"
    page.get_by_role("button", name="Submit to Editorial review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")

    guide = GuidePage.objects.child_of(guides).get(title_zh_hans=TITLE)
    assert guide.title_en == TITLE_EN
    assert not guide.live
    assert guide.owner.username == "editor"
    assert BODY_TEXT in str(guide.get_latest_revision_as_object().body_zh_hans)
    state = guide.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert state.workflow.name == "Editorial review"
    assert guide.current_workflow_task.name == "Manager approval"
