"""Typos of brand names: a query word that nearly spells a live brand also looks for the brand.

Shoppers misspell Latin brand names (``Sonny``, ``Aple``) and type Chinese ones
with the wrong character of the same sound (``花为`` for 华为, ``里宁`` for 李宁).
A shop has a few hundred brands at most, so each query word is compared with
every brand word in memory: Latin words by edit distance (as Elasticsearch's
``fuzziness: AUTO`` counts it), Chinese words by identical pinyin. The brand's
word is added as an *alternative* of the query word (search.synonyms), never a
replacement, so a real word that happens to be close to a brand still finds
what it found before.
"""

from dataclasses import dataclass

from core.text import pinyin_keys, query_terms, words
from products.cache import catalogue_version
from products.models import BrandPage

# Brand words shorter than this are never corrected: "LG" and "HP" are too close to everything.
MIN_CORRECTED_LENGTH = 4
MIN_LATIN_QUERY_WORD = 3  # "ap" is not taken for Apple
MIN_CHINESE_WORD = 2

_memo: dict = {"version": None, "words": None}


@dataclass(frozen=True)
class BrandWord:
    term: str  # in the index's form (core.text.query_terms)
    max_edits: int  # typos tolerated, from the length of the word as the brand spells it
    pinyin: str  # full pinyin of a Chinese word, "" for Latin ones


def allowed_edits(length: int) -> int:
    """Elasticsearch's AUTO fuzziness from 4 letters: one typo up to five letters, two beyond."""
    if length < MIN_CORRECTED_LENGTH:
        return 0
    return 1 if length <= 5 else 2


def _brand_words(title: str) -> list[BrandWord]:
    found = []
    for word in words(title):
        terms = query_terms(word)
        if len(terms) != 1:  # codes that split into parts are left alone
            continue
        term = terms[0]
        pinyin = pinyin_keys(word)[0] if not word.isascii() else ""
        edits = 0 if pinyin else allowed_edits(len(word))
        if edits or (pinyin and len(word) >= MIN_CHINESE_WORD):
            found.append(BrandWord(term=term, max_edits=edits, pinyin=pinyin))
    return found


def brand_words() -> list[BrandWord]:
    """The words of every live brand's name, read once per catalogue version in each process."""
    version = catalogue_version()
    if _memo["version"] != version:
        titles = BrandPage.objects.live().values_list("title", flat=True)
        found = {word for title in titles for word in _brand_words(title)}
        _memo.update(version=version, words=sorted(found, key=lambda word: word.term))
    return _memo["words"]


def edit_distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it must exceed ``limit`` (returns ``limit + 1``
    then)."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + (char != other),
                )
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def brand_corrections(term: str) -> list[str]:
    """Brand words (index form) that ``term`` is a near miss of; empty when it is a brand word
    itself."""
    if len(term) < (MIN_LATIN_QUERY_WORD if term.isascii() else MIN_CHINESE_WORD):
        return []
    candidates = brand_words()
    if any(word.term == term for word in candidates):
        return []
    if term.isascii():
        return [
            word.term
            for word in candidates
            if word.max_edits and edit_distance(term, word.term, word.max_edits) <= word.max_edits
        ]
    pinyin = pinyin_keys(term)[0]
    return [word.term for word in candidates if word.pinyin and word.pinyin == pinyin]
