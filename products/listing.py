"""The product listing: filters from the query string, facet counts, sorting.

Facets combine with AND across facets and OR within one facet. Each facet's
counts are computed with every *other* facet applied, so a shopper sees how many
products each extra choice would add (disjunctive faceting). Bad values in the
address never raise: they are dropped and reported as notices.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from .cache import catalogue_version
from .models import AttributeDefinition, Category, Product, ProductAttributeValue
from .ranking import RANKING_DEPTH, best_sellers, ranked_first

PRICE_RANGES = [
    (None, Decimal("50")),
    (Decimal("50"), Decimal("100")),
    (Decimal("100"), Decimal("300")),
    (Decimal("300"), Decimal("1000")),
    (Decimal("1000"), Decimal("3000")),
    (Decimal("3000"), None),
]
SORTS = {
    "newest": ("-first_published_at", "-pk"),
    "price_asc": ("min_price", "pk"),
    "price_desc": ("-min_price", "-pk"),
    # The last 24 hours' ranking first (see best_selling below); these order the rest.
    "best_selling": ("-stats__sales_count", "-pk"),
    # Average of approved reviews (ProductStats, written by commerce's reviews); unrated last.
    "best_rated": (
        F("stats__rating").desc(nulls_last=True),
        F("stats__review_count").desc(nulls_last=True),
        "-pk",
    ),
}
DEFAULT_SORT = "newest"
RESERVED_PARAMS = {"category", "brand", "price_min", "price_max", "sort", "page", "q"}
MAX_PRICE = Decimal("99999999")
FACET_CACHE_SECONDS = 10 * 60


@dataclass
class ListingFilters:
    """What the shopper asked for, already checked; ``notices`` says what was ignored."""

    category: Category | None = None
    brands: list = field(default_factory=list)
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    attributes: dict = field(default_factory=dict)  # AttributeDefinition code -> list of values
    sort: str = DEFAULT_SORT
    notices: list = field(default_factory=list)


def _parse_price(raw: str | None, label: str, notices: list) -> Decimal | None:
    if raw in (None, ""):
        return None
    try:
        price = Decimal(raw)
    except InvalidOperation:
        notices.append(
            _("The %(label)s “%(value)s” is not a number and was ignored.")
            % {"label": label, "value": raw[:20]}
        )
        return None
    if not price.is_finite() or price < 0:
        notices.append(
            _("The %(label)s must be a positive amount and was ignored.") % {"label": label}
        )
        return None
    return min(price, MAX_PRICE).quantize(Decimal("0.01"))


def parse_filters(query, *, brands_by_slug: dict, filterable: dict) -> ListingFilters:
    """Turn a QueryDict into ListingFilters; unknown categories, brands and values are dropped."""
    filters = ListingFilters()
    category_slug = query.get("category")
    if category_slug:
        filters.category = Category.objects.filter(slug=category_slug).first()
        if filters.category is None:
            filters.notices.append(
                _("There is no category “%(value)s”; showing all products.")
                % {"value": category_slug[:40]}
            )
    for slug in query.getlist("brand"):
        if slug in brands_by_slug:
            filters.brands.append(brands_by_slug[slug])
        elif slug:
            filters.notices.append(
                _("There is no brand “%(value)s”; it was ignored.") % {"value": slug[:40]}
            )
    filters.price_min = _parse_price(query.get("price_min"), _("lowest price"), filters.notices)
    filters.price_max = _parse_price(query.get("price_max"), _("highest price"), filters.notices)
    if (
        filters.price_min is not None
        and filters.price_max is not None
        and filters.price_min > filters.price_max
    ):
        filters.price_min, filters.price_max = filters.price_max, filters.price_min
    for code in filterable:
        values = [value for value in query.getlist(code) if value]
        if values:
            filters.attributes[code] = values[:20]
    sort = query.get("sort") or DEFAULT_SORT
    filters.sort = sort if sort in SORTS else DEFAULT_SORT
    return filters


def _category_q(category: Category) -> Q:
    """Products whose primary or extra category is this category or below it."""
    subtree = Category.objects.filter(path__startswith=category.path).values("pk")
    return Q(primary_category__in=subtree) | Q(extra_categories__in=subtree)


def _clauses(filters: ListingFilters, filterable: dict) -> dict[str, Q]:
    """One Q per facet, so each facet's counts can leave out its own clause."""
    clauses: dict[str, Q] = {}
    if filters.category is not None:
        clauses["category"] = Q(
            pk__in=Product.objects.filter(_category_q(filters.category)).values("pk")
        )
    if filters.brands:
        clauses["brand"] = Q(brand__in=[brand.pk for brand in filters.brands])
    price = Q()
    if filters.price_min is not None:
        price &= Q(min_price__gte=filters.price_min)
    if filters.price_max is not None:
        price &= Q(min_price__lte=filters.price_max)
    if price:
        clauses["price"] = price
    for code, values in filters.attributes.items():
        matching = ProductAttributeValue.objects.filter(
            attribute_id__in=filterable[code].ids, value__in=values
        ).values("product_id")
        clauses[f"attr:{code}"] = Q(pk__in=matching)
    return clauses


def _apply(queryset, clauses: dict[str, Q], leave_out: str | None = None):
    for name, clause in clauses.items():
        if name != leave_out:
            queryset = queryset.filter(clause)
    return queryset


@dataclass
class FacetAttribute:
    """A filterable attribute code; product types that share the code share the facet."""

    definition: AttributeDefinition  # the first one, for its name and unit
    ids: list[int]
    # Every type's definition of the code: each has its own choices and their English labels.
    definitions: list[AttributeDefinition] = field(default_factory=list)

    def choice_label(self, value: str) -> str:
        """What a stored value reads in the active language, from the first definition that
        has it as a choice (a kitchen's 铸铁 and a bag's 尼龙 share the "material" facet)."""
        for definition in self.definitions or [self.definition]:
            if value in definition.choice_list():
                return definition.choice_label(value)
        return value

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def name(self) -> str:
        return self.definition.name

    @property
    def unit(self) -> str:
        return self.definition.unit


def filterable_attributes() -> dict[str, FacetAttribute]:
    """Filterable attributes by code, in the order of their product types and positions."""
    attributes: dict[str, FacetAttribute] = {}
    for definition in AttributeDefinition.objects.filter(filterable=True).order_by(
        "product_type_id", "sort_order"
    ):
        if definition.code in RESERVED_PARAMS:
            continue
        if definition.code in attributes:
            attributes[definition.code].ids.append(definition.pk)
            attributes[definition.code].definitions.append(definition)
        else:
            attributes[definition.code] = FacetAttribute(
                definition=definition, ids=[definition.pk], definitions=[definition]
            )
    return attributes


@dataclass(frozen=True)
class PriceRange:
    """A price bucket [low, high) and how many products fall in it."""

    low: Decimal | None
    high: Decimal | None
    count: int

    @property
    def max_param(self) -> Decimal | None:
        """The ``price_max`` that selects exactly this bucket (price_max is inclusive, the bucket
        is not)."""
        return None if self.high is None else self.high - Decimal("0.01")


@dataclass
class Facets:
    categories: list  # (Category, count)
    brands: list  # (BrandPage, count)
    price_ranges: list  # PriceRange
    attributes: list  # (AttributeDefinition, [(value, count)])


def compute_facets(
    base, filters: ListingFilters, filterable: dict, brands: list, *, cache_scope: str = ""
) -> Facets:
    """Counts for every facet value, each facet counted with the other facets applied.

    The counts are cached per filter state and catalogue version (see products.cache);
    ``cache_scope`` names a narrower ``base`` (e.g. a search query's matches) so that
    its counts are cached apart. The objects the counts are shown with (brands,
    categories, attributes) are always fresh.
    """
    key = f"facets:{catalogue_version()}:{cache_scope}:{_filters_key(filters)}"
    counts = cache.get(key)
    if counts is None:
        counts = _count_facets(base, filters, filterable)
        cache.set(key, counts, timeout=FACET_CACHE_SECONDS)
    return facets_from_counts(counts, filters, filterable, brands)


def facets_from_counts(
    counts: dict, filters: ListingFilters, filterable: dict, brands: list
) -> Facets:
    """Raw counts as the facets the listing template shows, zero counts left out.

    Shared with search, whose counts may come from Elasticsearch aggregations.
    """
    brand_facet = [
        (brand, counts["brands"][brand.pk]) for brand in brands if counts["brands"].get(brand.pk)
    ]
    price_facet = [
        PriceRange(low, high, counts["prices"][i])
        for i, (low, high) in enumerate(PRICE_RANGES)
        if counts["prices"][i]
    ]
    children = list(
        filters.category.get_children() if filters.category else Category.get_root_nodes()
    )
    category_facet = [
        (child, counts["categories"][child.path])
        for child in children
        if counts["categories"].get(child.path)
    ]
    attribute_facet = [
        (attribute, _facet_values(attribute, counts["attributes"][code]))
        for code, attribute in filterable.items()
        if counts["attributes"].get(code)
    ]
    return Facets(
        categories=category_facet,
        brands=brand_facet,
        price_ranges=price_facet,
        attributes=attribute_facet,
    )


def _facet_values(attribute: FacetAttribute, counts: dict[str, int]) -> list[tuple[str, str, int]]:
    """(value, label, count) in a natural order: numbers by size, yes before no, text
    alphabetically by what it reads."""
    Kind = AttributeDefinition.Kind
    definition = attribute.definition
    if definition.kind == Kind.NUMBER:

        def order(value):
            try:
                return (0, Decimal(value), value)
            except InvalidOperation:
                return (1, Decimal(0), value)
    elif definition.kind == Kind.BOOLEAN:

        def order(value):
            return (value != "yes", value)
    else:

        def order(value):
            return attribute.choice_label(value)

    if definition.kind == Kind.BOOLEAN:
        labels = {"yes": _("Yes"), "no": _("No")}
    else:  # a choice reads in the language shown; the address keeps the stored value
        labels = {value: attribute.choice_label(value) for value in counts}
    return [
        (value, labels.get(value, value), counts[value]) for value in sorted(counts, key=order)
    ]


def _filters_key(filters: ListingFilters) -> str:
    """A stable digest of what the facets depend on."""
    state = repr(
        (
            filters.category.pk if filters.category else None,
            sorted(brand.pk for brand in filters.brands),
            str(filters.price_min),
            str(filters.price_max),
            sorted((code, sorted(values)) for code, values in filters.attributes.items()),
        )
    )
    return hashlib.sha256(state.encode()).hexdigest()[:32]


def _count_facets(base, filters: ListingFilters, filterable: dict) -> dict:
    """The raw counts: brand pk, price-range index, category path and attribute value →
    products."""
    clauses = _clauses(filters, filterable)

    in_brand_scope = _apply(base, clauses, leave_out="brand")
    brands = dict(
        in_brand_scope.filter(brand__isnull=False)
        .values_list("brand")
        .annotate(n=Count("pk"))
        .order_by()
    )

    price_aggregates = {}
    for index_, (low, high) in enumerate(PRICE_RANGES):
        condition = Q()
        if low is not None:
            condition &= Q(min_price__gte=low)
        if high is not None:
            condition &= Q(min_price__lt=high)
        price_aggregates[f"r{index_}"] = Count("pk", filter=condition)
    price_counts = _apply(base, clauses, leave_out="price").aggregate(**price_aggregates)

    return {
        "brands": brands,
        "prices": [price_counts[f"r{i}"] for i in range(len(PRICE_RANGES))],
        "categories": _category_counts(
            _apply(base, clauses, leave_out="category"), filters.category
        ),
        "attributes": _attribute_counts(base, clauses, filters, filterable),
    }


def _attribute_counts(
    base, clauses: dict[str, Q], filters: ListingFilters, filterable: dict
) -> dict:
    """Value counts for every filterable attribute.

    Attributes the shopper has not filtered on share one scope (all clauses), so one
    grouped query counts them all; each filtered attribute is counted without its own
    clause. A product has each value at most once, so rows count products.
    """
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    code_by_id = {pk: code for code, attribute in filterable.items() for pk in attribute.ids}
    unfiltered_ids = [
        pk
        for code, attribute in filterable.items()
        if code not in filters.attributes
        for pk in attribute.ids
    ]
    groups = [(unfiltered_ids, _apply(base, clauses))] if unfiltered_ids else []
    groups += [
        (filterable[code].ids, _apply(base, clauses, leave_out=f"attr:{code}"))
        for code in filters.attributes
    ]
    for ids, scope in groups:
        rows = (
            ProductAttributeValue.objects.filter(
                attribute_id__in=ids, product__in=scope.values("pk")
            )
            .values_list("attribute_id", "value")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for attribute_id, value, count in rows:
            code = code_by_id[attribute_id]
            counts[code][value] = counts[code].get(value, 0) + count
    return dict(counts)


def _category_counts(scope, current: Category | None) -> dict[str, int]:
    """Counts for the children of the current category (or the top level), subtrees included."""
    children = list(current.get_children() if current else Category.get_root_nodes())
    if not children:
        return {}
    rows = scope.values_list("primary_category__path").annotate(n=Count("pk")).order_by()
    counts: dict[str, int] = defaultdict(int)
    for path, count in rows:
        for child in children:
            if path and path.startswith(child.path):
                counts[child.path] += count
                break
    return dict(counts)


def filtered_products(base, filters: ListingFilters, filterable: dict):
    """The matching products, sorted."""
    products = _apply(base, _clauses(filters, filterable))
    if filters.sort == "best_selling":
        return best_selling(products, filters.category)
    return products.order_by(*SORTS[filters.sort])


def best_selling(products, category: Category | None):
    """Most units sold in the last 24 hours first, then the rest by all-time units sold.

    The ranking is the registered best-sellers ranking (``products.ranking``) (of the category
    shown, so its whole top ``RANKING_DEPTH`` can appear); the listing stays one
    query, ordered by a CASE over the ranked ids.
    """
    ranking = best_sellers(category=category, limit=RANKING_DEPTH)
    return ranked_first(products, ranking, *SORTS["best_selling"])
