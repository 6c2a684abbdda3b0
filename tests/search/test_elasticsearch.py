"""The Elasticsearch path: index mapping, query bodies, facet counts, fallback, and live runs.

No cluster runs in CI, so the mapping and the bodies are compared as exact dicts;
the tests at the end talk to a real cluster only when ELASTICSEARCH_URL is set.
"""

import logging
import os
import uuid
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.http import QueryDict
from elasticsearch import ConnectionError as ESConnectionError

from products.listing import ListingFilters, _count_facets, filterable_attributes, parse_filters
from products.models import Product
from search import matching
from search.elasticsearch import client as es_client
from search.elasticsearch.documents import product_index, product_to_document, products_for_index
from search.elasticsearch.queries import build_product_query, parse_facet_counts
from search.text import query_terms

LIVE = pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"),
                          reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to run the live tests against")

PRICE_RANGES_BODY = [
    {"key": "r0", "to": 50.0},
    {"key": "r1", "from": 50.0, "to": 100.0},
    {"key": "r2", "from": 100.0, "to": 300.0},
    {"key": "r3", "from": 300.0, "to": 1000.0},
    {"key": "r4", "from": 1000.0, "to": 3000.0},
    {"key": "r5", "from": 3000.0},
]
TEXT_QUERY = {
    "bool": {
        "must": [{"match": {"text": {"query": "蓝牙 耳机", "operator": "and"}}}],
        "should": [
            {"match": {"pinyin": {"query": "蓝牙 耳机", "boost": 2}}},
            {"match": {"name.prefix": {"query": "蓝牙 耳机", "operator": "and", "boost": 3}}},
        ],
        "filter": [{"term": {"live": True}}],
    }
}


def _terms_agg(field, size=1000, **extra):
    return {"values": {"terms": {"field": field, "size": size, **extra}}}


def test_the_index_has_whitespace_text_pinyin_name_prefixes_and_keyword_facets():
    assert product_index("products-test").to_dict() == {
        "settings": {
            "number_of_shards": 1,
            "analysis": {
                "analyzer": {"name_prefix": {"type": "custom", "tokenizer": "whitespace",
                                             "filter": ["lowercase", "name_edge_ngram"]}},
                "filter": {"name_edge_ngram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}},
                "normalizer": {"code": {"type": "custom", "filter": ["lowercase"]}},
            },
        },
        "mappings": {
            "properties": {
                "text": {"type": "text", "analyzer": "whitespace"},
                "pinyin": {"type": "text", "analyzer": "whitespace"},
                "name": {"type": "text", "analyzer": "whitespace",
                         "fields": {"prefix": {"type": "text", "analyzer": "name_prefix",
                                               "search_analyzer": "whitespace"}}},
                "brand": {"type": "keyword"},
                "brand_id": {"type": "integer"},
                "categories": {"type": "keyword"},
                "primary_categories": {"type": "keyword"},
                "attributes": {"type": "keyword"},
                "price": {"type": "scaled_float", "scaling_factor": 100},
                "live": {"type": "boolean"},
                "skus": {"type": "keyword", "normalizer": "code"},
            }
        },
    }


def test_without_facets_the_query_counts_every_facet_over_all_matches():
    body = build_product_query(["蓝牙", "耳机"], ListingFilters(), {})
    everything = {"match_all": {}}
    assert body == {
        "query": TEXT_QUERY,
        "aggs": {
            "brands": {"filter": everything, "aggs": _terms_agg("brand_id")},
            "prices": {"filter": everything,
                       "aggs": {"values": {"range": {"field": "price", "ranges": PRICE_RANGES_BODY}}}},
            "categories": {"filter": everything, "aggs": _terms_agg("primary_categories", include="....")},
            "attributes": {"filter": everything, "aggs": _terms_agg("attributes", size=5000)},
        },
    }


def test_brand_and_price_filter_the_hits_and_every_other_facets_counts():
    filters = ListingFilters(brands=[SimpleNamespace(pk=7), SimpleNamespace(pk=3)],
                             price_min=Decimal("100.00"), price_max=Decimal("999.99"))
    brand = {"terms": {"brand_id": [3, 7]}}
    price = {"range": {"price": {"gte": 100.0, "lte": 999.99}}}
    body = build_product_query(["蓝牙", "耳机"], filters, {})
    assert body == {
        "query": TEXT_QUERY,
        "post_filter": {"bool": {"filter": [brand, price]}},
        "aggs": {
            "brands": {"filter": {"bool": {"filter": [price]}}, "aggs": _terms_agg("brand_id")},
            "prices": {"filter": {"bool": {"filter": [brand]}},
                       "aggs": {"values": {"range": {"field": "price", "ranges": PRICE_RANGES_BODY}}}},
            "categories": {"filter": {"bool": {"filter": [brand, price]}},
                           "aggs": _terms_agg("primary_categories", include="....")},
            "attributes": {"filter": {"bool": {"filter": [brand, price]}}, "aggs": _terms_agg("attributes", size=5000)},
        },
    }


def test_attribute_values_are_ored_within_the_attribute_and_counted_apart():
    filters = ListingFilters(category=SimpleNamespace(path="00010002"),
                             attributes={"colour": ["黑色", "白色"], "unknown": ["x"]})
    category = {"term": {"categories": "00010002"}}
    colour = {"terms": {"attributes": ["colour=黑色", "colour=白色"]}}
    body = build_product_query(["耳机"], filters, {"colour": object()}, operator="or")
    assert body["query"]["bool"]["must"] == [{"match": {"text": {"query": "耳机", "operator": "or"}}}]
    assert body["post_filter"] == {"bool": {"filter": [category, colour]}}
    assert body["aggs"]["categories"] == {"filter": {"bool": {"filter": [colour]}},
                                          "aggs": _terms_agg("primary_categories", include="00010002....")}
    assert body["aggs"]["attributes"] == {"filter": {"bool": {"filter": [category, colour]}},
                                          "aggs": _terms_agg("attributes", size=5000, exclude="(colour)=.*")}
    assert body["aggs"]["attribute:colour"] == {"filter": {"bool": {"filter": [category]}},
                                                "aggs": _terms_agg("attributes", include="colour=.*")}
    assert "attribute:unknown" not in body["aggs"]


def test_ranking_ids_alone_puts_the_facets_into_the_query_and_asks_for_no_counts():
    filters = ListingFilters(brands=[SimpleNamespace(pk=3)])
    body = build_product_query([], filters, {}, facets=False)
    assert body == {"query": {"bool": {"must": [{"match_all": {}}],
                                       "filter": [{"term": {"live": True}}, {"terms": {"brand_id": [3]}}]}}}


def test_facet_counts_are_read_back_in_the_listing_shape():
    def buckets(*pairs):
        return {"values": {"buckets": [{"key": key, "doc_count": count} for key, count in pairs]}}

    response = {
        "hits": {"hits": []},
        "aggregations": {
            "brands": {"doc_count": 9, **buckets((3, 5), (7, 4))},
            "prices": {"doc_count": 9, "values": {"buckets": [
                {"key": f"r{index_}", "doc_count": count} for index_, count in enumerate([1, 0, 2, 3, 3, 0])]}},
            "categories": {"doc_count": 9, **buckets(("00010001", 6), ("00010003", 3))},
            "attributes": {"doc_count": 9, **buckets(("storage=128", 1), ("storage=256", 2), ("size=a=b", 1))},
            "attribute:colour": {"doc_count": 12, **buckets(("colour=黑色", 5), ("colour=白色", 7))},
        },
    }
    assert parse_facet_counts(response) == {
        "brands": {3: 5, 7: 4},
        "prices": [1, 0, 2, 3, 3, 0],
        "categories": {"00010001": 6, "00010003": 3},
        "attributes": {"storage": {"128": 1, "256": 2}, "size": {"a=b": 1}, "colour": {"黑色": 5, "白色": 7}},
    }


@pytest.mark.django_db
def test_a_document_holds_segmented_text_pinyin_and_facet_keys(shop, django_assert_max_num_queries):
    product = shop.products["sony_xm5"]
    with django_assert_max_num_queries(8):
        loaded = list(products_for_index().filter(pk=product.pk))[0]
        document = product_to_document(loaded)
    data = document.to_dict()
    sku = product.variants.first().sku
    assert document.meta.id == product.pk
    assert {"蓝牙", "耳机", "无线", "索尼", "wh-1000xm5", "lanya", "erji", "headphon"} <= set(data["text"].split())
    assert data["pinyin"].split()[:2] == ["suoniwh1000xm5wuxianlanyajiangzaoerji", "snwh1000xm5wxlyjzej"]
    assert data["name"] == "索尼 wh-1000xm5 wh1000xm5 wh 1000xm5 1000 xm 5 无线 蓝牙 降噪 耳机"
    assert data["brand"] == "sony" and data["brand_id"] == product.brand_id
    headphones, digital = shop.categories["headphones"], shop.categories["digital"]
    assert data["primary_categories"] == [digital.path, headphones.path]
    assert data["categories"] == sorted([digital.path, headphones.path])
    assert data["attributes"] == ["colour=黑色"]
    assert data["price"] == 2499.0 and data["live"] is True and data["skus"] == [sku]


@pytest.mark.django_db
def test_indexing_a_batch_takes_the_same_queries_however_many_products(shop, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        products = list(products_for_index())
        documents = [product_to_document(product, by_path={c.path: c for c in shop.categories.values()})
                     for product in products]
    assert len(documents) == Product.objects.live().count()


class _DownCluster:
    def search(self, **kwargs):
        raise ESConnectionError("connection refused")


@pytest.mark.django_db
def test_search_falls_back_to_the_database_when_elasticsearch_is_down(shop, settings, monkeypatch, caplog):
    expected = matching.match_products("蓝牙耳机")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    monkeypatch.setattr(es_client, "get_client", lambda: _DownCluster())
    with caplog.at_level(logging.WARNING, logger="search.elasticsearch.matching"):
        found = matching.match_products("蓝牙耳机")
    assert found == expected and shop.products["sony_xm5"].pk in found.ids
    assert "using the database backend" in caplog.text


@pytest.mark.django_db
def test_an_unreachable_address_falls_back_without_raising(shop, settings):
    es_client._client_for.cache_clear()
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    assert shop.products["airpods"].pk in matching.match_products("airpods").ids
    es_client._client_for.cache_clear()


# Live tests: only with a cluster at ELASTICSEARCH_URL.

@pytest.fixture
def live_index(shop, settings):
    """The shop indexed into a throwaway alias, deleted afterwards."""
    from search.elasticsearch.indexing import create_index, index_products, swap_alias

    es_client._client_for.cache_clear()
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_PRODUCT_INDEX = alias = f"test-products-{uuid.uuid4().hex[:8]}"
    es = es_client.get_client()
    name = f"{alias}-1"
    create_index(es, name)
    index_products(es, name, batch_size=7, progress=lambda done, total: None)
    swap_alias(es, alias, name)
    yield es, alias
    es.indices.delete(index=name)
    es_client._client_for.cache_clear()


@LIVE
@pytest.mark.django_db
def test_live_chinese_words_find_longer_names(live_index, shop):
    found = matching.match_products("蓝牙耳机")
    assert shop.products["sony_xm5"].pk in found.ids
    assert shop.products["draft"].pk not in found.ids


@LIVE
@pytest.mark.django_db
def test_live_facet_counts_equal_the_database_counts(live_index, shop):
    es, alias = live_index
    filterable = filterable_attributes()
    brands = {brand.slug: brand for brand in shop.brands.values()}
    filters = parse_filters(QueryDict("brand=sony&brand=xiaomi&colour=黑色"), brands_by_slug=brands,
                            filterable=filterable)
    terms = query_terms("耳机")
    response = es.search(index=alias, size=100, **build_product_query(terms, filters, filterable))
    ids = matching.match_products("耳机").ids
    expected = _count_facets(Product.objects.live().filter(pk__in=ids), filters, filterable)
    assert parse_facet_counts(response) == expected
