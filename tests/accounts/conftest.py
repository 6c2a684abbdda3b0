"""Shoppers and address data shared by the accounts tests."""

import pytest

from tests.factories import UserFactory


@pytest.fixture
def shopper(db):
    """A shopper with an e-mail address, a mobile number and the factories' known password."""
    return UserFactory(
        username="li.lei",
        email="Li.Lei@Example.com",
        mobile="13800138000",
        first_name="Lei",
        last_name="Li",
    )


@pytest.fixture
def address_fields():
    """The fields of a valid address, as the domain functions take them."""
    return {
        "recipient": "李雷",
        "mobile": "13900139000",
        "province": "guangdong",
        "city": "深圳市",
        "district": "南山区",
        "street": "科技园路 1 号",
        "postcode": "518000",
    }


@pytest.fixture(autouse=True)
def _english(settings):
    """Pages in English, so assertions read the source strings whatever catalogues exist."""
    settings.LANGUAGE_CODE = "en"
