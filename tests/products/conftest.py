"""A small catalogue whose facet counts are worked out by hand in the tests."""

from types import SimpleNamespace

import pytest

from tests.factories import BrandPageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type


@pytest.fixture
def catalogue(site_tree):
    """Four live products and one draft:

    | product | category         | brand | price | storage | colour       |
    | p1      | phones/android   | A     |   199 | 128     | black, white |
    | p2      | phones/android   | B     |   899 | 256     | black        |
    | p3      | phones           | A     |  1299 | 256     | white        |
    | p4      | audio            | B     |    49 | —       | black        |
    | draft   | phones           | A     |    10 | 128     | black        |
    """
    phones = make_category("Phones", "phones")
    android = make_category("Android", "android", parent=phones)
    audio = make_category("Audio", "audio")
    brand_a = BrandPageFactory(title="Alpha", slug="alpha")
    brand_b = BrandPageFactory(title="Beta", slug="beta")
    phone = make_product_type(
        "Phone",
        option_1_name="Colour",
        attributes=[
            {
                "code": "storage",
                "name": "Storage",
                "kind": "choice",
                "choices": "128\n256",
                "unit": "GB",
                "filterable": True,
            },
            {
                "code": "colour",
                "name": "Colour",
                "kind": "multi_choice",
                "choices": "black\nwhite",
                "filterable": True,
            },
        ],
    )
    p1 = make_product(
        name="One",
        category=android,
        product_type=phone,
        brand=brand_a,
        prices=["199.00"],
        attributes={"storage": "128", "colour": ["black", "white"]},
    )
    p2 = make_product(
        name="Two",
        category=android,
        product_type=phone,
        brand=brand_b,
        prices=["899.00"],
        attributes={"storage": "256", "colour": "black"},
    )
    p3 = make_product(
        name="Three",
        category=phones,
        product_type=phone,
        brand=brand_a,
        prices=["1299.00", "1499.00"],
        attributes={"storage": "256", "colour": "white"},
    )
    p4 = make_product(
        name="Four",
        category=audio,
        product_type=phone,
        brand=brand_b,
        prices=["49.00"],
        attributes={"colour": "black"},
    )
    draft = make_product(
        name="Draft",
        category=phones,
        product_type=phone,
        brand=brand_a,
        prices=["10.00"],
        attributes={"storage": "128", "colour": "black"},
        live=False,
    )
    return SimpleNamespace(
        phones=phones,
        android=android,
        audio=audio,
        brand_a=brand_a,
        brand_b=brand_b,
        phone=phone,
        p1=p1,
        p2=p2,
        p3=p3,
        p4=p4,
        draft=draft,
    )


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English; the shop's default language is Chinese."""
    settings.LANGUAGE_CODE = "en"
