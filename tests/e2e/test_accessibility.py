"""Every main storefront page passes axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules (and its
best practices: unique landmarks, one main, headings in order) in both languages, on a desktop
and on a phone screen.

axe-core is the npm package pinned in package-lock.json (``npm ci``; ``make test`` and CI run it
when it is missing). It is evaluated in the page through the browser's debugging channel, which
the shop's Content-Security-Policy does not govern, so the pages are checked as served.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from .storefront_tour import (
    DESKTOP,
    LANGUAGES,
    PAGE_NAMES,
    PHONE,
    build_shop,
    sign_in,
    use_language,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_MISSING = "axe-core is not installed (run `npm ci` in the project folder)"
RULE_TAGS = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
    "best-practice",
]
RUN_AXE = """async tags => {
    const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return results.violations.map(rule => ({
        id: rule.id,
        impact: rule.impact,
        help: rule.help,
        nodes: rule.nodes.map(node => ({
            target: node.target.join(' '),
            summary: (node.failureSummary || '').replace(/\\s+/g, ' ').trim(),
        })),
    }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's script; the tests skip without it (and fail in CI, which must install it)."""
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{AXE_MISSING}; CI must install it", pytrace=False)
        pytest.skip(AXE_MISSING)
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> list[dict]:
    """What axe finds wrong with the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source + "\n;0")
    return page.evaluate(RUN_AXE, RULE_TAGS)


def describe(where: str, violations: list[dict]) -> str:
    """One readable block per page: each rule, then each element with what is wrong."""
    lines = [where]
    for rule in violations:
        lines.append(f"  {rule['id']} ({rule['impact']}): {rule['help']}")
        for node in rule["nodes"][:8]:
            lines.append(f"    {node['target']}: {node['summary']}")
        if len(rule["nodes"]) > 8:
            lines.append(f"    … and {len(rule['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_main_pages_have_no_accessibility_violations(
    page, live_server, axe_source, language, viewport
):
    tour = build_shop()
    sign_in(page, tour.shopper, origin=live_server.url)
    use_language(page, language, origin=live_server.url)
    page.set_viewport_size(viewport)

    failures = []
    for name in PAGE_NAMES:
        path = tour.paths[name]
        response = page.goto(path)
        assert response.status == 200, f"{name} ({path}) answered {response.status}"
        assert page.locator("html").get_attribute("lang") == language
        violations = axe_violations(page, axe_source)
        if violations:
            failures.append(describe(f"{name} {path}", violations))

    assert not failures, (
        f"axe-core finds accessibility problems ({language}, {viewport['width']} px):\n"
        + "\n".join(failures)
    )


# The focused element shows where it is: its own outline or box shadow, or (for inputs drawn
# by their neighbours: the variant picker's hidden radios, the header's search field) its
# label's or its form's.
FOCUS_SHOWN = """() => {
    const drawn = element => {
        if (!element) return false;
        const style = getComputedStyle(element);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== 'none';
    };
    const focused = document.activeElement;
    return drawn(focused) || drawn(focused.nextElementSibling) || drawn(focused.parentElement);
}"""
FOCUSED = (
    "() => { const e = document.activeElement;"
    " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
    " + (e.className ? '.' + String(e.className).split(' ')[0] : ''); }"
)


def tab_through(page, count: int) -> list[str]:
    """Press Tab ``count`` times; the focused elements that show no focus indicator."""
    unseen = []
    for _ in range(count):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            continue
        if not page.evaluate(FOCUS_SHOWN):
            unseen.append(page.evaluate(FOCUSED))
    return unseen


def test_keyboard_users_see_focus_and_work_the_widgets(page, live_server, axe_source):
    tour = build_shop()
    use_language(page, "en", origin=live_server.url)

    page.goto(tour.paths["home"])
    assert tab_through(page, 40) == []
    carousel = page.locator("[data-carousel]")
    next_button = carousel.get_by_role("button", name="Next slide")
    next_button.focus()
    page.keyboard.press("Enter")
    assert carousel.get_by_role("button", name="Pause automatic slide show").count() == 1

    page.goto(tour.paths["product"])
    assert tab_through(page, 40) == []
    picker = page.locator("fieldset[data-variant-picker]")
    first, second = picker.get_by_role("radio").all()[:2]
    first.focus()
    page.keyboard.press("ArrowRight")
    assert second.is_checked()
    assert page.locator("[data-variant-price]").inner_text() == "¥238.00"

    page.goto(tour.paths["listing"])
    assert tab_through(page, 30) == []
    box = page.locator("header.site-header input[name=q]")
    box.fill("tea")
    page.locator("[role=listbox] [role=option]").first.wait_for()
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant")
    assert axe_violations(page, axe_source) == [], "the open suggestions"


def test_checkout_errors_are_announced_and_tied_to_their_fields(page, live_server, axe_source):
    tour = build_shop()
    sign_in(page, tour.shopper, origin=live_server.url)
    use_language(page, "en", origin=live_server.url)
    page.goto(tour.paths["checkout"])
    page.get_by_role("radio", name="New address").check()

    page.get_by_role("button", name="Review order").click()

    alert = page.get_by_role("alert").first
    assert alert.inner_text().strip() == "Please correct the errors below."
    invalid = page.locator("main [aria-invalid=true]")
    assert invalid.count() > 0
    for field in invalid.all():
        # A radio button's message belongs to its group (the fieldset).
        described = field.evaluate(
            "f => (f.getAttribute('aria-describedby') || (f.type === 'radio'"
            " && f.closest('fieldset').getAttribute('aria-describedby')) || '')"
        ).split()
        messages = [page.locator(f"[id='{i}']").inner_text() for i in described if "error" in i]
        assert any(messages), f"{field.get_attribute('name')} has no error message tied to it"
    assert axe_violations(page, axe_source) == [], "checkout with errors"
