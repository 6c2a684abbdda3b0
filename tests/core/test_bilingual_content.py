"""Content in both languages: each shopper-visible text has a Chinese and an English column; the
English address shows the English, the root address the Chinese, a missing English falls back to
the Chinese; legacy "中文 | English" values are split by the data migrations; editors get both
languages in the admin."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.search import index
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core import bilingual
from guides.models import GuidePage
from home.models import Announcement
from products.models import AttributeDefinition, Product
from tests.factories import GuidePageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db

products_migration = importlib.import_module("products.migrations.0006_bilingual_content")


@pytest.fixture
def casserole(site_tree):
    cookware = make_category("锅具", "cookware")
    kitchen = make_product_type(
        "厨具",
        attributes=[
            {
                "code": "material",
                "name": "材质",
                "kind": "choice",
                "choices": "铸铁\n不锈钢",
                "filterable": True,
            }
        ],
    )
    AttributeDefinition.objects.filter(code="material").update(
        name_en="Material", choices_en="Cast iron\nStainless steel"
    )
    product = make_product(
        category=cookware,
        product_type=kitchen,
        name="铸铁炖锅 Mini",
        attributes={"material": "铸铁"},
    )
    Product.objects.filter(pk=product.pk).update(
        name_en="Cast-iron casserole Mini", summary_en="Slow cooking for four."
    )
    product.refresh_from_db()
    index.insert_or_update_object(product)
    return product


def test_english_page_shows_the_english_name_and_not_the_chinese(client, casserole):
    page = client.get(f"/en/products/{casserole.slug}/").content.decode()

    assert "Cast-iron casserole Mini" in page
    assert "铸铁炖锅" not in page
    assert "Cast iron" in page and "Material" in page  # the attribute's English label and value


def test_chinese_page_shows_the_chinese_name(client, casserole):
    page = client.get(f"/products/{casserole.slug}/").content.decode()

    assert "铸铁炖锅 Mini" in page
    assert "Cast-iron casserole" not in page
    assert "铸铁" in page


def test_a_missing_english_text_falls_back_to_the_chinese_never_empty(client, casserole):
    Product.objects.filter(pk=casserole.pk).update(name_en=None, summary_en="")

    page = client.get(f"/en/products/{casserole.slug}/").content.decode()

    assert "铸铁炖锅 Mini" in page
    assert "Cast-iron casserole" not in page
    with translation.override("en"):
        assert Product.objects.get(pk=casserole.pk).summary == "About 铸铁炖锅 Mini"


def test_the_listing_facet_reads_in_english_and_filters_by_the_stored_value(client, casserole):
    page = client.get("/en/products/").content.decode()
    assert "Cast iron" in page

    filtered = client.get("/en/products/", {"material": "铸铁"}).content.decode()
    assert "Cast-iron casserole Mini" in filtered


def test_the_english_name_finds_the_product_and_so_does_the_chinese(client, casserole):
    # The words found are highlighted (<mark>): compare the text.
    english = strip_tags(client.get("/en/search/", {"q": "casserole"}).content.decode())
    chinese = strip_tags(client.get("/search/", {"q": "炖锅"}).content.decode())

    assert "Cast-iron casserole Mini" in english
    assert "铸铁炖锅 Mini" in chinese


@pytest.mark.parametrize(
    "value, style, chinese, english",
    [
        (
            "铸铁炖锅 Mini | Cast-iron casserole",
            bilingual.BAR,
            "铸铁炖锅 Mini",
            "Cast-iron casserole",
        ),
        ("数码影音 Electronics", bilingual.LABEL, "数码影音", "Electronics"),
        ("0-3岁 Age 0-3", bilingual.LABEL, "0-3岁", "Age 0-3"),
        ("Audio 音频设备", bilingual.LABEL_EN_FIRST, "音频设备", "Audio"),
        (
            "听见安静 · Quiet where you want it",
            bilingual.DOT,
            "听见安静",
            "Quiet where you want it",
        ),
        ("蓝牙 Bluetooth\n有线 Wired", bilingual.LINES, "蓝牙\n有线", "Bluetooth\nWired"),
        # Chinese-only values stay whole, in the Chinese column.
        ("小米 14 Ultra 徕卡影像手机", bilingual.LABEL, "小米 14 Ultra 徕卡影像手机", None),
        ("Apple iPhone 15 手机", bilingual.BAR, "Apple iPhone 15 手机", None),
    ],
)
def test_a_legacy_value_is_split_and_joined_back_unchanged(value, style, chinese, english):
    assert bilingual.split(value, style) == (chinese, english)
    assert bilingual.join(chinese, english, style) == value


def test_the_catalogue_migration_splits_legacy_names_and_choices(casserole):
    """The products data migration, run with its historical models on rows written the old way
    (both languages in the plain column)."""
    historical = (
        MigrationExecutor(connection)
        .loader.project_state(("products", "0006_bilingual_content"))
        .apps
    )
    legacy = {
        "products_product": ("name", "铸铁炖锅 Mini | Cast-iron casserole", casserole.pk),
        "products_attributedefinition": (
            "choices",
            "铸铁 Cast iron\n不锈钢 Stainless steel",
            AttributeDefinition.objects.get(code="material").pk,
        ),
    }
    with connection.cursor() as cursor:
        for table, (column, value, pk) in legacy.items():
            cursor.execute(
                f"UPDATE {table} SET {column} = %s, {column}_zh_hans = %s, {column}_en = NULL "
                f"WHERE id = %s",
                [value, value, pk],
            )
        cursor.execute(
            "UPDATE products_productattributevalue SET value = %s WHERE product_id = %s",
            ["铸铁 Cast iron", casserole.pk],
        )

    products_migration.split_catalogue(historical, None)

    product = Product.objects.get(pk=casserole.pk)
    assert (product.name_zh_hans, product.name_en) == ("铸铁炖锅 Mini", "Cast-iron casserole")
    material = AttributeDefinition.objects.get(code="material")
    assert (material.choices_zh_hans, material.choices_en) == (
        "铸铁\n不锈钢",
        "Cast iron\nStainless steel",
    )
    assert product.attribute_values.get().value == "铸铁"
    with translation.override("en"):
        assert product.attribute_values.get().display_value == "Cast iron"

    products_migration.join_catalogue(historical, None)

    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM products_product WHERE id = %s", [casserole.pk])
        assert cursor.fetchone()[0] == "铸铁炖锅 Mini | Cast-iron casserole"
    assert casserole.attribute_values.get().value == "铸铁 Cast iron"


def test_page_titles_are_split_in_the_page_table(site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="降噪耳机怎么选 | Choosing earbuds")
    styles = {"title": bilingual.LABEL}

    bilingual.split_page_titles(connection, [guide.pk], styles)

    guide = GuidePage.objects.get(pk=guide.pk)
    assert (guide.title_zh_hans, guide.title_en) == ("降噪耳机怎么选", "Choosing earbuds")
    assert guide.draft_title == "降噪耳机怎么选"


def test_product_edit_form_shows_both_languages(admin_client, casserole):
    url = reverse("wagtailsnippets_products_product:edit", args=[casserole.pk])

    form = admin_client.get(url).content.decode()

    for name in ("name_zh_hans", "name_en", "summary_en", "description_en", "meta_title_en"):
        assert f'name="{name}"' in form
    assert 'name="name"' not in form


def test_guide_edit_form_has_both_languages_and_saves_the_english(admin_client, site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="选购指南", slug="a-guide")
    url = reverse("wagtailadmin_pages:edit", args=[guide.pk])

    form = admin_client.get(url).content.decode()
    assert 'name="title_zh_hans"' in form and 'name="title_en"' in form
    assert 'name="summary_en"' in form

    data = nested_form_data(
        {
            "title_zh_hans": "选购指南",
            "title_en": "A buying guide",
            "slug": "a-guide",
            "summary_zh_hans": "中文摘要",
            "summary_en": "An English summary",
            "author": "Lin",
            "date": "2025-03-01",
            "tags": "",
            "cover_image": "",
            "body_zh_hans": streamfield([("rich_text", rich_text("<p>正文</p>"))]),
            "body_en": streamfield([("rich_text", rich_text("<p>The text</p>"))]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    guide = GuidePage.objects.get(pk=guide.pk)
    assert (guide.title_zh_hans, guide.title_en) == ("选购指南", "A buying guide")
    assert "A buying guide" in admin_client.get("/en/guides/a-guide/").content.decode()
    chinese = admin_client.get("/guides/a-guide/").content.decode()
    assert "选购指南" in chinese and "A buying guide" not in chinese


def test_snippet_edit_form_has_both_languages(admin_client):
    announcement = Announcement.objects.create(text_zh_hans="通知", text_en="Notice")
    url = reverse("wagtailsnippets_home_announcement:edit", args=[announcement.pk])

    form = admin_client.get(url).content.decode()

    assert 'name="text_zh_hans"' in form and 'name="text_en"' in form


def test_a_facet_shared_by_two_types_reads_each_types_choices_in_english(client, casserole):
    bags = make_product_type(
        "箱包",
        attributes=[
            {"code": "material", "name": "面料", "kind": "choice", "choices": "尼龙\n帆布"}
        ],
    )
    AttributeDefinition.objects.filter(product_type=bags).update(
        name_en="Material", choices_en="Nylon\nCanvas", filterable=True
    )
    make_product(
        category=casserole.primary_category,
        product_type=bags,
        name="轻量背包",
        attributes={"material": "尼龙"},
    )

    # The text shown; the filter's value (an attribute of the input) stays the stored Chinese.
    english = strip_tags(client.get("/en/products/").content.decode())
    chinese = strip_tags(client.get("/products/").content.decode())

    assert "Cast iron" in english and "Nylon" in english
    assert "尼龙" not in english and "铸铁" not in english
    assert "尼龙" in chinese and "铸铁" in chinese


def test_a_guide_is_found_by_its_english_title_and_by_its_chinese_one(client, site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="降噪耳机怎么选", slug="earbuds")
    GuidePage.objects.filter(pk=guide.pk).update(title_en="Choosing noise-cancelling earbuds")
    index.insert_or_update_object(GuidePage.objects.get(pk=guide.pk))

    english = strip_tags(client.get("/en/search/", {"q": "earbuds"}).content.decode())
    chinese = strip_tags(client.get("/search/", {"q": "降噪耳机"}).content.decode())

    assert "Choosing noise-cancelling earbuds" in english
    assert "降噪耳机怎么选" in chinese
