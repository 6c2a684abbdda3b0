"""The steps of a product search: words, bigrams, characters in order, some words; then nothing.

Each step is tried only when the stricter ones found nothing (search.matching), on the
database backend and, with the same words, in the Elasticsearch query bodies.
"""

import pytest
from django.urls import reverse

from products.listing import ListingFilters
from search import matching
from search.analytics import search_query_record
from search.elasticsearch import client as es_client
from search.elasticsearch.queries import build_product_query
from search.models import SynonymGroup
from tests.factories.catalogue import make_product

pytestmark = pytest.mark.django_db


def add_product(shop, name: str, *, summary: str = "", description: str = ""):
    product = make_product(
        name=name,
        category=shop.categories["home"],
        product_type=shop.products["teapot"].product_type,
        live=False,
    )
    product.summary, product.description = summary, description
    product.save()
    product.save_revision().publish()
    return product


def test_a_part_of_a_name_that_jieba_cuts_differently_matches_all_its_words(shop):
    robot = add_product(shop, "追觅 X30 扫地机器人 自动集尘")

    matches = matching.match_products("扫地机")  # 扫地 / 地机 alone, 扫地 / 机器人 in the name

    assert matches.ids == [robot.pk]
    assert (matches.partial, matches.attempt.step) == (False, matching.WORDS)


def test_a_word_the_name_was_not_cut_into_is_found_by_its_bigrams(shop):
    window = add_product(shop, "科沃斯 窗宝 擦窗机器人")  # jieba cuts 擦窗机 / 器人: no 机器人

    matches = matching.match_products("机器人")

    assert matches.ids == [window.pk]
    assert (matches.partial, matches.attempt.step) == (False, matching.BIGRAMS)
    assert matches.attempt.terms == ["机器", "器人"]


def test_a_shortened_name_is_found_by_its_characters_in_order(shop):
    film = add_product(shop, "iPhone 15 防窥钢化膜 高清")
    add_product(shop, "防窥屏 显示器")

    matches = matching.match_products("防窥膜")

    assert matches.ids == [film.pk]
    assert (matches.partial, matches.attempt.step) == (False, matching.IN_ORDER)


def test_characters_in_order_put_the_tightest_name_first_and_stay_a_few_characters_apart(shop):
    near = add_product(shop, "苏泊尔 不粘炒锅 32cm")
    far = add_product(shop, "不锈钢粘贴挂钩锅盖架")
    add_product(shop, "不锈钢汤勺 加厚 可挂 家用 防烫 硅胶 锅")

    assert matching.names_in_order(list("不粘锅")) == [near.pk, far.pk]


def test_english_in_the_summary_or_description_is_stemmed_like_the_name(shop):
    tomato = add_product(
        shop, "山东有机番茄", summary="Fresh", description="<p>Organic tomatoes &amp; herbs</p>"
    )

    assert matching.match_products("tomato").ids == [tomato.pk]
    assert matching.match_products("herb").ids == [tomato.pk]


def test_the_default_synonyms_find_a_regional_name(shop):
    tomato = add_product(shop, "山东有机番茄 新鲜蔬菜")

    assert SynonymGroup.objects.filter(terms="番茄, 西红柿, tomato").exists()
    assert matching.match_products("西红柿").ids == [tomato.pk]


def test_single_characters_alone_never_make_a_partial_match(shop):
    add_product(shop, "苏泊尔 不粘炒锅 32cm")
    add_product(shop, "膳魔师 不锈钢保温杯 500ml")

    assert matching.match_products("不存在").ids == []
    partial = matching.match_products("不存在 茶具")
    assert partial.partial is True
    assert set(partial.ids) == {shop.products["tea_set"].pk, shop.products["teapot"].pk}


def test_a_query_that_matches_nothing_says_so_and_offers_popular_searches(client, shop):
    add_product(shop, "苏泊尔 不粘炒锅 32cm")
    add_product(shop, "膳魔师 不锈钢保温杯 500ml")
    for query, times in (("蓝牙耳机", 3), ("键盘", 2), ("潜水艇", 5)):
        for _time in range(times):
            search_query_record(raw_query=query, results=0 if query == "潜水艇" else 4)

    response = client.get(reverse("search"), {"q": "不存在"})

    assert response.context["nothing_found"] is True
    assert response.context["has_product_matches"] is False
    assert "products" not in response.context or not response.context["products"].object_list
    assert [item["text"] for item in response.context["popular_searches"]] == ["蓝牙耳机", "键盘"]
    body = response.content.decode()
    assert "Nothing matched “不存在”." in body
    assert "Popular searches" in body and 'href="/search/?q=%E8%93%9D%E7%89%99' in body


def test_when_only_help_articles_match_the_page_says_no_product_did(client, shop):
    search_query_record(raw_query="蓝牙耳机", results=4)

    response = client.get(reverse("search"), {"q": "退货"})

    assert response.context["nothing_found"] is False
    assert [article.title for article in response.context["help_articles"]] == ["如何申请退货退款"]
    assert [item["text"] for item in response.context["popular_searches"]] == ["蓝牙耳机"]
    assert "No product matched “退货”." in response.content.decode()


def test_a_homophone_typo_that_finds_nothing_is_offered_what_it_sounds_like(client, shop):
    response = client.get(reverse("search"), {"q": "篮牙"})  # 篮 for 蓝: the same sound, lanya

    assert response.context["nothing_found"] is True
    corrections = [(entry.kind, entry.text) for entry in response.context["corrections"]]
    assert corrections[0] == ("query", "蓝牙耳机")
    assert "Did you mean" in response.content.decode()


class _ScriptedCluster:
    """Answers the n-th ranking search with the n-th list of ids, and records every body."""

    def __init__(self, *answers):
        self.answers, self.calls = list(answers), []

    def search(self, **kwargs):
        self.calls.append(kwargs)
        ids = self.answers.pop(0) if self.answers else []
        return {"hits": {"hits": [{"_id": str(pk)} for pk in ids]}}


def _ranking_body(terms, operator="and", slots=None):
    return build_product_query(
        terms, ListingFilters(), {}, operator=operator, facets=False, slots=slots
    )


@pytest.fixture
def cluster(settings, monkeypatch):
    def switch_on(*answers):
        scripted = _ScriptedCluster(*answers)
        settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
        monkeypatch.setattr(es_client, "get_client", lambda: scripted)
        return scripted

    return switch_on


def test_elasticsearch_gets_the_bigram_step_when_the_words_find_nothing(cluster):
    scripted = cluster([], [42])

    matches = matching.match_products("机器人")

    assert matches.ids == [42] and matches.elasticsearch is True
    bodies = [{"query": call["query"]} for call in scripted.calls]
    assert bodies == [_ranking_body(["机器", "机器人"]), _ranking_body(["机器", "器人"])]


def test_elasticsearch_gets_some_words_without_single_characters_after_the_other_steps(
    cluster, shop
):
    scripted = cluster([], [], [])

    matches = matching.match_products("不存在")

    assert matches.ids == []
    bodies = [{"query": call["query"]} for call in scripted.calls]
    assert bodies == [
        _ranking_body(["不", "存在"], slots=[[("不",)], [("存在",)]]),
        _ranking_body(["不存", "存在"]),
        # (the characters in order are looked for in the database's names in between)
        _ranking_body(["存在"], operator="or"),
    ]
