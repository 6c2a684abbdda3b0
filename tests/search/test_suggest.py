"""/search/suggest/: prefix, pinyin and initials; at most ten; only what is on sale."""

import pytest
from django.urls import reverse

from tests.factories.catalogue import make_product

pytestmark = pytest.mark.django_db


def suggestions(client, query: str) -> list[tuple[str, str]]:
    response = client.get(reverse("search_suggest"), {"q": query})
    assert response.status_code == 200
    data = response.json()
    assert data["query"] == query
    return [(item["kind"], item["text"]) for item in data["suggestions"]]


def test_prefix_of_a_name_suggests_it_with_its_address(client, shop):
    response = client.get(reverse("search_suggest"), {"q": "罗技 MX"})

    assert response.json()["suggestions"][:2] == [
        {"text": "罗技 MX Keys 无线键盘", "url": shop.products["mx_keys"].url, "kind": "product"},
        {
            "text": "罗技 MX Master 3S 无线鼠标",
            "url": shop.products["mx_master"].url,
            "kind": "product",
        },
    ]


def test_a_word_inside_a_name_is_a_prefix_too(client, shop):
    assert ("product", "索尼 WH-1000XM5 无线蓝牙降噪耳机") in suggestions(client, "蓝牙")


def test_full_pinyin_suggests_chinese_searches_categories_and_products(client, shop):
    found = suggestions(client, "lanya")

    assert found[0] == ("query", "蓝牙耳机")
    assert ("product", "小米 Redmi Buds 5 蓝牙耳机") in found


def test_pinyin_initials_suggest_too(client, shop):
    assert suggestions(client, "ly")[0] == ("query", "蓝牙耳机")
    assert ("category", "键盘") in suggestions(client, "jp")


def test_brands_and_categories_are_suggested(client, shop):
    assert suggestions(client, "李宁")[0] == ("brand", "李宁")
    assert ("category", "手机配件") in suggestions(client, "shouji")


def test_never_more_than_ten(client, shop):
    assert len(suggestions(client, "e")) == 10


def test_unpublished_products_never_appear_and_unpublishing_removes_at_once(client, shop):
    assert ("product", "索尼 蓝牙音箱 SRS-XB100") not in suggestions(client, "索尼")
    assert ("product", "小米 蓝牙音箱 便携防水") in suggestions(client, "小米")

    shop.products["speaker"].unpublish()

    assert ("product", "小米 蓝牙音箱 便携防水") not in suggestions(client, "小米")


def test_a_new_product_is_suggested_as_soon_as_it_is_published(client, shop):
    assert suggestions(client, "wanneng") == []

    make_product(
        name="万能充电线",
        category=shop.categories["accessories"],
        product_type=shop.products["charger"].product_type,
    )

    assert suggestions(client, "wanneng") == [("product", "万能充电线")]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "<script>", "' OR 1=1 --", "x" * 5000])
def test_odd_input_is_answered_calmly(client, db, query):
    response = client.get(reverse("search_suggest"), {"q": query})

    assert response.status_code == 200
    assert response.json()["query"] == query[:200]


def test_a_product_is_in_the_first_three_however_many_searches_and_categories_share_the_prefix(
    client, shop
):
    holder = make_product(
        name="懒人手机支架 桌面",
        category=shop.categories["accessories"],
        product_type=shop.products["charger"].product_type,
        live=False,
    )
    holder.tags.add("手机支架", "手机膜", "手机贴纸", "手机挂绳", "手机散热器")
    holder.save_revision().publish()

    found = suggestions(client, "手机")

    kinds = [kind for kind, _text in found]
    assert kinds[:2] == ["query", "query"]  # searches still come first
    assert "product" in kinds[:3]
    assert len(found) == 10
