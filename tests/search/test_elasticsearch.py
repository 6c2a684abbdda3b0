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

from core.text import query_terms
from products.listing import ListingFilters, _count_facets, filterable_attributes, parse_filters
from products.models import Product
from search import matching
from search.elasticsearch import client as es_client
from search.elasticsearch.documents import product_index, product_to_document, products_for_index
from search.elasticsearch.queries import build_product_query, parse_facet_counts

LIVE = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to run the live tests against",
)

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
                "analyzer": {
                    "name_prefix": {
                        "type": "custom",
                        "tokenizer": "whitespace",
                        "filter": ["lowercase", "name_edge_ngram"],
                    }
                },
                "filter": {
                    "name_edge_ngram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}
                },
                "normalizer": {"code": {"type": "custom", "filter": ["lowercase"]}},
            },
        },
        "mappings": {
            "properties": {
                "text": {"type": "text", "analyzer": "whitespace"},
                "pinyin": {"type": "text", "analyzer": "whitespace"},
                "name": {
                    "type": "text",
                    "analyzer": "whitespace",
                    "fields": {
                        "prefix": {
                            "type": "text",
                            "analyzer": "name_prefix",
                            "search_analyzer": "whitespace",
                        }
                    },
                },
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
            "prices": {
                "filter": everything,
                "aggs": {"values": {"range": {"field": "price", "ranges": PRICE_RANGES_BODY}}},
            },
            "categories": {
                "filter": everything,
                "aggs": _terms_agg("primary_categories", include="...."),
            },
            "attributes": {"filter": everything, "aggs": _terms_agg("attributes", size=5000)},
        },
    }


def test_brand_and_price_filter_the_hits_and_every_other_facets_counts():
    filters = ListingFilters(
        brands=[SimpleNamespace(pk=7), SimpleNamespace(pk=3)],
        price_min=Decimal("100.00"),
        price_max=Decimal("999.99"),
    )
    brand = {"terms": {"brand_id": [3, 7]}}
    price = {"range": {"price": {"gte": 100.0, "lte": 999.99}}}
    body = build_product_query(["蓝牙", "耳机"], filters, {})
    assert body == {
        "query": TEXT_QUERY,
        "post_filter": {"bool": {"filter": [brand, price]}},
        "aggs": {
            "brands": {"filter": {"bool": {"filter": [price]}}, "aggs": _terms_agg("brand_id")},
            "prices": {
                "filter": {"bool": {"filter": [brand]}},
                "aggs": {"values": {"range": {"field": "price", "ranges": PRICE_RANGES_BODY}}},
            },
            "categories": {
                "filter": {"bool": {"filter": [brand, price]}},
                "aggs": _terms_agg("primary_categories", include="...."),
            },
            "attributes": {
                "filter": {"bool": {"filter": [brand, price]}},
                "aggs": _terms_agg("attributes", size=5000),
            },
        },
    }


def test_attribute_values_are_ored_within_the_attribute_and_counted_apart():
    filters = ListingFilters(
        category=SimpleNamespace(path="00010002"),
        attributes={"colour": ["黑色", "白色"], "unknown": ["x"]},
    )
    category = {"term": {"categories": "00010002"}}
    colour = {"terms": {"attributes": ["colour=黑色", "colour=白色"]}}
    body = build_product_query(["耳机"], filters, {"colour": object()}, operator="or")
    assert body["query"]["bool"]["must"] == [
        {"match": {"text": {"query": "耳机", "operator": "or"}}}
    ]
    assert body["post_filter"] == {"bool": {"filter": [category, colour]}}
    assert body["aggs"]["categories"] == {
        "filter": {"bool": {"filter": [colour]}},
        "aggs": _terms_agg("primary_categories", include="00010002...."),
    }
    assert body["aggs"]["attributes"] == {
        "filter": {"bool": {"filter": [category, colour]}},
        "aggs": _terms_agg("attributes", size=5000, exclude="(colour)=.*"),
    }
    assert body["aggs"]["attribute:colour"] == {
        "filter": {"bool": {"filter": [category]}},
        "aggs": _terms_agg("attributes", include="colour=.*"),
    }
    assert "attribute:unknown" not in body["aggs"]


def test_ranking_ids_alone_puts_the_facets_into_the_query_and_asks_for_no_counts():
    filters = ListingFilters(brands=[SimpleNamespace(pk=3)])
    body = build_product_query([], filters, {}, facets=False)
    assert body == {
        "query": {
            "bool": {
                "must": [{"match_all": {}}],
                "filter": [{"term": {"live": True}}, {"terms": {"brand_id": [3]}}],
            }
        }
    }


def test_facet_counts_are_read_back_in_the_listing_shape():
    def buckets(*pairs):
        return {"values": {"buckets": [{"key": key, "doc_count": count} for key, count in pairs]}}

    response = {
        "hits": {"hits": []},
        "aggregations": {
            "brands": {"doc_count": 9, **buckets((3, 5), (7, 4))},
            "prices": {
                "doc_count": 9,
                "values": {
                    "buckets": [
                        {"key": f"r{index_}", "doc_count": count}
                        for index_, count in enumerate([1, 0, 2, 3, 3, 0])
                    ]
                },
            },
            "categories": {"doc_count": 9, **buckets(("00010001", 6), ("00010003", 3))},
            "attributes": {
                "doc_count": 9,
                **buckets(("storage=128", 1), ("storage=256", 2), ("size=a=b", 1)),
            },
            "attribute:colour": {
                "doc_count": 12,
                **buckets(("colour=黑色", 5), ("colour=白色", 7)),
            },
        },
    }
    assert parse_facet_counts(response) == {
        "brands": {3: 5, 7: 4},
        "prices": [1, 0, 2, 3, 3, 0],
        "categories": {"00010001": 6, "00010003": 3},
        "attributes": {
            "storage": {"128": 1, "256": 2},
            "size": {"a=b": 1},
            "colour": {"黑色": 5, "白色": 7},
        },
    }


@pytest.mark.django_db
def test_a_document_holds_segmented_text_pinyin_and_facet_keys(
    shop, django_assert_max_num_queries
):
    product = shop.products["sony_xm5"]
    with django_assert_max_num_queries(8):
        loaded = list(products_for_index().filter(pk=product.pk))[0]
        document = product_to_document(loaded)
    data = document.to_dict()
    sku = product.variants.first().sku
    assert document.meta.id == product.pk
    assert {"蓝牙", "耳机", "无线", "索尼", "wh-1000xm5", "lanya", "erji", "headphon"} <= set(
        data["text"].split()
    )
    assert data["pinyin"].split()[:2] == [
        "suoniwh1000xm5wuxianlanyajiangzaoerji",
        "snwh1000xm5wxlyjzej",
    ]
    words = ["索尼", "wh-1000xm5", "wh1000xm5", "wh", "1000xm5", "1000", "xm", "5"]
    words += ["无线", "蓝牙", "降噪", "耳机"]
    name = data["name"].split()
    assert [word for word in name if word in words] == words
    assert {"线蓝", "牙降", "噪耳", "索", "降"} <= set(name)  # bigrams and characters as well
    assert data["brand"] == "sony" and data["brand_id"] == product.brand_id
    headphones, digital = shop.categories["headphones"], shop.categories["digital"]
    assert data["primary_categories"] == [digital.path, headphones.path]
    assert data["categories"] == sorted([digital.path, headphones.path])
    assert data["attributes"] == ["colour=黑色"]
    assert data["price"] == 2499.0 and data["live"] is True and data["skus"] == [sku]


@pytest.mark.django_db
def test_indexing_a_batch_takes_the_same_queries_however_many_products(
    shop, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        products = list(products_for_index())
        documents = [
            product_to_document(product, by_path={c.path: c for c in shop.categories.values()})
            for product in products
        ]
    assert len(documents) == Product.objects.live().count()


class _DownCluster:
    def search(self, **kwargs):
        raise ESConnectionError("connection refused")


@pytest.mark.django_db
def test_search_falls_back_to_the_database_when_elasticsearch_is_down(
    shop, settings, monkeypatch, caplog
):
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
    filters = parse_filters(
        QueryDict("brand=sony&brand=xiaomi&colour=黑色"),
        brands_by_slug=brands,
        filterable=filterable,
    )
    terms = query_terms("耳机")
    response = es.search(index=alias, size=100, **build_product_query(terms, filters, filterable))
    ids = matching.match_products("耳机").ids
    expected = _count_facets(Product.objects.live().filter(pk__in=ids), filters, filterable)
    assert parse_facet_counts(response) == expected


# Synonyms and brand corrections reach the Elasticsearch query too.


def test_synonym_slots_become_one_required_clause_per_slot():
    slots = [[("手机",), ("mobil", "phone")], [("壳",)]]

    body = build_product_query(["手机", "壳"], ListingFilters(), {}, facets=False, slots=slots)

    assert body["query"]["bool"]["must"] == [
        {
            "bool": {
                "should": [
                    {"match": {"text": {"query": "手机", "operator": "and"}}},
                    {"match": {"text": {"query": "mobil phone", "operator": "and"}}},
                ],
                "minimum_should_match": 1,
            }
        },
        {"match": {"text": {"query": "壳", "operator": "and"}}},
    ]


def test_with_any_word_the_synonyms_words_join_the_query():
    slots = [[("花为",), ("华为",)], [("手机",)]]

    body = build_product_query(
        ["花为", "手机"], ListingFilters(), {}, operator="or", facets=False, slots=slots
    )

    assert body["query"]["bool"]["must"] == [
        {"match": {"text": {"query": "花为 华为 手机", "operator": "or"}}}
    ]


def test_slots_without_alternatives_give_the_plain_query():
    body = build_product_query(
        ["蓝牙", "耳机"], ListingFilters(), {}, slots=[[("蓝牙",)], [("耳机",)]]
    )

    assert body["query"] == TEXT_QUERY


# Keeping the product index in step: publish, unpublish, delete.


@pytest.fixture
def es_on(settings, monkeypatch):
    """Elasticsearch switched on, with a client recording bulk actions instead of sending them."""
    from search.elasticsearch import indexing

    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    settings.ELASTICSEARCH_PRODUCT_INDEX = "products"
    sent = []
    monkeypatch.setattr(es_client, "get_client", lambda: object())
    monkeypatch.setattr(
        indexing, "bulk", lambda es, actions, **kwargs: sent.append((list(actions), kwargs))
    )
    return sent


def _document_action(product) -> dict:
    from search.elasticsearch.indexing import _action

    loaded = products_for_index().get(pk=product.pk)
    return _action(product_to_document(loaded), "products")


@pytest.mark.django_db
def test_sync_indexes_live_products_and_deletes_the_others(shop):
    from search.elasticsearch.indexing import sync_actions

    live, draft = shop.products["airpods"], shop.products["draft"]

    actions = sync_actions([live.pk, draft.pk, 999999, live.pk], "products")

    assert actions == [
        _document_action(live),
        {"_op_type": "delete", "_index": "products", "_id": draft.pk},
        {"_op_type": "delete", "_index": "products", "_id": 999999},
    ]
    assert actions[0]["_index"] == "products" and actions[0]["_id"] == live.pk


@pytest.mark.django_db
def test_publishing_indexes_the_product_after_the_commit(
    shop, es_on, django_capture_on_commit_callbacks
):
    product = shop.products["draft"]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        product.save_revision().publish()
        assert es_on == []  # nothing is sent before the commit
    for callback in callbacks:
        callback()

    assert es_on == [([_document_action(product)], {"ignore_status": (404,)})]


@pytest.mark.django_db
def test_unpublishing_removes_the_product_from_the_index_and_the_suggestions(
    client, shop, es_on, django_capture_on_commit_callbacks
):
    product = shop.products["speaker"]
    assert product.name in _suggested(client, "小米")

    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()

    assert es_on == [
        (
            [{"_op_type": "delete", "_index": "products", "_id": product.pk}],
            {"ignore_status": (404,)},
        )
    ]
    assert product.name not in _suggested(client, "小米")


@pytest.mark.django_db
def test_deleting_removes_the_product_from_the_index_and_the_suggestions(
    client, shop, es_on, django_capture_on_commit_callbacks
):
    product = shop.products["speaker"]
    product_pk = product.pk
    assert product.name in _suggested(client, "小米")

    with django_capture_on_commit_callbacks(execute=True):
        product.delete()

    assert es_on == [
        (
            [{"_op_type": "delete", "_index": "products", "_id": product_pk}],
            {"ignore_status": (404,)},
        )
    ]
    assert "小米 蓝牙音箱 便携防水" not in _suggested(client, "小米")


@pytest.mark.django_db
def test_without_elasticsearch_nothing_is_sent(
    shop, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    monkeypatch.setattr(
        es_client,
        "get_client",
        lambda: pytest.fail("the product index task ran without a cluster"),
    )

    with django_capture_on_commit_callbacks(execute=True):
        shop.products["speaker"].unpublish()
        shop.products["draft"].save_revision().publish()
        shop.products["wired"].delete()


@pytest.mark.django_db
def test_a_cluster_that_is_down_never_breaks_unpublishing(
    client, shop, settings, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from search.elasticsearch import indexing

    def refuse(es, actions, **kwargs):
        raise ESConnectionError("connection refused")

    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    monkeypatch.setattr(es_client, "get_client", lambda: object())
    monkeypatch.setattr(indexing, "bulk", refuse)
    product = shop.products["speaker"]

    with (
        caplog.at_level(logging.WARNING, logger="search.elasticsearch.breaker"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        product.unpublish()

    product.refresh_from_db()
    assert product.live is False
    assert (
        f"Could not update the Elasticsearch product index for products [{product.pk}]"
        in caplog.text
    )
    assert product.name not in _suggested(client, "小米")


def _suggested(client, query: str) -> list[str]:
    from django.urls import reverse

    return [
        item["text"]
        for item in client.get(reverse("search_suggest"), {"q": query}).json()["suggestions"]
    ]


# Facet counts of the results page from the aggregations.


class _RecordingCluster:
    """Answers ranking searches with the given ids and facet searches (size 0) with the given
    aggregations."""

    def __init__(self, ids, aggregations=None, facets_error=None):
        self.ids, self.aggregations, self.facets_error = ids, aggregations, facets_error
        self.calls = []

    def search(self, **kwargs):
        self.calls.append(kwargs)
        if kwargs["size"] == 0:
            if self.facets_error is not None:
                raise self.facets_error
            return {"hits": {"hits": []}, "aggregations": self.aggregations}
        return {"hits": {"hits": [{"_id": str(pk)} for pk in self.ids]}}


def _buckets(*pairs):
    return {"values": {"buckets": [{"key": key, "doc_count": count} for key, count in pairs]}}


@pytest.mark.django_db
def test_with_elasticsearch_the_facet_counts_come_from_its_aggregations(
    client, shop, settings, monkeypatch
):
    from django.urls import reverse

    ids = matching.match_products("耳机").ids
    sony, xiaomi = shop.brands["sony"], shop.brands["xiaomi"]
    digital = shop.categories["digital"]
    cluster = _RecordingCluster(
        ids,
        aggregations={
            "brands": _buckets((sony.pk, 20), (xiaomi.pk, 30)),
            "prices": _buckets(
                *((f"r{index_}", count) for index_, count in enumerate([0, 0, 5, 0, 15, 0]))
            ),
            "categories": _buckets((digital.path, 20)),
            "attributes": _buckets(("storage=256", 4)),
            "attribute:colour": _buckets(("colour=黑色", 11), ("colour=白色", 9)),
        },
    )
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    monkeypatch.setattr(es_client, "get_client", lambda: cluster)

    response = client.get(reverse("search"), {"q": "耳机", "brand": "sony", "colour": "黑色"})

    facets = response.context["facets"]
    assert [(brand.slug, count) for brand, count in facets.brands] == [
        ("xiaomi", 30),
        ("sony", 20),
    ]
    assert [(price.low, price.high, price.count) for price in facets.price_ranges] == [
        (Decimal("100"), Decimal("300"), 5),
        (Decimal("1000"), Decimal("3000"), 15),
    ]
    assert [(category.slug, count) for category, count in facets.categories] == [("digital", 20)]
    assert {definition.code: values for definition, values in facets.attributes} == {
        "colour": [("白色", "白色", 9), ("黑色", "黑色", 11)],
        "storage": [("256", "256", 4)],
    }
    filterable = filterable_attributes()
    filters = parse_filters(
        QueryDict("brand=sony&colour=黑色"), brands_by_slug={"sony": sony}, filterable=filterable
    )
    assert cluster.calls[-1] == {
        "index": "products",
        "size": 0,
        "track_total_hits": False,
        **build_product_query(["耳机"], filters, filterable),
    }
    assert cluster.calls[-1]["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"brand_id": [sony.pk]}},
                {"terms": {"attributes": ["colour=黑色"]}},
            ]
        }
    }
    assert sorted(product.name for product in response.context["products"].object_list) == [
        "索尼 WH-1000XM5 无线蓝牙降噪耳机"
    ]


@pytest.mark.django_db
def test_facet_counts_fall_back_to_the_database_when_the_aggregations_fail(
    client, shop, settings, monkeypatch, caplog
):
    from django.urls import reverse

    expected = client.get(reverse("search"), {"q": "耳机", "brand": "sony"}).context["facets"]
    cluster = _RecordingCluster(
        matching.match_products("耳机").ids, facets_error=ESConnectionError("timed out")
    )
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    monkeypatch.setattr(es_client, "get_client", lambda: cluster)

    with caplog.at_level(logging.WARNING, logger="search.elasticsearch.matching"):
        response = client.get(reverse("search"), {"q": "耳机", "brand": "sony"})

    assert response.status_code == 200
    assert [call["size"] for call in cluster.calls] == [1000, 0]
    assert response.context["facets"] == expected
    assert {brand.slug: count for brand, count in response.context["facets"].brands} == {
        "apple": 1,
        "huawei": 1,
        "sony": 2,
        "xiaomi": 2,
    }
    assert "Elasticsearch facet counts failed; counting in the database instead" in caplog.text


@pytest.mark.django_db
def test_when_matching_already_fell_back_the_facets_do_not_ask_the_cluster_again(
    client, shop, settings, monkeypatch
):
    from django.urls import reverse

    down = _DownCluster()
    down.calls = 0
    original = down.search

    def search(**kwargs):
        down.calls += 1
        return original(**kwargs)

    down.search = search
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    monkeypatch.setattr(es_client, "get_client", lambda: down)

    response = client.get(reverse("search"), {"q": "耳机"})

    assert response.status_code == 200 and down.calls == 1
    assert {brand.slug for brand, _count in response.context["facets"].brands} == {
        "apple",
        "huawei",
        "sony",
        "xiaomi",
    }


@pytest.mark.django_db
def test_renaming_a_brand_updates_its_products_documents(
    shop, es_on, django_capture_on_commit_callbacks
):
    brand = shop.brands["lining"]
    brand.title = "李宁 Li-Ning"

    with django_capture_on_commit_callbacks(execute=True):
        brand.save_revision().publish()

    [(actions, _options)] = es_on
    products = [shop.products["chitu"].pk, shop.products["chaoqing"].pk]
    assert sorted(action["_id"] for action in actions) == sorted(products)
    assert all("li-ning" in action["_source"]["text"].split() for action in actions)


@LIVE
@pytest.mark.django_db
def test_live_unpublishing_removes_the_document(
    live_index, shop, django_capture_on_commit_callbacks
):
    es, alias = live_index
    product = shop.products["speaker"]

    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    es.indices.refresh(index=alias)

    assert not es.exists(index=alias, id=product.pk)
    assert product.pk not in matching.match_products("蓝牙音箱").ids


# Guides and help articles: Wagtail's Elasticsearch backend, the database one when it fails.


@pytest.mark.django_db
def test_page_search_falls_back_to_the_database_backend(
    client, shop, settings, monkeypatch, caplog
):
    from django.urls import reverse
    from wagtail.search.backends import get_search_backend

    class DownBackend:
        def search(self, *args, **kwargs):
            raise ESConnectionError("connection refused")

    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    monkeypatch.setattr(
        matching,
        "get_search_backend",
        lambda name="default": DownBackend() if name == "default" else get_search_backend(name),
    )

    with caplog.at_level(logging.WARNING, logger="search.matching"):
        response = client.get(reverse("search"), {"q": "蓝牙耳机"})

    assert response.status_code == 200
    assert [guide.title for guide in response.context["guides"]] == ["2024 蓝牙耳机选购指南"]
    assert "Page search failed on the default backend; using the database backend" in caplog.text


# manage.py rebuild_product_index


def test_the_rebuild_prints_the_index_definition_on_a_dry_run():
    import json
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("rebuild_product_index", "--dry-run", stdout=out)

    printed = json.loads(out.getvalue())
    assert printed == product_index("unused").to_dict()


def test_the_rebuild_needs_a_cluster(settings):
    from django.core.management import CommandError, call_command

    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("rebuild_product_index")


@pytest.mark.django_db
def test_the_rebuild_fills_a_new_index_with_a_progress_bar_and_moves_the_alias(
    shop, settings, monkeypatch
):
    from io import StringIO
    from unittest import mock

    from django.core.management import call_command

    from search.elasticsearch import indexing
    from search.management.commands import rebuild_product_index as command

    es = mock.MagicMock()
    es.options.return_value = es  # the rebuild's own, longer timeout
    es.indices.get_alias.return_value.body = {"products-old": {"aliases": {"products": {}}}}
    sent = []
    monkeypatch.setattr(command, "get_client", lambda: es)
    monkeypatch.setattr(command, "new_index_name", lambda alias: "products-new")
    monkeypatch.setattr(
        indexing, "bulk", lambda client, actions, **kwargs: sent.append(list(actions))
    )
    out = StringIO()

    call_command("rebuild_product_index", "--batch-size", "10", stdout=out)

    live = Product.objects.live().count()
    assert [len(batch) for batch in sent] == [10, 10, live - 20]
    assert {action["_index"] for batch in sent for action in batch} == {"products-new"}
    es.indices.create.assert_called_once_with(
        index="products-new", body=product_index("x").to_dict()
    )
    es.indices.update_aliases.assert_called_once_with(
        actions=[
            {"remove": {"index": "products-old", "alias": "products"}},
            {"add": {"index": "products-new", "alias": "products"}},
        ]
    )
    es.indices.delete.assert_called_once_with(index="products-old")
    es.options.assert_called_once_with(request_timeout=command.REBUILD_TIMEOUT_SECONDS)
    assert f"\r[{'#' * 30}] 100% {live}/{live}" in out.getvalue()
    assert f"Indexed {live} products; products now points at products-new." in out.getvalue()
