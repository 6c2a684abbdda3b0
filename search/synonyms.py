"""Widening a query with the merchandisers' synonym groups.

A query word that belongs to a group is replaced by "any of the group's terms",
while the query's words stay all required: ``手机 壳`` with the group ``手机,
mobile phone`` becomes ``(手机 OR (mobile AND phone)) AND 壳``. Wagtail's database
backends (SQLite FTS5 and PostgreSQL) and its Elasticsearch backend all take such
a query as one ``And``/``Or`` tree, so the union is ranked once by the backend
instead of being stitched together from several searches.

Terms go through core.text exactly like the query does, so a group matches
the query in the form the index holds (stemmed, Chinese segmented). The groups
are read once per version and kept in the cache; saving or deleting a group
bumps the version.
"""

from django.core.cache import cache
from wagtail.search.query import And, Or, PlainText

from core.cache import CacheVersion
from core.text import query_terms

from .brands import brand_corrections
from .models import SynonymGroup

CACHE_SECONDS = 24 * 60 * 60
# A phrase longer than this many words is not looked for inside a query.
MAX_TERM_WORDS = 6

Alternative = tuple[str, ...]


_version = CacheVersion("search:synonyms:version")


def synonyms_version() -> int:
    return _version.current()


def bump_synonyms_version() -> None:
    """Make every process read the groups again, now and once the change is committed."""
    _version.bump()


def _load_groups() -> list[list[Alternative]]:
    groups = []
    for group in SynonymGroup.objects.order_by("pk"):
        alternatives = list(dict.fromkeys(tuple(query_terms(term)) for term in group.term_list()))
        alternatives = [
            alternative for alternative in alternatives if 0 < len(alternative) <= MAX_TERM_WORDS
        ]
        if len(alternatives) > 1:
            groups.append(alternatives)
    return groups


def synonym_groups() -> list[list[Alternative]]:
    """Every group as its terms in query form, for the current version."""
    key = f"search:synonyms:{synonyms_version()}"
    groups = cache.get(key)
    if groups is None:
        groups = _load_groups()
        cache.set(key, groups, timeout=CACHE_SECONDS)
    return groups


def _group_by_alternative(groups: list[list[Alternative]]) -> dict[Alternative, list[Alternative]]:
    """Each term to all the terms it stands for; a term in two groups stands for both groups'
    terms."""
    lookup: dict[Alternative, list[Alternative]] = {}
    for alternatives in groups:
        for alternative in alternatives:
            merged = lookup.setdefault(alternative, [])
            merged.extend(other for other in alternatives if other not in merged)
    return lookup


def _slots(terms: list[str], lookup: dict) -> list[list[Alternative]]:
    """The query cut into slots: a synonym term (longest first) with its alternatives, or a single
    word."""
    slots, position = [], 0
    while position < len(terms):
        for length in range(min(MAX_TERM_WORDS, len(terms) - position), 0, -1):
            span = tuple(terms[position : position + length])
            if span in lookup:
                slots.append(lookup[span])
                position += length
                break
        else:
            slots.append([(terms[position],)])
            position += 1
    return slots


def _slot_query(alternatives: list[Alternative]):
    queries = [PlainText(" ".join(alternative), operator="and") for alternative in alternatives]
    return queries[0] if len(queries) == 1 else Or(queries)


def synonym_slots(terms: list[str]) -> list[list[Alternative]]:
    """The query as slots of alternatives, for any backend: ``[[("手机",), ("mobil", "phone")],
    [("case",)]]``.

    Every slot is required; one alternative of a slot is enough. Near misses of
    brand names count as alternatives too (search.brands).
    """
    lookup = _group_by_alternative(synonym_groups()) if terms else {}
    slots = _slots(terms, lookup) if lookup else [[(term,)] for term in terms]
    return [_with_brand_corrections(slot) for slot in slots]


def _with_brand_corrections(slot: list[Alternative]) -> list[Alternative]:
    """A lone word that nearly spells a brand (``sonni``, ``花为``) also stands for the brand
    (search.brands)."""
    if len(slot) != 1 or len(slot[0]) != 1:
        return slot
    return [*slot, *((term,) for term in brand_corrections(slot[0][0]))]


def expand_query(terms: list[str], operator: str = "and"):
    """What to give the Wagtail search backend for these query terms: a string when no synonym
    applies.

    With ``operator="and"`` every slot is required and a slot matches any of its
    alternatives; with ``"or"`` any word of the query or of its synonyms will do.
    """
    slots = synonym_slots(terms)
    if all(len(slot) == 1 for slot in slots):
        return " ".join(terms)
    if operator == "or":
        words = dict.fromkeys(
            word for slot in slots for alternative in slot for word in alternative
        )
        return PlainText(" ".join(words), operator="or")
    queries = [_slot_query(slot) for slot in slots]
    return queries[0] if len(queries) == 1 else And(queries)
