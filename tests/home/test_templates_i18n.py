"""The storefront templates and the Simplified Chinese catalogue.

The catalogue must be complete (every string translated, nothing fuzzy) and the
compiled .mo must match the .po, or Chinese visitors see English fragments.
"""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.template import loader
from django.utils import translation

from tests.factories import AnnouncementFactory, GuidePageFactory

CATALOGUE_DIR = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"


def read_po_entries(path: Path) -> list[dict]:
    """Entries of a .po file as dicts of keyword -> text, plus ``flags`` (header excluded)."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry, key = {"flags": set()}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[key] += ast.literal_eval(line)
            else:
                key, _, text = line.partition(" ")
                entry[key] = ast.literal_eval(text)
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def translation_of(entry: dict) -> str:
    return entry.get("msgstr", entry.get("msgstr[0]", ""))


@pytest.fixture(scope="module")
def po_entries():
    return read_po_entries(CATALOGUE_DIR / "django.po")


def test_every_catalogue_entry_is_translated_and_not_fuzzy(po_entries):
    assert len(po_entries) > 100
    untranslated = [entry["msgid"] for entry in po_entries if not translation_of(entry)]
    fuzzy = [entry["msgid"] for entry in po_entries if "fuzzy" in entry["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_header_declares_chinese_with_a_single_plural_form():
    header = (CATALOGUE_DIR / "django.po").read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "#, fuzzy" not in header
    assert '"Language: zh_Hans\\n"' in header
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in header


def test_compiled_catalogue_matches_the_po(po_entries):
    with open(CATALOGUE_DIR / "django.mo", "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)._catalog
    expected = {}
    for entry in po_entries:
        msgid = entry["msgid"]
        if "msgctxt" in entry:  # gettext keys a contextual entry as "context\x04msgid"
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        key = (msgid, 0) if "msgid_plural" in entry else msgid
        expected[key] = translation_of(entry)
    compiled_entries = {key: value for key, value in compiled.items() if key != ""}
    assert compiled_entries == expected


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Guides", "导购"),
        ("Help center", "帮助中心"),
        ("Brands", "品牌"),
        ("Announcements", "公告"),
        ("Search", "搜索"),
        ("Skip to main content", "跳到正文"),
    ],
)
def test_known_strings_are_chinese_under_zh_hans(english, chinese):
    with translation.override("zh-hans"):
        assert translation.gettext(english) == chinese
    with translation.override("en"):
        assert translation.gettext(english) == english


def test_server_error_page_renders_without_any_context():
    with translation.override("en"):
        html = loader.get_template("500.html").render()
    assert '<html lang="en">' in html
    assert "Something went wrong on our side" in html
    assert "/static/css/site.css" in html


@pytest.mark.django_db
def test_not_found_page_is_the_shop_page_in_chinese(client, site_tree):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="zh-hans">' in html
    assert "找不到这个页面" in html
    assert 'class="site-header"' in html


@pytest.mark.django_db
def test_home_page_has_the_storefront_chrome(client, site_tree):
    AnnouncementFactory(text="Free shipping this week", link_url="/help/", level="promotion")
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<form class="site-search" role="search" action="/en/search/" method="get">' in html
    assert '<input id="site-search-q" type="search" name="q"' in html
    assert 'class="language-switch" action="/i18n/setlang/" method="post"' in html
    assert 'name="language" value="en" lang="en"\n            aria-pressed="true"' in html
    assert 'class="announcement announcement--promotion"' in html
    assert '<a class="announcement__text" href="/en/help/">Free shipping this week</a>' in html
    assert 'class="site-footer"' in html


@pytest.mark.django_db
def test_category_menu_lists_only_sections_shown_in_menus(client, site_tree):
    site_tree.help.show_in_menus = False
    site_tree.help.save()
    html = client.get(site_tree.guides.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    menu = html.split('<nav class="category-menu"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="{site_tree.brands.url}">' in menu
    assert f'<a href="{site_tree.guides.url}" aria-current="page">' in menu
    assert site_tree.help.url not in menu


@pytest.mark.django_db
def test_guide_pagination_keeps_the_tag(client, site_tree):
    for number in range(13):
        GuidePageFactory(title=f"Tea guide {number}", tags=["tea"])
    html = client.get(
        f"{site_tree.guides.url}?tag=tea", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert 'href="?tag=tea&amp;page=2"' in html


@pytest.mark.django_db
def test_unknown_guide_tag_is_explained(client, site_tree):
    GuidePageFactory(tags=["tea"])
    html = client.get(f"/en{site_tree.guides.url}?tag=coffee").content.decode()
    assert "There is no guide with that tag, so all guides are shown." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a word above to search products, guides and help articles."),
        ("nothing-matches-this", "Nothing matched “nothing-matches-this”."),
    ],
)
def test_search_without_results_helps_the_visitor_on(client, site_tree, query, message):
    html = client.get("/en/search/", {"q": query}).content.decode()
    assert message in html
    assert '<a href="/en/guides/">shopping guides</a>' in html
    assert '<a href="/en/help/">help center</a>' in html
