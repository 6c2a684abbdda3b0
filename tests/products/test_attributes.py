"""Attribute values must fit their product type's definitions."""

import pytest
from django.core.exceptions import ValidationError

from products.attributes import isbn_is_valid, validate_attribute_values
from tests.factories.catalogue import make_product_type

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "isbn, valid",
    [
        ("978-7-111-54742-6", True),
        ("9787111547426", True),
        ("978 7 111 54742 6", True),
        ("9787111547427", False),  # wrong check digit
        ("0-306-40615-2", True),  # ISBN-10
        ("0-8044-2957-X", True),  # ISBN-10 with X
        ("0-306-40615-3", False),
        ("97871115474", False),  # too short
        ("ISBN", False),
        ("", False),
    ],
)
def test_isbn_check_digit(isbn, valid):
    assert isbn_is_valid(isbn) is valid


@pytest.fixture
def phone_type():
    return make_product_type(
        "Phone",
        attributes=[
            {
                "code": "storage",
                "name": "Storage",
                "kind": "choice",
                "choices": "128\n256",
                "required": True,
            },
            {"code": "weight", "name": "Weight", "kind": "number", "unit": "g"},
            {"code": "launched", "name": "Launched", "kind": "date"},
            {"code": "nfc", "name": "NFC", "kind": "boolean"},
            {
                "code": "colours",
                "name": "Colours",
                "kind": "multi_choice",
                "choices": "black\nwhite",
            },
        ],
    )


def definitions(product_type):
    return {d.code: d for d in product_type.attribute_definitions.all()}


def test_values_are_normalised(phone_type):
    d = definitions(phone_type)

    cleaned = validate_attribute_values(
        product_type=phone_type,
        values=[
            (d["storage"], " 128 "),
            (d["weight"], "187.50"),
            (d["launched"], "2024-09-20"),
            (d["nfc"], "是"),
            (d["colours"], "black"),
            (d["colours"], "white"),
        ],
    )

    assert [value for _definition, value in cleaned] == [
        "128",
        "187.5",
        "2024-09-20",
        "yes",
        "black",
        "white",
    ]


def test_every_problem_is_reported_at_once(phone_type):
    d = definitions(phone_type)

    with pytest.raises(ValidationError) as error:
        validate_attribute_values(
            product_type=phone_type,
            values=[
                (d["weight"], "heavy"),
                (d["launched"], "20/09/2024"),
                (d["nfc"], "maybe"),
                (d["colours"], "red"),
            ],
        )

    assert error.value.messages == [
        "Weight: “heavy” is not a number.",
        "Launched: use a date like 2024-05-31.",
        "NFC: answer yes or no.",
        "Colours: “red” is not one of: black, white.",
        "Storage is required for Phone.",
    ]


def test_single_valued_attribute_cannot_repeat(phone_type):
    d = definitions(phone_type)

    with pytest.raises(ValidationError) as error:
        validate_attribute_values(
            product_type=phone_type, values=[(d["storage"], "128"), (d["storage"], "256")]
        )

    assert error.value.messages == ["Storage can have only one value."]


def test_attribute_of_another_type_is_refused(phone_type):
    other = make_product_type(
        "Book", attributes=[{"code": "isbn", "name": "ISBN", "kind": "text"}]
    )
    isbn = other.attribute_definitions.get()

    with pytest.raises(ValidationError) as error:
        validate_attribute_values(
            product_type=phone_type,
            values=[(definitions(phone_type)["storage"], "128"), (isbn, "9787111547426")],
        )

    assert error.value.messages == ["ISBN does not belong to the product type Phone."]


def test_a_multi_choice_value_cannot_repeat(phone_type):
    d = definitions(phone_type)

    with pytest.raises(ValidationError) as error:
        validate_attribute_values(
            product_type=phone_type,
            values=[
                (d["storage"], "128"),
                (d["colours"], "black"),
                (d["colours"], " black"),
            ],
        )

    assert error.value.messages == ["Colours lists “black” twice."]
