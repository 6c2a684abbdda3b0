"""The demo's texts in both languages.

Most demo texts are written with both languages side by side, as a reader of the content
modules sees them best: "铸铁炖锅 | Cast-iron casserole", "曜石黑 Black", "<p>中文。English.</p>".
The loaders take them apart here (core.bilingual) into the per-language columns; a text written
in Chinese only leaves the English column empty, and the English page shows the Chinese.
"""

import re

from core import bilingual

_LAST_CHINESE = re.compile(r"^(.*[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])(.*)$", re.S)


def fields(field: str, chinese: str, english: str | None = None) -> dict:
    """Keyword arguments for ``field`` in both languages: ``name_zh_hans=…, name_en=…``."""
    return {
        bilingual.localized(field, bilingual.ZH): chinese,
        bilingual.localized(field, bilingual.EN): english or None,
    }


def split_fields(field: str, value: str, style: str = bilingual.LABEL) -> dict:
    """``fields`` from a value written in both languages (see core.bilingual for the styles)."""
    return fields(field, *bilingual.split(value, style))


def chinese(value: str, style: str = bilingual.LABEL) -> str:
    """The Chinese part of a value written in both languages."""
    return bilingual.split(value, style)[0]


def english(value: str, style: str = bilingual.LABEL) -> str:
    """The English part of a value written in both languages; the value when it has none."""
    chinese_part, english_part = bilingual.split(value, style)
    return english_part or chinese_part


def split_paragraph(html: str) -> tuple[str, str | None]:
    """``<p>中文。English.</p>`` → ``("<p>中文。</p>", "<p>English.</p>")``: the English starts
    after the last Chinese character; a paragraph without English stays whole."""
    inner = html.removeprefix("<p>").removesuffix("</p>")
    match = _LAST_CHINESE.match(inner)
    if match is None or not re.search(r"[A-Za-z]", match.group(2)):
        return html, None
    return f"<p>{match.group(1).strip()}</p>", f"<p>{match.group(2).strip()}</p>"
