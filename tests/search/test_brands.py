"""Typos of brand names: near misses also look for the brand, on every backend."""

import pytest
from django.urls import reverse
from wagtail.search.query import And, Or, PlainText

from core.text import query_terms
from search.brands import allowed_edits, brand_corrections, edit_distance
from search.synonyms import expand_query, synonym_slots


def test_edit_distance_counts_insertions_deletions_and_substitutions_and_stops_past_the_limit():
    assert edit_distance("soni", "soni", 1) == 0
    assert edit_distance("sonni", "soni", 1) == 1
    assert edit_distance("apl", "appl", 1) == 1
    assert edit_distance("ankor", "anker", 1) == 1
    assert edit_distance("logitec", "logitech", 2) == 1
    assert edit_distance("abcdef", "ghijkl", 2) == 3
    assert edit_distance("a", "abcdef", 2) == 3


def test_typos_allowed_grow_with_the_length_of_the_brand_word():
    assert [allowed_edits(length) for length in (2, 3, 4, 5, 6, 12)] == [0, 0, 1, 1, 2, 2]


@pytest.mark.django_db
def test_latin_near_misses_and_chinese_homophones_stand_for_the_brand(shop):
    assert brand_corrections("sonni") == ["soni"]
    assert brand_corrections("apl") == ["appl"]
    assert brand_corrections("ankor") == ["anker"]
    assert brand_corrections("花为") == ["华为"]
    assert brand_corrections("里宁") == ["李宁"]
    assert brand_corrections("罗基") == ["罗技"]


@pytest.mark.django_db
def test_brand_words_short_words_and_unrelated_words_are_left_alone(shop):
    assert brand_corrections("soni") == []
    assert brand_corrections("华为") == []
    assert brand_corrections("ap") == []
    assert brand_corrections("耳机") == []
    assert brand_corrections("keyboard") == []


@pytest.mark.django_db
def test_an_unpublished_brand_is_not_corrected_to(shop):
    shop.brands["anker"].unpublish()

    assert brand_corrections("ankor") == []


@pytest.mark.django_db
def test_a_correction_is_an_alternative_of_the_word_not_a_replacement(shop):
    terms = query_terms("花为 手机")

    assert synonym_slots(terms) == [[("花为",), ("华为",)], [("手机",)]]
    assert repr(expand_query(terms)) == repr(
        And(
            [
                Or([PlainText("花为", operator="and"), PlainText("华为", operator="and")]),
                PlainText("手机", operator="and"),
            ]
        )
    )
    assert expand_query(query_terms("蓝牙 耳机")) == "蓝牙 耳机"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sonny 耳机", ["sony_wf", "sony_xm5"]),
        ("Aple airpods", ["airpods"]),
        ("花为手机", ["mate60", "mate_case"]),
        ("罗基鼠标", ["mx_master"]),
        ("ankor 充电器", ["charger"]),
    ],
)
def test_misspelt_brands_find_the_brands_products(client, shop, query, expected):
    response = client.get(reverse("search"), {"q": query})

    found = {product.pk for product in response.context["products"].object_list}
    assert found == {shop.products[key].pk for key in expected}
    assert response.context["partial_match"] is False
