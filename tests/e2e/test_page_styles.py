"""Each main page links the stylesheets and scripts it needs and no others: every page has the
shop-wide site.css and the search suggestions' styles; the catalogue, account, cart, checkout,
customer-voice and after-sales styles come only with the pages that show those parts.

The browser test proves nothing is missing: it reads every stylesheet the page does not link and
finds none of their rules matching an element on the page.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import Client

from .storefront_tour import LANGUAGES, PAGE_NAMES, build_shop, sign_in, use_language

SHOP_WIDE = ["css/site.css", "search/css/search.css"]
OWN = {
    "home": ["css/catalogue.css"],
    "listing": ["css/catalogue.css"],
    "product": ["css/catalogue.css", "css/voice.css"],
    "search": ["css/catalogue.css"],
    "guide": ["css/catalogue.css", "css/voice.css"],
    "help article": [],
    "brand": ["css/catalogue.css"],
    "cart": ["css/catalogue.css", "css/cart.css"],
    "checkout": ["css/checkout.css"],
    "account": ["css/account.css"],
    "order": ["css/checkout.css", "css/voice.css", "css/after_sales.css"],
}
PAGE_SCRIPTS = {
    "listing": ["js/catalogue.js"],
    "product": ["js/catalogue.js", "js/recently_viewed.js"],
    "search": ["js/catalogue.js"],
    "cart": ["js/recently_viewed.js"],
    "checkout": ["js/checkout.js"],
    "order": ["js/checkout.js"],
}
SHOP_WIDE_SCRIPTS = ["js/site.js", "/jsi18n/", "js/search.js", "js/cart.js"]
EVERY_STYLESHEET = sorted({*SHOP_WIDE, *(sheet for sheets in OWN.values() for sheet in sheets)})
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
SCRIPT = re.compile(r'<script src="([^"]+)"')


def _localised(path: str, language: str) -> str:
    return path if language == settings.LANGUAGE_CODE else f"/en{path}"


def _urls(paths: list[str], language: str = settings.LANGUAGE_CODE) -> list[str]:
    """Static paths as linked; a path of the shop's own (the script catalogue) in ``language``."""
    return [_localised(path, language) if path.startswith("/") else static(path) for path in paths]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_main_page_links_only_its_own_stylesheets_and_scripts(language):
    tour = build_shop()
    client = Client()
    client.force_login(tour.shopper)

    for name in PAGE_NAMES:
        response = client.get(_localised(tour.paths[name], language))
        assert response.status_code == 200, name
        html = response.content.decode()

        assert STYLESHEET.findall(html) == _urls(SHOP_WIDE + OWN[name]), name
        scripts = [src for src in SCRIPT.findall(html) if not src.startswith("http")]
        assert scripts == _urls(SHOP_WIDE_SCRIPTS + PAGE_SCRIPTS.get(name, []), language), name


# The selectors of each stylesheet the page does not link that match an element on it
# (pseudo-classes and pseudo-elements dropped: a :hover rule counts for its element).
UNLINKED_RULES_IN_USE = r"""sheets => {
    const linked = new Set([...document.querySelectorAll('link[rel=stylesheet]')]
        .map(link => new URL(link.href).pathname));
    const bare = selector => selector.replace(/::?[a-zA-Z-]+(\([^)]*\))?/g, '').trim() || '*';
    const found = {};
    for (const [url, text] of Object.entries(sheets)) {
        if (linked.has(url)) continue;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        const used = new Set();
        const walk = rules => {
            for (const rule of rules) {
                if (!rule.selectorText) { if (rule.cssRules) walk(rule.cssRules); continue; }
                for (const selector of rule.selectorText.split(',')) {
                    let matches = false;
                    try { matches = document.querySelector(bare(selector)) !== null; } catch (e) {}
                    if (matches) used.add(selector.trim());
                }
            }
        };
        walk(sheet.cssRules);
        if (used.size) found[url] = [...used];
    }
    return found;
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_main_page_needs_a_stylesheet_it_does_not_link(page, live_server, language):
    tour = build_shop()
    sign_in(page, tour.shopper, origin=live_server.url)
    use_language(page, language, origin=live_server.url)
    sheets = {
        static(path): Path(finders.find(path)).read_text(encoding="utf-8")
        for path in EVERY_STYLESHEET
    }

    missing = {}
    for name in PAGE_NAMES:
        page.goto(_localised(tour.paths[name], language))
        found = page.evaluate(UNLINKED_RULES_IN_USE, sheets)
        if found:
            missing[name] = found

    assert missing == {}
