"""Red packets in the domain: issuing, segments, claiming, disabling, and the audit log."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from commerce.errors import CommerceError, RedPacketInvalid
from commerce.models import RedPacket, RedPacketType
from commerce.red_packets.selectors import (
    SEGMENT_ALL,
    SEGMENT_NEVER_ORDERED,
    SEGMENT_NEW,
    SEGMENT_RECENT_BUYERS,
    red_packet_recipients,
    red_packets_by_status,
    segment_users,
    spendable_red_packets,
)
from commerce.red_packets.services import (
    red_packet_claim,
    red_packet_disable,
    red_packet_issue,
    red_packet_problem,
    red_packet_redeem,
    red_packet_release,
    red_packet_type_disable,
)
from tests.factories import UserFactory
from tests.factories.commerce import make_fixed_red_packet_type
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db


# Issuing --------------------------------------------------------------------------------


def test_issue_gives_each_user_one_packet_and_logs_it(staff_user):
    packet_type = make_fixed_red_packet_type()
    merchandiser = staff_user("Merchandisers")
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")

    packets = red_packet_issue(
        packet_type=packet_type, users=[alice, bob, alice], actor=merchandiser
    )

    assert sorted(p.user.username for p in packets) == ["alice", "bob"]
    assert all(p.issued_by == merchandiser and p.status == "available" for p in packets)
    entry = ModelLogEntry.objects.get(action="commerce.red_packet.issue")
    assert (entry.object_id, entry.user, entry.data) == (
        str(packet_type.pk),
        merchandiser,
        {"count": 2, "users": ["alice", "bob"]},
    )
    assert entry.message == "Issued 2 red packets to alice, bob"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"disabled": True}, "The red packet type “¥20 off ¥199” is disabled."),
        (
            {
                "valid_from": timezone.now() - timedelta(days=9),
                "valid_until": timezone.now() - timedelta(days=1),
            },
            "The red packet type “¥20 off ¥199” has expired.",
        ),
    ],
)
def test_issue_refuses_disabled_or_expired_types(fields, message):
    packet_type = make_fixed_red_packet_type(**fields)

    with pytest.raises(CommerceError) as error:
        red_packet_issue(packet_type=packet_type, users=[UserFactory()], actor=None)

    assert error.value.message == message
    assert RedPacket.objects.count() == 0
    assert ModelLogEntry.objects.filter(action="commerce.red_packet.issue").count() == 0


def test_recipients_are_found_by_username_email_or_mobile_and_unknown_ones_reported():
    alice = UserFactory(username="alice", email="Alice@Example.com")
    bob = UserFactory(username="bob", mobile="13912345678")

    users, unknown = red_packet_recipients(
        ["alice", "", " alice@example.com ", "13912345678", "nobody", "x@y.cn"]
    )

    assert users == [alice, bob]
    assert unknown == ["nobody", "x@y.cn"]


# Segments -------------------------------------------------------------------------------


def test_segments_pick_the_right_shoppers(staff_user):
    now = timezone.now()
    old_buyer = UserFactory(username="old_buyer", date_joined=now - timedelta(days=400))
    recent_buyer = UserFactory(username="recent_buyer", date_joined=now - timedelta(days=200))
    UserFactory(username="newcomer", date_joined=now - timedelta(days=3))
    UserFactory(username="gone", is_active=False)
    staff_user("Customer service", username="cs")
    UserFactory(username="boss", is_staff=True)
    make_order(user=old_buyer, lines=False, checkout_key="k1", placed_at=now - timedelta(days=120))
    make_order(
        user=recent_buyer, lines=False, checkout_key="k2", placed_at=now - timedelta(days=10)
    )

    def names(segment):
        return [user.username for user in segment_users(segment)]

    assert names(SEGMENT_ALL) == ["old_buyer", "recent_buyer", "newcomer"]
    assert names(SEGMENT_NEW) == ["newcomer"]
    assert names(SEGMENT_NEVER_ORDERED) == ["newcomer"]
    assert names(SEGMENT_RECENT_BUYERS) == ["recent_buyer"]


def test_unknown_segment_is_refused():
    with pytest.raises(CommerceError) as error:
        segment_users("vip")

    assert error.value.code == "unknown_segment"


def test_issue_to_a_segment():
    packet_type = make_fixed_red_packet_type()
    UserFactory(username="a")
    UserFactory(username="b")

    packets = red_packet_issue(
        packet_type=packet_type, users=segment_users(SEGMENT_ALL), actor=None
    )

    assert sorted(p.user.username for p in packets) == ["a", "b"]


# Disabling ------------------------------------------------------------------------------


def test_disabled_packet_is_withdrawn_and_no_longer_spendable(staff_user):
    manager = staff_user("Managers")
    shopper = UserFactory()
    [packet] = red_packet_issue(
        packet_type=make_fixed_red_packet_type(), users=[shopper], actor=manager
    )

    red_packet_disable(packet=packet, actor=manager, reason="issued by mistake")

    packet.refresh_from_db()
    assert packet.status == "disabled" and packet.disabled_at is not None
    assert red_packet_problem(packet, user=shopper) == "This red packet has been withdrawn."
    assert spendable_red_packets(shopper) == []
    entry = ModelLogEntry.objects.get(action="commerce.red_packet.disable")
    assert (entry.object_id, entry.user, entry.data) == (
        str(packet.pk),
        manager,
        {"reason": "issued by mistake"},
    )


def test_a_used_packet_cannot_be_disabled(staff_user):
    shopper = UserFactory()
    [packet] = red_packet_issue(
        packet_type=make_fixed_red_packet_type(), users=[shopper], actor=None
    )
    red_packet_redeem(
        packet_id=packet.pk,
        user=shopper,
        order=make_order(user=shopper, lines=False, checkout_key="k"),
    )

    with pytest.raises(CommerceError) as error:
        red_packet_disable(packet=packet, actor=staff_user("Managers"))

    assert error.value.code == "red_packet_used"
    assert RedPacket.objects.get().status == "used"


def test_disabling_a_type_withdraws_its_available_packets_only(staff_user):
    manager = staff_user("Managers")
    packet_type = make_fixed_red_packet_type()
    alice, bob, carol = UserFactory(), UserFactory(), UserFactory()
    used, available, _ = red_packet_issue(
        packet_type=packet_type, users=[alice, bob, carol], actor=manager
    )
    red_packet_redeem(
        packet_id=used.pk, user=alice, order=make_order(user=alice, lines=False, checkout_key="k")
    )

    withdrawn = red_packet_type_disable(
        packet_type=packet_type, actor=manager, reason="campaign over"
    )

    assert withdrawn == 2
    assert sorted(RedPacket.objects.values_list("status", flat=True)) == [
        "disabled",
        "disabled",
        "used",
    ]
    available.refresh_from_db()
    assert red_packet_problem(available, user=bob) == "This red packet has been withdrawn."
    assert spendable_red_packets(bob) == []
    entry = ModelLogEntry.objects.get(action="commerce.red_packet_type.disable")
    assert entry.data == {"reason": "campaign over", "count": 2}
    with pytest.raises(CommerceError):
        red_packet_issue(packet_type=packet_type, users=[bob], actor=manager)


def test_disabling_twice_is_refused(staff_user):
    packet_type = make_fixed_red_packet_type(disabled=True)

    with pytest.raises(CommerceError) as error:
        red_packet_type_disable(packet_type=packet_type, actor=staff_user("Managers"))

    assert error.value.code == "red_packet_type_disabled"


# Claiming -------------------------------------------------------------------------------


def test_claim_respects_the_per_shopper_limit_and_logs():
    packet_type = make_fixed_red_packet_type(claimable=True, claim_limit=2)
    shopper = UserFactory()

    first = red_packet_claim(packet_type=packet_type, user=shopper)
    red_packet_claim(packet_type=packet_type, user=shopper)
    with pytest.raises(RedPacketInvalid) as error:
        red_packet_claim(packet_type=packet_type, user=shopper)

    assert error.value.message == "You have already claimed this red packet."
    assert RedPacket.objects.filter(user=shopper).count() == 2
    assert first.issued_by is None
    assert (
        ModelLogEntry.objects.filter(action="commerce.red_packet.claim", user=shopper).count() == 2
    )


def test_claim_respects_the_quantity_limit():
    packet_type = make_fixed_red_packet_type(claimable=True, quantity_limit=2)
    red_packet_claim(packet_type=packet_type, user=UserFactory())
    red_packet_claim(packet_type=packet_type, user=UserFactory())

    with pytest.raises(RedPacketInvalid) as error:
        red_packet_claim(packet_type=packet_type, user=UserFactory())

    assert error.value.message == "All of these red packets have been claimed."
    assert RedPacket.objects.count() == 2


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"claimable": False}, "This red packet cannot be claimed."),
        ({"claimable": True, "disabled": True}, "This red packet campaign is not running."),
        (
            {
                "claimable": True,
                "valid_from": timezone.now() + timedelta(days=1),
                "valid_until": timezone.now() + timedelta(days=2),
            },
            "This red packet campaign is not running.",
        ),
        (
            {
                "claimable": True,
                "valid_from": timezone.now() - timedelta(days=2),
                "valid_until": timezone.now() - timedelta(days=1),
            },
            "This red packet campaign is not running.",
        ),
    ],
)
def test_claim_refuses_types_that_are_not_running(fields, message):
    packet_type = make_fixed_red_packet_type(**fields)

    with pytest.raises(RedPacketInvalid) as error:
        red_packet_claim(packet_type=packet_type, user=UserFactory())

    assert error.value.message == message
    assert RedPacket.objects.count() == 0


# Spending and giving back ---------------------------------------------------------------


def test_redeem_then_release_on_cancel_makes_it_available_again():
    shopper = UserFactory()
    [packet] = red_packet_issue(
        packet_type=make_fixed_red_packet_type(), users=[shopper], actor=None
    )
    order = make_order(user=shopper, lines=False, checkout_key="k")

    red_packet_redeem(packet_id=packet.pk, user=shopper, order=order)
    with pytest.raises(RedPacketInvalid):
        red_packet_redeem(
            packet_id=packet.pk,
            user=shopper,
            order=make_order(user=shopper, lines=False, checkout_key="k2"),
        )
    red_packet_release(order=order)

    packet.refresh_from_db()
    assert (packet.status, packet.used_on, packet.used_at) == ("available", None, None)
    assert spendable_red_packets(shopper) == [packet]


def test_another_users_packet_cannot_be_redeemed():
    owner, thief = UserFactory(), UserFactory()
    [packet] = red_packet_issue(
        packet_type=make_fixed_red_packet_type(), users=[owner], actor=None
    )

    with pytest.raises(RedPacketInvalid) as error:
        red_packet_redeem(
            packet_id=packet.pk,
            user=thief,
            order=make_order(user=thief, lines=False, checkout_key="k"),
        )

    assert error.value.message == "That red packet was not found."


def test_packets_are_grouped_for_my_red_packets():
    shopper = UserFactory()
    now = timezone.now()
    live = make_fixed_red_packet_type(name="live")
    expired = make_fixed_red_packet_type(
        name="expired", valid_from=now - timedelta(days=9), valid_until=now - timedelta(days=1)
    )
    withdrawn = make_fixed_red_packet_type(name="withdrawn")
    used = make_fixed_red_packet_type(name="used")
    for packet_type in (live, expired, withdrawn, used):
        RedPacket.objects.create(packet_type=packet_type, user=shopper)
    red_packet_type_disable(packet_type=withdrawn, actor=None)
    red_packet_redeem(
        packet_id=RedPacket.objects.get(packet_type=used).pk,
        user=shopper,
        order=make_order(user=shopper, lines=False, checkout_key="k"),
    )

    groups = red_packets_by_status(shopper)

    assert {code: [p.packet_type.name for p in packets] for code, packets in groups.items()} == {
        "available": ["live"],
        "used": ["used"],
        "expired": ["expired"],
        "disabled": ["withdrawn"],
    }


# Demo data ------------------------------------------------------------------------------


def test_demo_red_packets_load_once(staff_user):
    from demo.commerce import EXPIRED, PERCENT, TEA, WELCOME, load_red_packet_demo

    shopper = UserFactory(username="shopper")
    staff_user("Managers", username="boss")

    load_red_packet_demo()
    load_red_packet_demo()

    assert sorted(RedPacketType.objects.values_list("name", flat=True)) == sorted(
        [WELCOME, PERCENT, TEA, EXPIRED]
    )
    assert RedPacketType.objects.get(name=WELCOME).claimable is True
    assert sorted(RedPacket.objects.values_list("user__username", "packet_type__name")) == sorted(
        [("shopper", PERCENT), ("shopper", TEA), ("shopper", EXPIRED)]
    )
    assert {code: len(packets) for code, packets in red_packets_by_status(shopper).items()} == {
        "available": 2,
        "used": 0,
        "expired": 1,
        "disabled": 0,
    }
