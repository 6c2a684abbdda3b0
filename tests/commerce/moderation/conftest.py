"""Moderation's fixtures: a live tea product."""

import pytest

from tests.factories.catalogue import make_category, make_product, make_product_type


@pytest.fixture
def tea(db):
    return make_product(
        category=make_category("Tea", "tea"),
        product_type=make_product_type(),
        name="Green tea",
        prices=["68.00"],
        on_hand=100,
    )
