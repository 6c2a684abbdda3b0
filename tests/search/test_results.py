"""/search/?q=: products with the listing's facets, then guides and help; calm on any input."""

import pytest
from django.urls import reverse

from products.models import Product, ProductAttributeValue
from tests.factories.catalogue import make_product

pytestmark = pytest.mark.django_db


def search(client, **params):
    return client.get(reverse("search"), params)


def names(response) -> list[str]:
    return [product.name for product in response.context["products"].object_list]


def test_products_come_with_facets_counted_over_the_matches(client, shop):
    response = search(client, q="耳机")

    matched = Product.objects.filter(
        pk__in=[p.pk for p in response.context["products"].object_list]
    )
    facets = response.context["facets"]
    assert {brand.slug: count for brand, count in facets.brands} == {
        slug: matched.filter(brand__slug=slug).count()
        for slug in ("apple", "huawei", "sony", "xiaomi")
    }
    colour = next(
        values for definition, values in facets.attributes if definition.code == "colour"
    )
    assert {value: count for value, _label, count in colour} == {
        value: ProductAttributeValue.objects.filter(
            product__in=matched, attribute__code="colour", value=value
        ).count()
        for value in ("白色", "黑色")
    }
    assert [(category.slug, count) for category, count in facets.categories] == [
        ("digital", matched.count())
    ]


def test_facet_counts_leave_out_their_own_facet_and_filters_narrow_the_matches(client, shop):
    response = search(client, q="耳机", brand="sony")

    assert sorted(names(response)) == [
        "Sony WF-C700N 真无线蓝牙耳机 入耳式",
        "索尼 WH-1000XM5 无线蓝牙降噪耳机",
    ]
    assert {brand.slug: count for brand, count in response.context["facets"].brands} == {
        "apple": 1,
        "huawei": 1,
        "sony": 2,
        "xiaomi": 2,
    }


def test_search_counts_are_not_mixed_up_with_the_catalogue_listing_cache(client, shop):
    client.get(reverse("product_list"))

    response = search(client, q="键盘")

    assert {brand.slug: count for brand, count in response.context["facets"].brands} == {
        "logitech": 2
    }


def test_sorting_and_pages_work_as_in_the_listing(client, shop):
    response = search(client, q="手机", sort="price_asc")

    # The charger is found through its category, 手机配件.
    assert names(response)[:3] == [
        "华为 Mate 60 防摔手机壳",
        "iPhone 15 透明硅胶手机壳",
        "Anker 65W 氮化镓充电器 USB-C",
    ]
    assert response.context["sort"] == "price_asc"
    assert search(client, q="手机", page="99").context["products"].number == 1


def test_matched_words_are_highlighted_after_escaping(client, shop):
    response = search(client, q="降噪耳机")

    assert "无线蓝牙<mark>降噪</mark><mark>耳机</mark>" in response.content.decode()


def test_guides_and_help_articles_follow_the_products(client, shop):
    response = search(client, q="蓝牙耳机")
    assert [guide.title for guide in response.context["guides"]] == ["2024 蓝牙耳机选购指南"]

    response = search(client, q="退货")
    assert [article.title for article in response.context["help_articles"]] == ["如何申请退货退款"]
    assert response.context["has_product_matches"] is False


def test_an_exact_sku_or_isbn_goes_straight_to_the_product(client, shop):
    sku = shop.products["mate60"].variants.first().sku

    assert search(client, q=sku.lower())["Location"] == shop.products["mate60"].url
    assert search(client, q="9787536692930")["Location"] == shop.products["three_body"].url
    assert search(client, q="978-7-115-54608-1")["Location"] == shop.products["python_book"].url


def test_drafts_and_unpublished_products_are_not_found(client, shop):
    assert names(search(client, q="蓝牙音箱")) == ["小米 蓝牙音箱 便携防水"]

    shop.products["speaker"].unpublish()

    response = search(client, q="蓝牙音箱")
    assert "小米 蓝牙音箱 便携防水" not in names(response)
    assert "索尼 蓝牙音箱 SRS-XB100" not in names(response)
    assert response.context["partial_match"] is True  # only 蓝牙 is left to match


def test_a_word_that_matches_nothing_offers_categories_and_guides(client, shop):
    response = search(client, q="潜水艇")

    assert response.status_code == 200
    assert response.context["nothing_found"] is True
    assert [category.slug for category in response.context["popular_categories"]][:2] == [
        "digital",
        "computer",
    ]
    assert "2024 蓝牙耳机选购指南" in [guide.title for guide in response.context["popular_guides"]]
    assert "Nothing matched “潜水艇”." in response.content.decode()


def test_an_empty_search_offers_categories_and_guides(client, shop):
    response = search(client, q="")

    assert response.status_code == 200
    assert response.context["popular_categories"]
    assert "products" not in response.context


def test_some_words_matching_is_said_plainly(client, shop):
    response = search(client, q="罗技 潜水艇")

    assert response.context["partial_match"] is True
    assert "No product has all of these words" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "!!! ??? ...",
        "<script>alert(1)</script>",
        "'; DROP TABLE products_product; --",
        '" OR 1=1 --',
        '耳机" NEAR(',
        "a:b* ^c",
    ],
)
def test_odd_input_is_answered_calmly_and_escaped(client, shop, query):
    response = search(client, q=query, brand="nope", colour="<b>", price_min="abc")

    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<b>" not in body.split("<main", 1)[-1]


def test_the_results_page_takes_a_bounded_number_of_queries(
    client, shop, django_assert_max_num_queries
):
    for number in range(30):
        make_product(
            name=f"入耳式耳机 {number}",
            category=shop.categories["headphones"],
            brand=shop.brands["sony"],
            product_type=shop.products["wired"].product_type,
            attributes={"colour": "黑色"},
        )

    # Cold caches (facet counts, brand words): every query of the page is counted.
    with django_assert_max_num_queries(40):
        response = search(client, q="耳机", brand="sony", colour="黑色")

    assert response.status_code == 200
    assert len(response.context["products"].object_list) == 24
