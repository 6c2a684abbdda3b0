"""Finding what a query matches: products, guides, help articles, exact codes.

The full-text work is done by Wagtail's search backend (SQLite FTS5 or PostgreSQL
full text) or, for products, by the Elasticsearch product index; this module only
turns the shopper's words into the form the index holds (core.text) and asks for
live objects. Views never talk to the backend.

A query is tried in steps, each one looser than the one before, and the first step
that finds something answers (most queries stop at the first):

1. every word, each one or a synonym of it (search.synonyms);
2. every bigram of the Chinese runs as typed: jieba may cut the query and the name
   differently, but the bigrams of a part of a name are always in it (core.text);
3. every Chinese character of the query, in order, few characters apart, in a product
   name: shortened forms such as 拉杆箱 for 拉杆行李箱 or 不粘锅 for 不粘炒锅;
4. some of the words (flagged partial), never a single Chinese character alone.

Then there is nothing, and the page says so.
"""

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, Value
from django.db.models.functions import Replace
from wagtail.search.backends import get_search_backend

from core.text import bigram_terms, chinese_runs, query_terms
from guides.models import GuidePage
from help_center.models import HelpArticlePage
from products.models import AttributeDefinition, Product, ProductAttributeValue, ProductVariant

from .elasticsearch import breaker
from .synonyms import expand_query, slots_query, some_words, synonym_slots

# Ranked product matches kept per query: facets and sorting work on these.
MAX_PRODUCT_MATCHES = 1000
CONTENT_RESULTS = 6
# Characters in order (step 3): at most this many others between two of the query's characters,
# and only for queries of a few characters (a long query in order is not a shortened name).
IN_ORDER_GAP = 3
IN_ORDER_LENGTHS = range(2, 9)
_CODE_NOISE = re.compile(r"[\s\-]")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/\-]*")
_ONLY_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\s]+")

WORDS, BIGRAMS, IN_ORDER, SOME_WORDS = "words", "bigrams", "in_order", "some_words"

logger = logging.getLogger(__name__)


def database_backend():
    """The database search backend: the default, or the fallback kept beside Elasticsearch."""
    return get_search_backend(
        "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    )


@dataclass
class Attempt:
    """One step of a search: these words, all of them (``"and"``) or any (``"or"``).

    ``slots`` are the words' alternatives (synonyms, brand corrections) when the step uses them.
    """

    step: str
    terms: list[str]
    operator: str = "and"
    slots: list | None = None


@dataclass
class ProductMatches:
    """Live product ids in relevance order; ``partial`` when only some of the words matched.

    ``elasticsearch`` says the cluster answered, so the facet counts may be asked of it too
    (after a failure the page stays on the database rather than waiting on the cluster twice);
    ``attempt`` is the step that found them, which the facet counts repeat.
    """

    ids: list[int]
    partial: bool = False
    elasticsearch: bool = False
    attempt: Attempt | None = field(default=None, compare=False)

    @property
    def operator(self) -> str:
        return "or" if self.partial else "and"


def product_attempts(query: str, terms: list[str]) -> list[Attempt]:
    """The steps for one query, strictest first (see the module docstring)."""
    slots = synonym_slots(terms)
    attempts = [Attempt(WORDS, terms, "and", slots)]
    bigrams = bigram_terms(query)
    if chinese_runs(query) and bigrams != terms:
        attempts.append(Attempt(BIGRAMS, bigrams))
    characters = "".join(chinese_runs(query))
    if _ONLY_CHINESE.fullmatch(query) and len(characters) in IN_ORDER_LENGTHS:
        attempts.append(Attempt(IN_ORDER, list(characters)))
    partial = some_words(slots)
    if len(terms) > 1 and partial:
        attempts.append(Attempt(SOME_WORDS, partial, "or"))
    return attempts


def match_products(query: str) -> ProductMatches:
    """Products for the query from the first step that finds any (partial when only some of the
    words matched)."""
    terms = query_terms(query)
    if not terms:
        return ProductMatches(ids=[])
    for attempt in product_attempts(query, terms):
        ids, from_elasticsearch = _attempt_ids(attempt)
        if ids:
            return ProductMatches(
                ids=ids,
                partial=attempt.step == SOME_WORDS,
                elasticsearch=from_elasticsearch,
                attempt=attempt,
            )
    return ProductMatches(ids=[])


def _attempt_ids(attempt: Attempt) -> tuple[list[int], bool]:
    """Ids for one step, and whether Elasticsearch found them (it is asked first when set up)."""
    if attempt.step == IN_ORDER:
        return names_in_order(attempt.terms), False
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from .elasticsearch.matching import search_product_ids

        found = search_product_ids(
            attempt.terms, MAX_PRODUCT_MATCHES, operator=attempt.operator, slots=attempt.slots
        )
        if (
            found is not None
        ):  # None: Elasticsearch is down (the breaker says so); use the database
            return found, True
    query = slots_query(attempt.slots or [[(term,)] for term in attempt.terms], attempt.terms)
    if attempt.operator == "or":
        query = " ".join(attempt.terms)
    results = database_backend().search(query, Product.objects.live(), operator=attempt.operator)
    return [product.pk for product in results[:MAX_PRODUCT_MATCHES]], False


def names_in_order(characters: list[str]) -> list[int]:
    """Live products whose name has these characters in this order, tightest match first.

    One regular expression over the names (SQLite's is Python's, PostgreSQL's its own):
    a scan, but only reached when the index found nothing.
    """
    pattern = f".{{0,{IN_ORDER_GAP}}}?".join(re.escape(character) for character in characters)
    # Both languages' names, whatever the language shown; the tighter match counts.
    rows = (
        Product.objects.live()
        .filter(Q(name_zh_hans__regex=pattern) | Q(name_en__regex=pattern))
        .values_list("pk", "name_zh_hans", "name_en")
    )
    compiled = re.compile(pattern)

    def tightness(row):
        pk, *names = row
        return min(
            (len(found.group()) if found else len(name), len(name), pk)
            for name in names
            if name
            for found in [compiled.search(name)]
        )

    return [row[0] for row in sorted(rows[:MAX_PRODUCT_MATCHES], key=tightness)]


def match_pages(model, query: str, limit: int = CONTENT_RESULTS) -> list:
    """Live, public pages of one type (guides or help articles) matching every word, best first;
    failing that, every bigram of the Chinese as typed."""
    terms = query_terms(query)
    if not terms:
        return []
    found = _search_pages(model, expand_query(terms), limit)
    bigrams = bigram_terms(query)
    if not found and chinese_runs(query) and bigrams != terms:
        found = _search_pages(model, " ".join(bigrams), limit)
    return found


def _search_pages(model, query, limit: int) -> list:
    """One page search on the default backend, or on the database one while Elasticsearch is
    down."""
    queryset = model.objects.live().public()
    with_fallback = "database" in settings.WAGTAILSEARCH_BACKENDS
    if with_fallback and breaker.is_open():
        return list(database_backend().search(query, queryset, operator="and")[:limit])
    try:
        return list(get_search_backend().search(query, queryset, operator="and")[:limit])
    except Exception as error:  # Elasticsearch unreachable or failing: the database answers
        if not with_fallback:  # the database backend was the one failing
            raise
        breaker.trip(
            error, "Page search failed on the default backend; using the database backend"
        )
        return list(database_backend().search(query, queryset, operator="and")[:limit])


def match_guides(query: str) -> list:
    return match_pages(GuidePage, query)


def match_help_articles(query: str) -> list:
    return match_pages(HelpArticlePage, query)


def exact_product(raw_query: str) -> Product | None:
    """The live product whose SKU, barcode or ISBN is exactly the query (spaces and hyphens ignored
    for codes)."""
    text = (raw_query or "").strip()[:64]
    compact = _CODE_NOISE.sub("", text)
    # Every SKU, barcode and ISBN has a digit; plain words skip the look-ups entirely.
    if not _CODE.fullmatch(compact) or not any(character.isdigit() for character in compact):
        return None
    live = Product.objects.live()
    # Exact matches on a few spellings use the unique SKU index (a case-insensitive
    # comparison would scan every variant).
    spellings = {form for code in (text, compact) for form in (code, code.upper(), code.lower())}
    variant = (
        ProductVariant.objects.filter(product__in=live)
        .filter(Q(sku__in=spellings) | Q(barcode__in=[compact], barcode__gt=""))
        .select_related("product")
        .first()
    )
    if variant is not None:
        return variant.product
    isbn = (
        ProductAttributeValue.objects.filter(
            product__in=live, attribute__validator=AttributeDefinition.Validator.ISBN
        )
        .filter(Q(value=text) | Q(value=compact))
        .select_related("product")
        .first()
    )
    if isbn is not None:
        return isbn.product
    return _isbn_by_digits(compact, live)


def _isbn_by_digits(compact: str, live) -> Product | None:
    """ISBNs stored with hyphens or spaces (978-7-…) still match a query typed without them."""
    if not re.fullmatch(r"\d{9}[\dXx]|\d{13}", compact):
        return None
    stored_compact = Replace(Replace("value", Value("-"), Value("")), Value(" "), Value(""))
    match = (
        ProductAttributeValue.objects.filter(
            product__in=live, attribute__validator=AttributeDefinition.Validator.ISBN
        )
        .annotate(compact=stored_compact)
        .filter(compact__iexact=compact)
        .select_related("product")
        .first()
    )
    return match.product if match is not None else None
