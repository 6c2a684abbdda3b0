"""Finding what a query matches: products, guides, help articles, exact codes.

The full-text work is done by Wagtail's search backend (SQLite FTS5 or PostgreSQL
full text); this module only turns the shopper's words into the form the index
holds (core.text) and asks for live objects. Views never talk to the backend.
"""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, Value
from django.db.models.functions import Replace
from wagtail.search.backends import get_search_backend

from guides.models import GuidePage
from help_center.models import HelpArticlePage
from products.models import AttributeDefinition, Product, ProductAttributeValue, ProductVariant

from .synonyms import expand_query, synonym_slots
from core.text import query_terms

# Ranked product matches kept per query: facets and sorting work on these.
MAX_PRODUCT_MATCHES = 1000
CONTENT_RESULTS = 6
_CODE_NOISE = re.compile(r"[\s\-]")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/\-]*")


logger = logging.getLogger(__name__)


def database_backend():
    """The database search backend: the default, or the fallback kept beside Elasticsearch."""
    return get_search_backend(
        "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    )


@dataclass
class ProductMatches:
    """Live product ids in relevance order; ``partial`` when only some of the words matched.

    ``elasticsearch`` says the cluster answered, so the facet counts may be asked of it too
    (after a failure the page stays on the database rather than waiting on the cluster twice).
    """

    ids: list[int]
    partial: bool = False
    elasticsearch: bool = False

    @property
    def operator(self) -> str:
        return "or" if self.partial else "and"


def match_products(query: str) -> ProductMatches:
    """Products with every word of the query (or a synonym of it); failing that, with any of them
    (flagged partial)."""
    terms = query_terms(query)
    if not terms:
        return ProductMatches(ids=[])
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from .elasticsearch.matching import search_product_ids

        found = search_product_ids(terms, MAX_PRODUCT_MATCHES, slots=synonym_slots(terms))
        if (
            found is not None
        ):  # None: Elasticsearch failed (already logged); the database answers instead
            return ProductMatches(ids=found[0], partial=found[1], elasticsearch=True)
    backend = database_backend()
    for operator in ("and", "or"):
        results = backend.search(
            expand_query(terms, operator), Product.objects.live(), operator=operator
        )
        ids = [product.pk for product in results[:MAX_PRODUCT_MATCHES]]
        if ids or len(terms) == 1:
            return ProductMatches(ids=ids, partial=operator == "or")
    return ProductMatches(ids=[])


def match_pages(model, query: str, limit: int = CONTENT_RESULTS) -> list:
    """Live, public pages of one type (guides or help articles) matching every word, best first."""
    terms = query_terms(query)
    if not terms:
        return []
    queryset = model.objects.live().public()
    try:
        return list(
            get_search_backend().search(expand_query(terms), queryset, operator="and")[:limit]
        )
    except Exception:  # Elasticsearch unreachable or failing: the database index answers instead
        if (
            "database" not in settings.WAGTAILSEARCH_BACKENDS
        ):  # the database backend was the one failing
            raise
        logger.warning(
            "Page search failed on the default backend; using the database backend.", exc_info=True
        )
        return list(
            database_backend().search(expand_query(terms), queryset, operator="and")[:limit]
        )


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
