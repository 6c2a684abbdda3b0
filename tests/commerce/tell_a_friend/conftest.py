"""Tell-a-friend's fixtures: a live tea product with a picture, a signed-in sender."""

import pytest

from tests.factories import UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.images import ImageFactory


@pytest.fixture
def tea(db):
    return make_product(
        category=make_category("Tea", "tea"),
        product_type=make_product_type(),
        name="Green tea",
        prices=["68.00", "128.00"],
        on_hand=100,
        image=ImageFactory(),
    )


@pytest.fixture
def sender(db):
    return UserFactory(
        username="lei_1988", first_name="Lei", last_name="Li", email="lei@example.com"
    )
