"""Widening a query with the merchandisers' synonym groups.

A query word that belongs to a group is replaced by "any of the group's terms",
while the query's words stay all required: ``手机 壳`` with the group ``手机,
mobile phone`` becomes ``(手机 OR (mobile AND phone)) AND 壳``. Wagtail's database
backends (SQLite FTS5 and PostgreSQL) and its Elasticsearch backend all take such
a query as one ``And``/``Or`` tree, so the union is ranked once by the backend
instead of being stitched together from several searches.

Terms go through core.text exactly like the query does, so a group matches
the query in the form the index holds (stemmed, Chinese segmented). A Chinese
term that jieba cuts into single characters (凉拖 → 凉, 拖) is looked for by its
bigrams instead (凉拖), which only a text with the term as written holds. The
groups are read once per version and kept in the cache; saving or deleting a
group bumps the version.
"""

from django.core.cache import cache
from wagtail.search.query import And, Or, PlainText

from core.cache import CacheVersion
from core.text import bigram_terms, is_single_character_word, query_terms

from .brands import brand_corrections
from .models import SynonymGroup

CACHE_SECONDS = 24 * 60 * 60
# A phrase longer than this many words is not looked for inside a query.
MAX_TERM_WORDS = 6

Alternative = tuple[str, ...]
# A group's term: the words a query has when it contains the term, and the words to look for.
Term = tuple[Alternative, Alternative]


_version = CacheVersion("search:synonyms:version")


def synonyms_version() -> int:
    return _version.current()


def bump_synonyms_version() -> None:
    """Make every process read the groups again, now and once the change is committed."""
    _version.bump()


def _term(text: str) -> Term:
    """A term as a query holds it and as it is looked for (see the module docstring)."""
    words = tuple(query_terms(text))
    if any(is_single_character_word(word) for word in words):
        return words, tuple(bigram_terms(text))
    return words, words


def _load_groups() -> list[list[Term]]:
    groups = []
    for group in SynonymGroup.objects.order_by("pk"):
        terms = list(dict.fromkeys(_term(text) for text in group.term_list()))
        terms = [term for term in terms if 0 < len(term[0]) <= MAX_TERM_WORDS and term[1]]
        if len(terms) > 1:
            groups.append(terms)
    return groups


def synonym_groups() -> list[list[Term]]:
    """Every group as its terms (query form, searched form), for the current version."""
    key = f"search:synonyms:{synonyms_version()}"
    groups = cache.get(key)
    if groups is None:
        groups = _load_groups()
        cache.set(key, groups, timeout=CACHE_SECONDS)
    return groups


def _group_by_alternative(groups: list[list[Term]]) -> dict[Alternative, list[Alternative]]:
    """Each term (query form) to all the terms it stands for (searched form); a term in two
    groups stands for both groups' terms."""
    lookup: dict[Alternative, list[Alternative]] = {}
    for terms in groups:
        searched = [search for _words, search in terms]
        for words, _search in terms:
            merged = lookup.setdefault(words, [])
            merged.extend(other for other in searched if other not in merged)
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
    return slots_query(synonym_slots(terms), terms, operator)


def slots_query(slots: list[list[Alternative]], terms: list[str], operator: str = "and"):
    """The Wagtail query for slots already worked out (see ``expand_query``)."""
    if all(len(slot) == 1 for slot in slots):
        return " ".join(terms)
    if operator == "or":
        words = dict.fromkeys(
            word for slot in slots for alternative in slot for word in alternative
        )
        return PlainText(" ".join(words), operator="or")
    queries = [_slot_query(slot) for slot in slots]
    return queries[0] if len(queries) == 1 else And(queries)


def some_words(slots: list[list[Alternative]]) -> list[str]:
    """The words a "some of the words" search may match on: every word of every alternative,
    except single Chinese characters.

    On its own 不 (of 不存在) or 款 matches half the catalogue (不粘, 不锈钢), so a shopper
    whose query matched nothing would be shown a page of unrelated products.
    """
    words = (word for slot in slots for alternative in slot for word in alternative)
    return list(dict.fromkeys(word for word in words if not is_single_character_word(word)))
