"""POST data for Wagtail's admin page forms, as the editor's browser would send it.

StreamFields are drawn by JavaScript in the admin, so their inputs are not in the
served HTML; tests build the whole form here with Wagtail's form-data helpers.
Keyword arguments override single fields. A translated field (the apps' translation.py) is
sent as its two columns, both holding the value given: ``title`` becomes ``title_zh_hans`` and
``title_en``, as the admin's form names them.
"""

from modeltranslation.translator import NotRegistered, translator
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def in_both_languages(model, data: dict) -> dict:
    """``data`` with each of ``model``'s translated fields sent in both languages' columns."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return dict(data)
    result = {}
    for name, value in data.items():
        if name in translated:
            result[f"{name}_zh_hans"] = result[f"{name}_en"] = value
        else:
            result[name] = value
    return result


def _page_form(model, fields: dict, overrides: dict) -> dict:
    data = {**fields, "comments": inline_formset([])}
    data.update(overrides)
    return nested_form_data(in_both_languages(model, data))


def guide_form_data(**overrides) -> dict:
    """A complete GuidePage form: one paragraph and one quote."""
    from guides.models import GuidePage

    return _page_form(
        GuidePage,
        {
            "title": "Choosing a rice cooker",
            "slug": "choosing-a-rice-cooker",
            "summary": "Capacity, inner pot and programmes.",
            "author": "Lin Wei",
            "date": "2025-03-01",
            "tags": "",
            "cover_image": "",
            "body": streamfield(
                [
                    ("rich_text", rich_text("<p>Start from the size of your household.</p>")),
                    ("quote", {"text": "Rice first.", "source": ""}),
                ]
            ),
        },
        overrides,
    )


def help_article_form_data(**overrides) -> dict:
    """A complete HelpArticlePage form with one step."""
    from help_center.models import HelpArticlePage

    return _page_form(
        HelpArticlePage,
        {
            "title": "Changing your address",
            "slug": "changing-your-address",
            "summary": "Before the parcel ships.",
            "body": streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Open your orders",
                            "text": rich_text("<p>Under My account.</p>"),
                            "image": "",
                            "alt_text": "",
                        },
                    ),
                ]
            ),
        },
        overrides,
    )


def brand_form_data(logo_id: int, **overrides) -> dict:
    """A complete BrandPage form without news items."""
    from products.models import BrandPage

    return _page_form(
        BrandPage,
        {
            "title": "Lotus Kitchenware",
            "slug": "lotus-kitchenware",
            "logo": str(logo_id),
            "tagline": "Pots for every stove",
            "story": rich_text("<p>Since 1998.</p>"),
            "website": "",
            "news_items": inline_formset([]),
        },
        overrides,
    )


def home_form_data(**overrides) -> dict:
    """A complete HomePage form with an empty body."""
    from home.models import HomePage

    return _page_form(
        HomePage, {"title": "Home", "slug": "home", "body": streamfield([])}, overrides
    )
