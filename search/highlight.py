"""Marking the query's words in result titles and snippets."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_WORDS = 20


def highlight(text: str, words: list[str]) -> SafeString:
    """``text`` escaped, with every occurrence of the words wrapped in ``<mark>``.

    Escaping comes first so nothing the shopper or an editor typed can become
    markup; the words are escaped the same way so ``<`` in a query still matches.
    Latin words match case-insensitively and as word beginnings (phone → Phones).
    """
    escaped = escape(text or "")
    patterns = [_pattern(escape(word)) for word in words[:MAX_WORDS] if word]
    if not patterns:
        return mark_safe(escaped)
    combined = re.compile("|".join(patterns), re.IGNORECASE)
    return mark_safe(combined.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))


def _pattern(word: str) -> str:
    if word.isascii() and word.isalnum():
        # Never inside an entity such as &amp; or &#x27; that escaping produced.
        return rf"(?<![&#\w]){re.escape(word)}\w*"
    return re.escape(word)
