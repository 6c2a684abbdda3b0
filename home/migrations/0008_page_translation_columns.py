"""Wagtail's page table gets a Chinese and an English column for the title, the SEO title and
the search description (the fields wagtail-modeltranslation translates on every page), filled
from today's values: "中文 | English" and "中文 English" titles are split (core.bilingual), in
the pages and in their revisions. Undoing it joins the titles back and drops the columns.

Wagtail's own migrations do not know these columns; the page model gets them from
wagtail-modeltranslation at start-up, and this migration adds them to the table, as that
package's ``sync_page_translation_fields`` would.
"""

from django.db import migrations

from core import bilingual

# Brands' search descriptions are their taglines: "中文 · English".
TITLE_STYLES = {
    "title": bilingual.LABEL,
    "seo_title": bilingual.COPY,
    "search_description": bilingual.DOT,
}
# Splitting reads both forms; putting guides' and help articles' titles back gives their "|".
BAR_TITLE_STYLES = {**TITLE_STYLES, "title": bilingual.BAR}


def translation_fields():
    from wagtail.models import Page

    return Page, [
        Page._meta.get_field(bilingual.localized(field, suffix))
        for field in bilingual.PAGE_FIELDS
        for suffix in bilingual.LANGUAGE_SUFFIXES
    ]


def add_columns(apps, schema_editor):
    Page, fields = translation_fields()
    existing = bilingual.page_columns(schema_editor.connection)
    for field in fields:
        if field.column not in existing:
            schema_editor.add_field(Page, field)
    quote = schema_editor.connection.ops.quote_name
    for field in bilingual.PAGE_FIELDS:
        column = quote(bilingual.localized(field, bilingual.ZH))
        schema_editor.execute(
            f"UPDATE wagtailcore_page SET {column} = {quote(field)} WHERE {column} IS NULL"
        )
    page_ids = apps.get_model("wagtailcore", "Page").objects.values_list("pk", flat=True)
    bilingual.split_page_titles(schema_editor.connection, page_ids, TITLE_STYLES)
    split_page_revisions(apps, forward=True)


def drop_columns(apps, schema_editor):
    bar_types = bar_title_types(apps)
    pages = apps.get_model("wagtailcore", "Page").objects
    for styles, page_ids in (
        (BAR_TITLE_STYLES, pages.filter(content_type__in=bar_types)),
        (TITLE_STYLES, pages.exclude(content_type__in=bar_types)),
    ):
        ids = page_ids.values_list("pk", flat=True)
        bilingual.split_page_titles(schema_editor.connection, ids, styles, forward=False)
    split_page_revisions(apps, forward=False)
    Page, fields = translation_fields()
    existing = bilingual.page_columns(schema_editor.connection)
    for field in fields:
        if field.column in existing:
            schema_editor.remove_field(Page, field)


def bar_title_types(apps) -> list:
    """The page types whose titles were written "中文 | English" (the others "中文 English")."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    return list(
        ContentType.objects.filter(
            app_label__in=["guides", "help_center"], model__in=["guidepage", "helparticlepage"]
        ).values_list("pk", flat=True)
    )


def split_page_revisions(apps, *, forward: bool) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    bar_types = set(bar_title_types(apps))
    for revision in Revision.objects.filter(base_content_type=page_type).iterator():
        content = revision.content
        if forward:
            changed = bilingual.split_fields(content, TITLE_STYLES)
        else:
            styles = BAR_TITLE_STYLES if revision.content_type_id in bar_types else TITLE_STYLES
            changed = bilingual.join_fields(content, styles)
        if changed:
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_shop_bank_account"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_columns, drop_columns)]
