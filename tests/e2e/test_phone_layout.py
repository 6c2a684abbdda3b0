"""The storefront on a phone: no page scrolls sideways from 320 px up, the header's items keep
to one line, the listing's filters fold behind a "Filters" button so the first products show in
the first screen, and brand cards keep the name clear of the logo.

Tap targets of at least 24 px are checked by axe-core's target-size rule in
test_accessibility.py.
"""

import pytest
from playwright.sync_api import expect

from .storefront_tour import LANGUAGES, PAGE_NAMES, build_shop, sign_in, use_language

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE_WIDTHS = (390, 320)
FILTERS = {"en": "Filters", "zh-hans": "筛选"}

# The elements that end past the right edge of the screen, innermost last, unless an ancestor
# that scrolls on its own (the category menu, a wide table's wrapper) keeps them in.
TOO_WIDE = """() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    for (const element of document.querySelectorAll('body *')) {
        const box = element.getBoundingClientRect();
        if (!box.width || box.right <= width + 0.5) continue;
        let kept = false;
        for (let up = element.parentElement; up && !kept; up = up.parentElement) {
            kept = getComputedStyle(up).overflowX !== 'visible'
                && up.getBoundingClientRect().right <= width + 0.5;
        }
        if (!kept) {
            const name = element.tagName.toLowerCase() + (element.className && typeof
                element.className === 'string' ? '.' + element.className.split(' ')[0] : '');
            found.push(`${name} ends at ${Math.round(box.right)} px`);
        }
    }
    return found.slice(-6);
}"""

# The header's texts that wrap: each of its words and names must stay on one line (a text
# wrapping one character a line takes several).
HEADER_WRAPS = """() => {
    const wrapped = [];
    const items = document.querySelectorAll(
        '.site-logo, .language-switch button, .account-link, .cart-link');
    for (const item of items) {
        const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            if (!text.textContent.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(text);
            const lines = new Set([...range.getClientRects()]
                .filter(rect => rect.width > 1 && rect.height > 1)
                .map(rect => Math.round(rect.top)));
            if (lines.size > 1) wrapped.push(`${text.textContent.trim()} (${lines.size} lines)`);
        }
    }
    return wrapped;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_main_page_scrolls_sideways_on_a_phone(page, live_server, language):
    tour = build_shop()
    sign_in(page, tour.shopper, origin=live_server.url)
    use_language(page, language, origin=live_server.url)

    too_wide = []
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        for name in PAGE_NAMES:
            page.goto(tour.paths[name])
            scroll_width, inner_width = page.evaluate(
                "[document.documentElement.scrollWidth, innerWidth]"
            )
            if scroll_width > inner_width:
                culprits = "; ".join(page.evaluate(TOO_WIDE))
                too_wide.append(f"{name} at {width} px is {scroll_width} px wide: {culprits}")
            wrapped = page.evaluate(HEADER_WRAPS)
            assert wrapped == [], f"{name} at {width} px: header texts wrap: {wrapped}"

    assert too_wide == [], "\n".join(too_wide)


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_listing_folds_its_filters_and_shows_products_first(page, live_server, language):
    tour = build_shop()
    use_language(page, language, origin=live_server.url)
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(tour.paths["listing"])

    toggle = page.locator("aside.facets summary")
    expect(toggle).to_have_text(FILTERS[language])
    expect(page.locator(".facets__form")).to_be_hidden()
    first_title = page.locator(".product-card .card__title").first
    assert first_title.bounding_box()["y"] < 844, "the first product is below the first screen"

    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".facets__form")).to_be_visible()
    expect(page.locator(".facets__form input[name=origin]").first).to_be_visible()


def test_desktop_listing_shows_its_filters_without_a_button(page, live_server):
    tour = build_shop()

    page.goto(tour.paths["listing"])

    expect(page.locator("aside.facets summary")).to_be_hidden()
    expect(page.locator(".facets__form")).to_be_visible()


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_brand_cards_keep_the_name_clear_of_the_logo(page, live_server, width):
    build_shop()
    page.set_viewport_size({"width": width, "height": 844})

    page.goto("/brands/")

    tile = page.locator(".brand-tile").first
    logo = tile.locator(".brand-tile__logo img").bounding_box()
    name = tile.locator(".brand-tile__name").bounding_box()
    assert logo["y"] + logo["height"] <= name["y"], "the brand's name is drawn over its logo"
    assert logo["width"] <= tile.bounding_box()["width"]
