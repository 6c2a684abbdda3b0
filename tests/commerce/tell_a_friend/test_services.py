"""Who the friend reads as the sender, and what is refused before anything is queued."""

from decimal import Decimal

import pytest

from commerce.models import OutgoingEmail
from commerce.tell_a_friend.services import (
    ShareRefused,
    product_share_send,
    sender_identity,
)
from products.prices import ShownPrice
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CARD = {
    "name": "Green tea",
    "price": ShownPrice(sku="P1-0", price=Decimal("68.00")),
    "url": "http://testserver/",
    "image_url": None,
}


@pytest.mark.parametrize(
    ("fields", "identity"),
    [
        (
            {"first_name": "小明", "last_name": "王", "email": "ming@example.com"},
            ("王小明", "ming@example.com"),
        ),
        (
            {"username": "tea_lover", "first_name": "", "last_name": "", "email": ""},
            ("tea_lover", ""),
        ),
    ],
)
def test_the_sender_is_named_by_the_account(fields, identity):
    assert sender_identity(UserFactory(**fields)) == identity


def test_a_product_taken_off_the_shop_is_refused(tea, sender):
    tea.live = False

    with pytest.raises(ShareRefused):
        product_share_send(
            sender=sender, product=tea, card=CARD, friend_email="f@example.org", language="en"
        )

    assert not OutgoingEmail.objects.exists()


def test_each_send_is_its_own_message_and_the_key_does_not_hold_the_address(tea, sender):
    for _ in range(2):
        product_share_send(
            sender=sender, product=tea, card=CARD, friend_email="f@example.org", language="en"
        )

    keys = list(OutgoingEmail.objects.values_list("dedupe_key", flat=True))
    assert len(set(keys)) == 2
    assert all(key.startswith("tell-a-friend:") and "example.org" not in key for key in keys)
