"""The product document: what Elasticsearch holds for each live product.

Chinese is segmented by core.text before it reaches the index (the same words
the database backend gets), so the searched fields only split on whitespace.
Facet fields are keywords holding what the listing filters on: brand, category
paths, ``code=value`` pairs of filterable attributes and the price.
"""

from django.db.models import Prefetch
from elasticsearch.dsl import (
    Boolean,
    Document,
    Integer,
    Keyword,
    ScaledFloat,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

from core.bilingual import every_language
from core.text import pinyin_keys, pinyin_words, segment
from products.models import Category, Product, ProductAttributeValue
from products.models.catalogue import product_search_text

from .client import product_index_alias

# Prefixes of already segmented words: 蓝牙 → 蓝, 蓝牙; wireless → w, wi, … (a typed prefix
# finds the name).
name_prefix = analyzer(
    "name_prefix",
    tokenizer="whitespace",
    filter=["lowercase", token_filter("name_edge_ngram", "edge_ngram", min_gram=1, max_gram=20)],
)
code_normalizer = normalizer("code", filter=["lowercase"])


class ProductDocument(Document):
    """One live product; ``meta.id`` is the product's primary key."""

    text = Text(analyzer="whitespace")
    pinyin = Text(analyzer="whitespace")
    name = Text(
        analyzer="whitespace",
        fields={"prefix": Text(analyzer=name_prefix, search_analyzer="whitespace")},
    )
    brand = Keyword()
    brand_id = Integer()
    categories = Keyword()
    primary_categories = Keyword()
    attributes = Keyword()
    price = ScaledFloat(scaling_factor=100)
    live = Boolean()
    skus = Keyword(normalizer=code_normalizer)

    class Index:
        name = "products"
        settings = {"number_of_shards": 1}


def product_index(name: str | None = None):
    """The index definition (settings, analyzers, mapping) under a concrete name."""
    return ProductDocument._index.clone(name=name or product_index_alias())


def products_for_index():
    """Live products with everything a document needs, in a fixed number of queries per batch."""
    return (
        Product.objects.live()
        .select_related("brand", "primary_category")
        .prefetch_related(
            "extra_categories",
            "tags",
            "variants",
            Prefetch(
                "attribute_values",
                queryset=ProductAttributeValue.objects.select_related("attribute"),
            ),
        )
        .order_by("pk")
    )


def categories_by_path() -> dict[str, Category]:
    """Every category by its tree path, so ancestors are found without a query per product."""
    return {category.path: category for category in Category.objects.all()}


def _with_ancestors(category: Category, by_path: dict[str, Category]) -> list[Category]:
    """The category and everything above it, top first (paths grow by ``steplen`` per level)."""
    step = Category.steplen
    paths = [category.path[:end] for end in range(step, len(category.path) + 1, step)]
    return [by_path[path] for path in paths if path in by_path]


def _segmented_text(product: Product, categories: list[Category]) -> str:
    """The words the database index gets from ``Product.search_text``, from prefetched rows."""
    return product_search_text(product, categories)


def _codes(product: Product) -> list[str]:
    return [
        code
        for variant in product.variants.all()
        for code in (variant.sku, variant.barcode)
        if code
    ]


def _pinyin(product: Product) -> str:
    """Full pinyin, initials and per-word pinyin of the name: ``lanya``, ``ly`` and ``lanya erji``
    all hit."""
    name = product.name_zh_hans or product.name
    full, initials = pinyin_keys(name)
    return " ".join(part for part in (full, initials, pinyin_words(name)) if part)


def product_to_document(
    product: Product, by_path: dict[str, Category] | None = None
) -> ProductDocument:
    """The document for one product (use ``products_for_index`` and pass ``by_path`` when indexing
    many)."""
    if by_path is None:
        by_path = categories_by_path()
    primary = _with_ancestors(product.primary_category, by_path)
    extras = list(product.extra_categories.all())
    listed = list(primary)
    for extra in extras:
        listed += _with_ancestors(extra, by_path)
    return ProductDocument(
        meta={"id": product.pk},
        text=_segmented_text(product, primary + extras),
        pinyin=_pinyin(product),
        name=segment(" ".join(every_language(product, "name"))),
        brand=product.brand.slug if product.brand else None,
        brand_id=product.brand_id,
        categories=sorted({category.path for category in listed}),
        primary_categories=[category.path for category in primary],
        attributes=sorted(
            {
                f"{value.attribute.code}={value.value}"
                for value in product.attribute_values.all()
                if value.attribute.filterable
            }
        ),
        price=float(product.min_price),
        live=product.live,
        skus=_codes(product),
    )
