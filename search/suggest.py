"""Live suggestions for the header search box: prefix, pinyin and pinyin initials.

A full-text query per keystroke would be too slow and cannot match ``ly`` to
``蓝牙``, so suggestions come from a small in-memory index of live product names,
brands, categories and tags. It is built once per catalogue version
(products.cache), kept in the Django cache for other processes and memoised in
this one: a publish or unpublish bumps the version, so a product that goes off
sale stops being suggested at the next keystroke.

Each entry has keys starting at each of its first words (so ``耳机`` and ``erji``
also find ``无线蓝牙降噪耳机``): the text itself, its full pinyin and its initials.
The keys sit in one sorted list; a prefix lookup is a binary search.
"""

import bisect
import re
import uuid
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from core.bilingual import every_language
from core.languages import path_in_language
from core.text import normalise, pinyin_keys, words
from products.cache import catalogue_version
from products.models import BrandPage, Category, Product, ProductTag

MAX_SUGGESTIONS = 10
MAX_KEY_LENGTH = 40
MAX_WORD_STARTS = 6
MAX_CANDIDATES = 400
INDEX_CACHE_SECONDS = 24 * 60 * 60
KIND_ORDER = {"query": 0, "category": 1, "brand": 2, "product": 3}
PRODUCT_BY = 3  # the best product suggested is at this place or higher
MAX_CORRECTIONS = 3
MIN_CORRECTION_KEY = 3
MAX_DROPPED_LETTERS = 2
_NOT_KEY = re.compile(r"[\W_]+")

_memo: dict = {"build": None, "index": None}


@dataclass(frozen=True)
class Entry:
    text: str
    url: str
    kind: str


TEXT, PINYIN, INITIALS = 0, 1, 2


@dataclass
class SuggestIndex:
    entries: list[Entry]
    keys: list[
        list[tuple[str, int]]
    ]  # per kind of key (TEXT, PINYIN, INITIALS): sorted (key, entry number)

    def lookup(self, how: int, prefix: str) -> list[int]:
        """Numbers of the entries with a key of this kind starting with ``prefix`` (at most
        MAX_CANDIDATES)."""
        keys = self.keys[how]
        found = []
        position = bisect.bisect_left(keys, (prefix,))
        while (
            position < len(keys)
            and len(found) < MAX_CANDIDATES
            and keys[position][0].startswith(prefix)
        ):
            found.append(keys[position][1])
            position += 1
        return found


def normalise_key(text: str) -> str:
    """Lower case, letters and digits only: how both keys and typed prefixes are compared."""
    return _NOT_KEY.sub("", normalise(text))


def entry_keys(text: str) -> list[tuple[str, int]]:
    """Keys of one entry: from each of its first words on, as text, full pinyin and initials."""
    parts = words(text)
    keys = set()
    for start in range(min(len(parts), MAX_WORD_STARTS)):
        rest = " ".join(parts[start:])
        full, initials = pinyin_keys(rest)
        for how, key in enumerate((normalise_key(rest), full, initials)):
            if key:
                keys.add((key[:MAX_KEY_LENGTH], how))
    return sorted(keys)


def _entries() -> list[Entry]:
    """Everything a shopper may be offered: live products and brands, categories, product tags;
    names in both languages (either one typed is offered), each name once."""
    search_url = reverse("search")
    entries = [
        Entry(name, reverse("product_detail", kwargs={"slug": slug}), "product")
        for *names, slug in Product.objects.live().values_list("name_zh_hans", "name_en", "slug")
        for name in _distinct(names)
    ]
    entries += [
        Entry(title, brand.url, "brand")
        for brand in BrandPage.objects.live().public().specific()
        for title in every_language(brand, "title")
    ]
    entries += [
        Entry(name, category.get_absolute_url(), "category")
        for category in Category.objects.all()
        for name in every_language(category, "name")
    ]
    tags = (
        ProductTag.objects.filter(content_object__live=True)
        .values_list("tag__name", flat=True)
        .distinct()
    )
    entries += [Entry(tag, f"{search_url}?{urlencode({'q': tag})}", "query") for tag in tags]
    return entries


def _distinct(texts) -> list[str]:
    """The non-empty texts, each once, in order."""
    return list(dict.fromkeys(text for text in texts if text))


def build_index() -> SuggestIndex:
    # One index serves both languages: its links are the default language's addresses and
    # are moved to the shopper's language when answered (_in_language).
    with translation.override(settings.LANGUAGE_CODE):
        entries = _entries()
    keys: list[list[tuple[str, int]]] = [[], [], []]
    for number, entry in enumerate(entries):
        for key, how in entry_keys(entry.text):
            keys[how].append((key, number))
    return SuggestIndex(entries=entries, keys=[sorted(kind) for kind in keys])


def current_index() -> SuggestIndex:
    """The index for the current catalogue version: from this process, the cache, or built now.

    The cache holds a small build id per version next to the index, so a process
    reuses its memoised copy after one cheap look-up and never trusts a copy made
    before the cache was cleared (when version numbers start again).
    """
    build_key = f"suggest-index-build:{catalogue_version()}"
    build = cache.get(build_key)
    if build is not None and _memo["build"] == build:
        return _memo["index"]
    index = cache.get(f"suggest-index:{build}") if build is not None else None
    if index is None:
        build, index = uuid.uuid4().hex, build_index()
        cache.set(f"suggest-index:{build}", index, timeout=INDEX_CACHE_SECONDS)
        cache.set(build_key, build, timeout=INDEX_CACHE_SECONDS)
    _memo.update(build=build, index=index)
    return index


def suggest(query: str, limit: int = MAX_SUGGESTIONS) -> list[Entry]:
    """Up to ``limit`` entries whose text, pinyin or initials start with what was typed.

    Typed text beats pinyin beats initials; within that, searches, categories and
    brands come before single products, and shorter texts first, except that the
    best product is never below ``PRODUCT_BY``: a shopper typing a product's name
    should see it, however many tags and categories share the prefix.
    """
    prefix = normalise_key(query)[:MAX_KEY_LENGTH]
    if not prefix:
        return []
    index = current_index()
    best: dict[int, int] = {}
    for how in (TEXT, PINYIN, INITIALS):
        if len(best) >= limit:
            break
        for number in index.lookup(how, prefix):
            best.setdefault(number, how)
    ranked = sorted(
        best,
        key=lambda number: (
            best[number],
            KIND_ORDER[index.entries[number].kind],
            len(index.entries[number].text),
            index.entries[number].text,
        ),
    )
    return _in_language(
        _product_early(_unique(index.entries[number] for number in ranked))[:limit]
    )


def _in_language(entries: list[Entry]) -> list[Entry]:
    """``entries`` with their links at the addresses of the language being shown."""
    language = translation.get_language()
    return [replace(entry, url=path_in_language(entry.url, language)) for entry in entries]


def _unique(entries) -> list[Entry]:
    seen, results = set(), []
    for entry in entries:
        if (entry.kind, entry.text) not in seen:
            seen.add((entry.kind, entry.text))
            results.append(entry)
    return results


def _product_early(entries: list[Entry]) -> list[Entry]:
    """The first product moved up to place ``PRODUCT_BY`` when it ranks below it."""
    first = next((place for place, entry in enumerate(entries) if entry.kind == "product"), None)
    if first is None or first < PRODUCT_BY:
        return entries
    before, after = entries[: PRODUCT_BY - 1], entries[PRODUCT_BY - 1 : first]
    return [*before, entries[first], *after, *entries[first + 1 :]]


def corrections(query: str, limit: int = MAX_CORRECTIONS) -> list[Entry]:
    """What the shopper may have meant by a query that found nothing: entries that sound the same.

    Chinese typed with the wrong character of the same sound (篮牙 for 蓝牙) has the
    same pinyin; a Latin word with a wrong last letter or two shares all the rest
    (``iphonx``). So the query's full pinyin is looked up, then with up to
    ``MAX_DROPPED_LETTERS`` letters dropped from its end, until something sounds alike.
    """
    key = normalise_key(pinyin_keys(query)[0])[:MAX_KEY_LENGTH]
    if len(key) < MIN_CORRECTION_KEY:
        return []
    typed = normalise_key(query)
    index = current_index()
    shortest = max(MIN_CORRECTION_KEY, len(key) - MAX_DROPPED_LETTERS)
    for length in range(len(key), shortest - 1, -1):
        numbers = index.lookup(PINYIN, key[:length])
        ranked = sorted(
            (index.entries[number] for number in numbers),
            key=lambda entry: (KIND_ORDER[entry.kind], len(entry.text), entry.text),
        )
        found = [entry for entry in _unique(ranked) if normalise_key(entry.text) != typed]
        if found:
            return _in_language(found[:limit])
    return []
