"""Query bodies for the product index and reading facet counts back.

The listing's rules hold here too: AND across facets, OR within one facet, and
each facet counted with every *other* facet applied (disjunctive faceting). The
selected facets go into a ``post_filter`` so they narrow the hits but not the
aggregations; each aggregation re-applies the other facets in its own filter.
"""

from products.listing import PRICE_RANGES, ListingFilters
from products.models import Category

# Enough buckets for every brand, child category and attribute value a shop lists.
FACET_BUCKETS = 1000
ATTRIBUTE_BUCKETS = 5000
_LUCENE_REGEX_SPECIAL = set('.?+*|{}[]()"\\#@&<>~')


def _regex_literal(text: str) -> str:
    """Text matched literally inside a Lucene regular expression (aggregation include/exclude)."""
    return "".join(f"\\{char}" if char in _LUCENE_REGEX_SPECIAL else char for char in text)


def _price(amount) -> float:
    return float(amount)


def _text_match(words: list[str] | tuple[str, ...], operator: str) -> dict:
    return {"match": {"text": {"query": " ".join(words), "operator": operator}}}


def _required_text(query_terms: list[str], slots: list | None, operator: str) -> list[dict]:
    """The ``must`` clauses: the words themselves, or with synonyms one clause per slot
    (search.synonyms).

    A slot is satisfied by any of its alternatives, every alternative needing all its
    words; with ``"or"`` any word of the query or of its alternatives will do, as on
    the database backend (search.synonyms.expand_query).
    """
    if not slots or all(len(slot) == 1 for slot in slots):
        return [_text_match(query_terms, operator)]
    if operator == "or":
        return [
            _text_match(
                list(
                    dict.fromkeys(
                        word for slot in slots for alternative in slot for word in alternative
                    )
                ),
                "or",
            )
        ]
    clauses = []
    for slot in slots:
        matches = [_text_match(alternative, "and") for alternative in slot]
        clauses.append(
            matches[0]
            if len(matches) == 1
            else {"bool": {"should": matches, "minimum_should_match": 1}}
        )
    return clauses


def _text_query(query_terms: list[str], operator: str, slots: list | None = None) -> dict:
    """Every word (or an alternative of it) on the segmented text; pinyin and name prefixes only
    lift the ranking."""
    if not query_terms:
        return {"bool": {"must": [{"match_all": {}}], "filter": [{"term": {"live": True}}]}}
    text = " ".join(query_terms)
    return {
        "bool": {
            "must": _required_text(query_terms, slots, operator),
            "should": [
                {"match": {"pinyin": {"query": text, "boost": 2}}},
                {"match": {"name.prefix": {"query": text, "operator": "and", "boost": 3}}},
            ],
            "filter": [{"term": {"live": True}}],
        }
    }


def facet_clauses(filters: ListingFilters, filterable: dict) -> dict[str, dict]:
    """One clause per selected facet (named like products.listing's), so each count can leave its
    own out."""
    clauses: dict[str, dict] = {}
    if filters.category is not None:
        clauses["category"] = {"term": {"categories": filters.category.path}}
    if filters.brands:
        clauses["brand"] = {"terms": {"brand_id": sorted(brand.pk for brand in filters.brands)}}
    bounds = {}
    if filters.price_min is not None:
        bounds["gte"] = _price(filters.price_min)
    if filters.price_max is not None:
        bounds["lte"] = _price(filters.price_max)
    if bounds:
        clauses["price"] = {"range": {"price": bounds}}
    for code, values in filters.attributes.items():
        if code in filterable:
            clauses[f"attr:{code}"] = {
                "terms": {"attributes": [f"{code}={value}" for value in values]}
            }
    return clauses


def _all_but(clauses: dict[str, dict], leave_out: str | None = None) -> dict:
    kept = [clause for name, clause in clauses.items() if name != leave_out]
    return {"bool": {"filter": kept}} if kept else {"match_all": {}}


def _category_children_pattern(filters: ListingFilters) -> str:
    """Tree paths one level below the current category (or the top level): its path + one step."""
    prefix = _regex_literal(filters.category.path) if filters.category is not None else ""
    return prefix + "." * Category.steplen


def _aggregations(clauses: dict[str, dict], filters: ListingFilters) -> dict:
    price_ranges = []
    for index_, (low, high) in enumerate(PRICE_RANGES):
        bucket = {"key": f"r{index_}"}
        if low is not None:
            bucket["from"] = _price(low)
        if high is not None:
            bucket["to"] = _price(high)
        price_ranges.append(bucket)
    filtered_codes = [name.removeprefix("attr:") for name in clauses if name.startswith("attr:")]
    unfiltered_values = {"field": "attributes", "size": ATTRIBUTE_BUCKETS}
    if filtered_codes:
        unfiltered_values["exclude"] = (
            "(" + "|".join(_regex_literal(code) for code in filtered_codes) + ")=.*"
        )
    aggs = {
        "brands": {
            "filter": _all_but(clauses, "brand"),
            "aggs": {"values": {"terms": {"field": "brand_id", "size": FACET_BUCKETS}}},
        },
        "prices": {
            "filter": _all_but(clauses, "price"),
            "aggs": {"values": {"range": {"field": "price", "ranges": price_ranges}}},
        },
        "categories": {
            "filter": _all_but(clauses, "category"),
            "aggs": {
                "values": {
                    "terms": {
                        "field": "primary_categories",
                        "size": FACET_BUCKETS,
                        "include": _category_children_pattern(filters),
                    }
                }
            },
        },
        "attributes": {
            "filter": _all_but(clauses),
            "aggs": {"values": {"terms": unfiltered_values}},
        },
    }
    for code in filtered_codes:
        aggs[f"attribute:{code}"] = {
            "filter": _all_but(clauses, f"attr:{code}"),
            "aggs": {
                "values": {
                    "terms": {
                        "field": "attributes",
                        "size": FACET_BUCKETS,
                        "include": f"{_regex_literal(code)}=.*",
                    }
                }
            },
        }
    return aggs


def build_product_query(
    query_terms: list[str],
    filters: ListingFilters,
    filterable: dict,
    *,
    operator: str = "and",
    facets: bool = True,
    slots: list | None = None,
) -> dict:
    """The search body (``query``, ``post_filter``, ``aggs``) for words already prepared by
    core.text.

    ``slots`` are the words with their synonyms and brand corrections
    (search.synonyms.synonym_slots); without them only the words themselves count.
    With ``facets=False`` the selected facets filter the query itself and no counts
    are asked for: the cheaper body for ranking ids alone.
    """
    query = _text_query(query_terms, operator, slots)
    clauses = facet_clauses(filters, filterable)
    if not facets:
        query["bool"]["filter"] += list(clauses.values())
        return {"query": query}
    body = {"query": query, "aggs": _aggregations(clauses, filters)}
    if clauses:
        body["post_filter"] = _all_but(clauses)
    return body


def parse_facet_counts(response) -> dict:
    """The raw counts in products.listing._count_facets' shape, so the listing template works
    unchanged.

    ``{"brands": {brand pk: n}, "prices": [n per PRICE_RANGES bucket],
    "categories": {category path: n}, "attributes": {code: {value: n}}}``.
    """
    aggregations = response["aggregations"]
    price_buckets = {
        bucket["key"]: bucket["doc_count"]
        for bucket in aggregations["prices"]["values"]["buckets"]
    }
    attributes: dict[str, dict[str, int]] = {}
    for name, aggregation in aggregations.items():
        if name == "attributes" or name.startswith("attribute:"):
            for bucket in aggregation["values"]["buckets"]:
                code, _, value = bucket["key"].partition("=")
                attributes.setdefault(code, {})[value] = bucket["doc_count"]
    return {
        "brands": {
            int(bucket["key"]): bucket["doc_count"]
            for bucket in aggregations["brands"]["values"]["buckets"]
        },
        "prices": [price_buckets.get(f"r{index_}", 0) for index_ in range(len(PRICE_RANGES))],
        "categories": {
            bucket["key"]: bucket["doc_count"]
            for bucket in aggregations["categories"]["values"]["buckets"]
        },
        "attributes": attributes,
    }
