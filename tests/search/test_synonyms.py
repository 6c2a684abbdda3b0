"""Synonym groups widen a query: a word finds products described with its synonyms."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.search.query import And, Or, PlainText

from search.matching import match_products
from search.models import SynonymGroup, split_terms
from search.synonyms import expand_query, synonym_slots
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def phones(db):
    category = make_category("Accessories", "accessories")
    product_type = make_product_type("Gadget")
    return {
        "case": make_product(
            name="mobile phone case", category=category, product_type=product_type
        ),
        "stand": make_product(
            name="mobile phone stand", category=category, product_type=product_type
        ),
        "cable": make_product(name="USB cable", category=category, product_type=product_type),
    }


def found(client, query: str) -> list[str]:
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return [product.name for product in response.context["products"]]


def test_split_terms_accepts_ascii_and_chinese_separators():
    assert split_terms(" 手机，mobile phone、电话; 手机 ,\n cell phone ") == [
        "手机",
        "mobile phone",
        "电话",
        "cell phone",
    ]


def test_a_chinese_word_finds_its_english_synonym_once_the_group_exists(client, phones):
    assert found(client, "手机") == []

    SynonymGroup.objects.create(terms="手机, mobile phone, 电话")

    assert sorted(found(client, "手机")) == ["mobile phone case", "mobile phone stand"]


def test_deleting_the_group_stops_the_expansion(client, phones):
    group = SynonymGroup.objects.create(terms="手机, mobile phone")
    assert len(found(client, "手机")) == 2

    group.delete()

    assert found(client, "手机") == []


def test_the_query_words_stay_all_required(phones):
    SynonymGroup.objects.create(terms="手机, mobile phone")

    matches = match_products("手机 case")

    assert matches.ids == [phones["case"].pk]
    assert matches.partial is False


def test_any_term_of_a_group_finds_products_named_with_another(phones):
    SynonymGroup.objects.create(terms="cable, 数据线")

    assert match_products("数据线").ids == [phones["cable"].pk]


def test_expand_query_builds_one_and_or_tree():
    SynonymGroup.objects.create(terms="手机, mobile phone")

    query = expand_query(["手机", "case"])

    assert isinstance(query, And)
    slot, word = query.subqueries
    assert isinstance(slot, Or)
    assert [(part.query_string, part.operator) for part in slot.subqueries] == [
        ("手机", "and"),
        ("mobil phone", "and"),
    ]
    assert isinstance(word, PlainText) and word.query_string == "case"


def test_expand_query_or_joins_every_word_of_the_query_and_its_synonyms():
    SynonymGroup.objects.create(terms="手机, mobile phone")

    query = expand_query(["手机", "case"], "or")

    assert (query.query_string, query.operator) == ("手机 mobil phone case", "or")


def test_without_a_matching_group_the_query_is_left_as_text():
    SynonymGroup.objects.create(terms="耳机, headphones")

    assert expand_query(["手机", "case"]) == "手机 case"
    assert expand_query([]) == ""


def test_a_group_needs_two_terms():
    group = SynonymGroup(terms="手机")

    with pytest.raises(ValidationError) as error:
        group.full_clean()

    assert "terms" in error.value.message_dict


def test_merchandiser_adds_a_group_in_the_admin(client, staff_user):
    client.force_login(staff_user("Merchandisers"))
    url = reverse("wagtailsnippets_search_synonymgroup:add")

    response = client.post(url, {"terms": "手机，mobile phone"})

    assert response.status_code == 302
    assert SynonymGroup.objects.latest("pk").terms == "手机, mobile phone"


def test_editor_may_not_edit_synonyms(client, staff_user):
    client.force_login(staff_user("Editors"))

    response = client.get(reverse("wagtailsnippets_search_synonymgroup:list"))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_synonym_slots_describe_the_expansion_for_other_backends():
    SynonymGroup.objects.create(terms="手机, mobile phone")

    assert synonym_slots(["手机", "case"]) == [[("手机",), ("mobil", "phone")], [("case",)]]
    assert synonym_slots(["case"]) == [[("case",)]]


def _default_synonyms_migration():
    from importlib import import_module

    return import_module("search.migrations.0003_default_synonyms")


def test_the_shop_ships_default_groups_that_stay_editable(client, staff_user):
    migration = _default_synonyms_migration()
    shipped = set(SynonymGroup.objects.values_list("terms", flat=True))
    assert set(migration.DEFAULT_GROUPS) <= shipped
    group = SynonymGroup.objects.get(terms="番茄, 西红柿, tomato")
    client.force_login(staff_user("Merchandisers"))

    response = client.post(
        reverse("wagtailsnippets_search_synonymgroup:edit", args=[group.pk]),
        {"terms": "番茄, 西红柿, 洋柿子"},
    )

    assert response.status_code == 302
    group.refresh_from_db()
    assert group.terms == "番茄, 西红柿, 洋柿子"


def test_default_groups_are_added_only_when_none_of_their_terms_has_a_group():
    from django.apps import apps

    migration = _default_synonyms_migration()
    SynonymGroup.objects.all().delete()
    own = SynonymGroup.objects.create(terms="西红柿，洋柿子")

    migration.add_default_groups(apps, None)
    migration.add_default_groups(apps, None)

    terms = list(SynonymGroup.objects.values_list("terms", flat=True))
    assert "番茄, 西红柿, tomato" not in terms  # 西红柿 is in the merchandiser's own group
    assert terms.count("拉杆箱, 拉杆行李箱, trolley case") == 1
    assert len(terms) == len(migration.DEFAULT_GROUPS)  # all others once, plus their own
    SynonymGroup.objects.get(pk=own.pk)

    migration.remove_default_groups(apps, None)

    assert list(SynonymGroup.objects.values_list("terms", flat=True)) == ["西红柿，洋柿子"]
