"""Red packets under real concurrency (PostgreSQL row locks): claims never exceed the
quantity limit and a packet is spent by exactly one of several racing checkouts."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone

from commerce.errors import RedPacketInvalid
from commerce.models import RedPacket, RedPacketType
from commerce.red_packets.services import red_packet_claim, red_packet_redeem
from tests.concurrency import run_together
from tests.factories import UserFactory
from tests.factories.orders import make_order

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_ten_shoppers_racing_for_three_packets_get_exactly_three():
    now = timezone.now()
    packet_type = RedPacketType.objects.create(
        name="Flash",
        kind="fixed",
        amount=Decimal("20.00"),
        valid_from=now - timedelta(hours=1),
        valid_until=now + timedelta(days=1),
        claimable=True,
        quantity_limit=3,
    )
    shoppers = [UserFactory() for _ in range(10)]

    results = run_together(
        [
            lambda user=user: red_packet_claim(packet_type=packet_type, user=user)
            for user in shoppers
        ]
    )

    assert sum(isinstance(result, RedPacket) for result in results) == 3
    assert {result.message for result in results if not isinstance(result, RedPacket)} == {
        "All of these red packets have been claimed."
    }
    assert RedPacket.objects.filter(packet_type=packet_type).count() == 3


def test_five_checkouts_racing_for_one_packet_spend_it_once():
    now = timezone.now()
    shopper = UserFactory()
    packet_type = RedPacketType.objects.create(
        name="¥20",
        kind="fixed",
        amount=Decimal("20.00"),
        valid_from=now - timedelta(hours=1),
        valid_until=now + timedelta(days=1),
    )
    packet = RedPacket.objects.create(packet_type=packet_type, user=shopper)
    orders = [
        make_order(user=shopper, lines=False, checkout_key=f"race-{index}") for index in range(5)
    ]

    def checkout(order):
        with transaction.atomic():
            return red_packet_redeem(packet_id=packet.pk, user=shopper, order=order)

    results = run_together([lambda order=order: checkout(order) for order in orders])

    assert sum(isinstance(result, RedPacket) for result in results) == 1
    assert sum(isinstance(result, RedPacketInvalid) for result in results) == 4
    packet.refresh_from_db()
    winner = next(result for result in results if isinstance(result, RedPacket))
    assert (packet.status, packet.used_on_id) == ("used", winner.used_on_id)
