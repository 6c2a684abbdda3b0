"""Texts written in both languages at once, and the per-language columns that replace them.

Before content was translated field by field, names carried both languages in one value:
``铸铁炖锅 Mini | Cast-iron casserole`` (products, guides, help articles), ``数码影音 Electronics``
(short labels: categories, options, attributes, brands), ``Audio 音频设备`` (product types) and
``听见安静 · Quiet where you want it`` (brand taglines). ``split`` takes such a value apart,
``join`` puts the halves back together; the data migrations of the apps use them to fill the
``<field>_zh_hans`` and ``<field>_en`` columns (and the revisions that hold the same fields),
and to undo that.

Only a value whose Chinese part holds a Chinese character and whose English part holds none is
split, so a Chinese-only name (``小米 14 Ultra 徕卡影像手机``) stays whole in the Chinese column.
"""

import re

ZH = "zh_hans"
EN = "en"
LANGUAGE_SUFFIXES = (ZH, EN)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_HAS_HAN = re.compile(rf"[{_HAN}]")
_HAS_LATIN = re.compile(r"[A-Za-z]")
# 数码影音 Electronics · 0-3岁 Age 0-3: the English part starts after the last Chinese character.
_CHINESE_THEN_LATIN = re.compile(rf"^(.*[{_HAN}][^\s]*)\s+([^{_HAN}]+)$")
# Audio 音频设备: English first, the Chinese part from the first Chinese word on.
_LATIN_THEN_CHINESE = re.compile(rf"^([^{_HAN}]+?)\s+(\S*[{_HAN}].*)$")

BAR = "bar"  # 中文 | English
LABEL = "label"  # 中文 | English, or 中文 English
LABEL_EN_FIRST = "label_en_first"  # English 中文
DOT = "dot"  # 中文 · English
LINES = "lines"  # one LABEL per line (attribute choices)
COPY = "copy"  # never split: the whole value is the Chinese text

_SEPARATORS = {BAR: " | ", DOT: " · "}


def localized(field: str, suffix: str) -> str:
    """The column of ``field`` for a language suffix: ``localized("name", "en")`` → ``name_en``."""
    return f"{field}_{suffix}"


def _split_on(value: str, separator: str) -> tuple[str, str] | None:
    chinese, found, english = value.partition(separator)
    chinese, english = chinese.strip(), english.strip()
    if not found or not _HAS_HAN.search(chinese) or not english or _HAS_HAN.search(english):
        return None
    return chinese, english


def _split_label(value: str) -> tuple[str, str] | None:
    parts = _split_on(value, _SEPARATORS[BAR])
    if parts is not None:
        return parts
    match = _CHINESE_THEN_LATIN.match(value.strip())
    if match is None or not _HAS_LATIN.search(match.group(2)):
        return None
    return match.group(1).strip(), match.group(2).strip()


def _split_label_english_first(value: str) -> tuple[str, str] | None:
    match = _LATIN_THEN_CHINESE.match(value.strip())
    if match is None or not _HAS_LATIN.search(match.group(1)):
        return _split_label(value)
    return match.group(2).strip(), match.group(1).strip()


def split(value, style: str) -> tuple:
    """``(Chinese, English)`` of a value written in both languages; ``(value, None)`` when it is
    not (or ``style`` is ``COPY``), so the Chinese column always gets something."""
    if not isinstance(value, str) or not value or style == COPY:
        return value, None
    if style == LINES:
        pairs = [split(line, LABEL) for line in value.splitlines() if line.strip()]
        if not any(english for _chinese, english in pairs):
            return value, None
        return (
            "\n".join(chinese for chinese, _english in pairs),
            "\n".join(english or chinese for chinese, english in pairs),
        )
    if style == LABEL:
        parts = _split_label(value)
    elif style == LABEL_EN_FIRST:
        parts = _split_label_english_first(value)
    else:
        parts = _split_on(value, _SEPARATORS[style])
    return parts if parts is not None else (value, None)


def join(chinese, english, style: str):
    """The single value ``split`` took apart (for undoing a migration)."""
    if not english or style == COPY:
        return chinese
    if not chinese:
        return english
    if style == LINES:
        chinese_lines, english_lines = chinese.splitlines(), english.splitlines()
        return "\n".join(
            zh if zh == en else f"{zh} {en}"
            for zh, en in zip(chinese_lines, english_lines, strict=False)
        )
    if style == LABEL:
        return f"{chinese} {english}"
    if style == LABEL_EN_FIRST:
        return f"{english} {chinese}"
    return f"{chinese}{_SEPARATORS[style]}{english}"


def split_fields(data: dict, styles: dict[str, str]) -> bool:
    """Fill ``<field>_zh_hans`` / ``<field>_en`` of a row's or a revision's ``data`` from
    ``<field>``, which keeps the Chinese; True when something changed."""
    changed = False
    for field, style in styles.items():
        if field not in data:
            continue
        chinese, english = split(data[field], style)
        new = {field: chinese, localized(field, ZH): chinese, localized(field, EN): english}
        if any(data.get(key) != value for key, value in new.items()):
            data.update(new)
            changed = True
    return changed


def join_fields(data: dict, styles: dict[str, str]) -> bool:
    """The reverse of ``split_fields``: ``<field>`` gets both languages back in one value and the
    per-language keys go; True when something changed."""
    changed = False
    for field, style in styles.items():
        zh_key, en_key = localized(field, ZH), localized(field, EN)
        if zh_key not in data and en_key not in data:
            continue
        chinese = data.pop(zh_key, None)
        english = data.pop(en_key, None)
        data[field] = join(chinese if chinese is not None else data.get(field), english, style)
        changed = True
    return changed


def every_language(instance, field: str) -> list[str]:
    """``field``'s texts in every language, Chinese first, empty and repeated ones left out: what
    the search index is fed, so a product is found by its Chinese and its English name."""
    texts = []
    for suffix in LANGUAGE_SUFFIXES:
        value = getattr(instance, localized(field, suffix), None)
        if value is None:
            continue
        text = str(value).strip()
        if text and text not in texts:
            texts.append(text)
    return texts


def stream_texts(instance, field: str) -> list[str]:
    """The searchable texts of a stream field in every language (an empty translation gives
    nothing), tags stripped: what a page's ``search_text`` is made of."""
    from django.utils.html import strip_tags

    texts = []
    for suffix in LANGUAGE_SUFFIXES:
        name = localized(field, suffix)
        value = getattr(instance, name, None)
        if value:
            searchable = instance._meta.get_field(name).get_searchable_content(value)
            texts += [strip_tags(text) for text in searchable]
    return texts


def field_panels(field: str, **kwargs) -> list:
    """One admin ``FieldPanel`` per language for a translated field (``name_zh_hans``, then
    ``name_en``), so editors see and fill both; labelled "name [zh-hans]", "name [en]"."""
    from wagtail.admin.panels import FieldPanel

    return [FieldPanel(localized(field, suffix), **kwargs) for suffix in LANGUAGE_SUFFIXES]


def contains_in_any_language(field: str, text: str):
    """A filter for ``field`` containing ``text`` in either language's column."""
    from django.db.models import Q

    condition = Q()
    for suffix in LANGUAGE_SUFFIXES:
        condition |= Q(**{f"{localized(field, suffix)}__icontains": text})
    return condition


def in_active_language(field: str):
    """An expression for a translated text column read in the active language, falling back to
    the other language's when empty, as the models do: for ``values()`` inside a subquery, where
    django-modeltranslation cannot tell the type of its own fallback expression."""
    from django.db.models import CharField, F, Value
    from django.db.models.functions import Coalesce, NullIf
    from django.utils import translation

    english_first = (translation.get_language() or "").lower() == "en"
    order = (EN, ZH) if english_first else (ZH, EN)
    first, then = (F(localized(field, suffix)) for suffix in order)
    return Coalesce(NullIf(first, Value("")), then, output_field=CharField())


# The data migrations' side: rows of historical models, page titles, revisions.


def split_rows(model, styles: dict[str, str], *, forward: bool = True) -> None:
    """Split (or, not ``forward``, join back into ``<field>``) ``styles``' fields of every row of
    ``model``, a historical model whose per-language columns exist.

    ``COPY`` fields (rich text, stream fields) are copied in one statement, in the database;
    the others row by row.
    """
    from django.db.models import F

    copied = [field for field, style in styles.items() if style == COPY]
    if forward:
        model.objects.update(**{localized(field, ZH): F(field) for field in copied})
    else:
        model.objects.update(**{field: F(localized(field, ZH)) for field in copied})
    styles = {field: style for field, style in styles.items() if style != COPY}
    if not styles:
        return
    names = [
        name for field in styles for name in (field, localized(field, ZH), localized(field, EN))
    ]
    for row in model.objects.values("pk", *names):
        data = dict(row)
        if forward and split_fields(data, styles):
            model.objects.filter(pk=row["pk"]).update(**{name: data[name] for name in names})
        elif not forward:
            for field in styles:  # the joined value starts from the Chinese column
                data[field] = data[localized(field, ZH)] or data[field]
            if join_fields(data, styles):
                model.objects.filter(pk=row["pk"]).update(
                    **{field: data[field] for field in styles}
                )


PAGE_FIELDS = ("title", "seo_title", "search_description")


def page_columns(connection) -> set[str]:
    """The columns of Wagtail's page table."""
    with connection.cursor() as cursor:
        return {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, "wagtailcore_page"
            )
        }


def split_page_titles(
    connection, page_ids, styles: dict[str, str], *, forward: bool = True
) -> None:
    """Split (or join back) ``styles``' fields (title, SEO title, search description) of the
    pages ``page_ids`` in Wagtail's page table, whose per-language columns the historical page
    models do not know. The draft title follows the title."""
    quote = connection.ops.quote_name
    names = [
        name for field in styles for name in (field, localized(field, ZH), localized(field, EN))
    ]
    columns = ", ".join(quote(name) for name in names)
    ids = list(page_ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT id, {columns} FROM wagtailcore_page WHERE id IN ({marks})", chunk
            )
            for page_id, *values in cursor.fetchall():
                data = dict(zip(names, values, strict=True))
                if forward:
                    changed = split_fields(data, styles)
                else:
                    for field in styles:  # the joined value starts from the Chinese column
                        data[field] = data[localized(field, ZH)] or data[field]
                    changed = join_fields(data, styles)
                if not changed:
                    continue
                updates = {name: data.get(name) for name in names}
                updates["draft_title"] = data["title"]
                assignments = ", ".join(f"{quote(name)} = %s" for name in updates)
                cursor.execute(
                    f"UPDATE wagtailcore_page SET {assignments} WHERE id = %s",
                    [*updates.values(), page_id],
                )


def split_revisions(
    apps,
    app_label: str,
    model_name: str,
    styles: dict[str, str],
    *,
    children: dict[str, dict[str, str]] | None = None,
    forward: bool = True,
) -> None:
    """Split (or join back) the same fields in every revision of ``app_label.model_name``, so a
    draft opened in the admin or a revision published later carries both languages too.

    ``children`` names child relations kept inside the revision (a product's variants) and the
    styles of their fields.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    if content_type is None:
        return
    change = split_fields if forward else join_fields
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content
        changed = change(content, styles)
        for relation, child_styles in (children or {}).items():
            for child in content.get(relation) or []:
                changed = change(child, child_styles) or changed
        if changed:
            Revision.objects.filter(pk=revision.pk).update(content=content)
