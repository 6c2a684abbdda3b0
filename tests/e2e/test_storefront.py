"""A visitor on the storefront: home page, language switch, a guide and a help article."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import (
    GuidePageFactory,
    HelpArticlePageFactory,
    HelpCategoryPageFactory,
    ImageFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE_TITLE = "如何挑选绿茶 Choosing green tea"
ARTICLE_TITLE = "用支付宝付款 Paying with Alipay"
# Header texts in each language, the Chinese ones from locale/zh_Hans. The placeholder
# is the shop's own string; "Search" alone is also in Wagtail's catalogue.
SEARCH_LABEL = {"en": "Search", "zh-hans": "搜索"}
SEARCH_PLACEHOLDER = {"en": "Search products, guides and help", "zh-hans": "搜索商品、导购和帮助"}


def make_guide():
    return GuidePageFactory(
        title=GUIDE_TITLE, slug="choosing-green-tea", cover_image=ImageFactory(title="Green tea")
    )


def make_help_article():
    category = HelpCategoryPageFactory(title="支付 Payment", slug="payment")
    step = {
        "title": "Choose Alipay",
        "text": "<p>Pick Alipay at checkout.</p>",
        "image": ImageFactory(title="Checkout").pk,
        "alt_text": "The checkout page",
    }
    return HelpArticlePageFactory(
        title=ARTICLE_TITLE,
        slug="paying-with-alipay",
        parent=category,
        body=[{"type": "step", "value": step}],
    )


def expect_image_loaded(image) -> None:
    """The image is shown: the browser fetched and decoded it (lazy images once scrolled to)."""
    image.scroll_into_view_if_needed()
    width = image.evaluate(
        "img => img.complete ? img.naturalWidth : new Promise(done => {"
        " img.addEventListener('load', () => done(img.naturalWidth));"
        " img.addEventListener('error', () => done(0)); })"
    )
    assert width > 0, f"{image.evaluate('img => img.currentSrc')} did not load"


def test_home_page_has_the_header_and_loads_its_assets_cleanly(page, console_errors):
    page.goto("/")

    header = page.locator("header.site-header")
    expect(header.locator("a.site-logo")).to_be_visible()
    expect(header.locator("form[role=search] input[name=q]")).to_be_visible()
    menu = page.locator("nav.category-menu")
    for path in ("/brands/", "/guides/", "/help/"):
        expect(menu.locator(f"a[href='{path}']")).to_be_visible()
    stylesheet_rules = page.evaluate(
        "[...document.styleSheets].filter(s => s.href && s.href.includes('/static/'))"
        ".reduce((n, s) => n + s.cssRules.length, 0)"
    )
    assert stylesheet_rules > 0, "the site stylesheet did not load"
    assert console_errors == []


def expect_language(page, language: str) -> None:
    """The page is in ``language``: its html[lang], the header's search texts and the pressed
    switch button."""
    search = page.locator("header.site-header form[role=search]")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(search.locator("button[type=submit]")).to_have_text(SEARCH_LABEL[language])
    expect(search.locator("input[name=q]")).to_have_attribute(
        "placeholder", SEARCH_PLACEHOLDER[language]
    )
    expect(page.locator(f"form.language-switch button[value={language}]")).to_have_attribute(
        "aria-pressed", "true"
    )


def test_language_switch_to_chinese_and_back(page):
    page.goto("/")
    expect_language(page, "zh-hans")  # the root address is Chinese, whatever the browser asks

    page.locator("form.language-switch button[name=language][value=en]").click()
    expect_language(page, "en")
    expect(page).to_have_url(re.compile(r"^http://[^/]+/en/$"))  # the same page in English
    page.goto("/guides/")  # an old root address after choosing English: its English twin
    expect(page).to_have_url(re.compile(r"^http://[^/]+/en/guides/$"))

    page.locator("form.language-switch button[name=language][value=zh-hans]").click()
    expect_language(page, "zh-hans")
    expect(page).to_have_url(re.compile(r"^http://[^/]+/guides/$"))

    page.goto("/")  # Chinese chosen again: the root address stays
    expect(page).to_have_url(re.compile(r"^http://[^/]+/$"))
    expect_language(page, "zh-hans")


def test_visitor_opens_a_guide_and_a_help_article(page, console_errors):
    make_guide()
    make_help_article()
    page.goto("/")

    page.locator("nav.category-menu a[href='/guides/']").click()
    expect(page).to_have_url(re.compile(r"/guides/$"))
    page.get_by_role("link", name=GUIDE_TITLE).click()
    expect(page).to_have_url(re.compile(r"/guides/choosing-green-tea/$"))
    expect(page.locator("h1")).to_have_text(GUIDE_TITLE)
    expect(page).to_have_title(re.compile(re.escape(GUIDE_TITLE)))
    expect_image_loaded(page.locator(".article__cover img"))

    page.locator("nav.category-menu a[href='/help/']").click()
    expect(page).to_have_url(re.compile(r"/help/$"))
    page.get_by_role("link", name=ARTICLE_TITLE).click()
    expect(page).to_have_url(re.compile(r"/help/payment/paying-with-alipay/$"))
    expect(page.locator("h1")).to_have_text(ARTICLE_TITLE)
    expect(page.locator(".help-step")).to_contain_text("Pick Alipay at checkout.")
    expect_image_loaded(page.get_by_role("img", name="The checkout page"))

    assert console_errors == []
