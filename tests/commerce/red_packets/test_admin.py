"""Red packets in the Wagtail admin: listings, issuing by hand or by segment, disabling, rights."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from commerce.models import RedPacket, RedPacketType
from commerce.red_packets.services import red_packet_issue
from tests.factories import UserFactory
from tests.factories.commerce import make_fixed_red_packet_type
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db

ISSUE_URL = reverse("red_packets:issue")


def assert_denied(response):
    """Wagtail's "Sorry, you do not have permission" answer: back to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# Issuing --------------------------------------------------------------------------------


def test_issue_to_a_list_asks_for_confirmation_then_issues(client, staff_user):
    packet_type = make_fixed_red_packet_type()
    alice = UserFactory(username="alice")
    bob = UserFactory(username="bob", mobile="13912345678")
    client.force_login(staff_user("Merchandisers"))
    form = {"packet_type": packet_type.pk, "recipients": "alice\r\n13912345678\r\n", "segment": ""}

    confirmation = client.post(ISSUE_URL, form)
    assert confirmation.status_code == 200
    assert confirmation.context["count"] == 2
    assert "2 shoppers will receive a “¥20 off ¥199” red packet." in confirmation.content.decode()
    assert RedPacket.objects.count() == 0

    response = client.post(ISSUE_URL, {**form, "confirm": "1"}, follow=True)

    assert (
        response.redirect_chain[0][0]
        == reverse("red_packets:index") + f"?packet_type={packet_type.pk}"
    )
    assert sorted(RedPacket.objects.values_list("user__username", flat=True)) == ["alice", "bob"]
    assert "Issued 2 red packets of “¥20 off ¥199”." in messages_of(response)
    assert ModelLogEntry.objects.filter(action="commerce.red_packet.issue").count() == 1
    assert {alice, bob} == {packet.user for packet in RedPacket.objects.all()}


def test_issue_with_an_unknown_name_issues_nothing_and_names_it(client, staff_user):
    packet_type = make_fixed_red_packet_type()
    UserFactory(username="alice")
    client.force_login(staff_user("Managers"))

    response = client.post(
        ISSUE_URL,
        {
            "packet_type": packet_type.pk,
            "recipients": "alice\nghost\nghost@example.com",
            "confirm": "1",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["recipients"] == [
        "Nothing was issued. No active account matches: ghost, ghost@example.com"
    ]
    assert RedPacket.objects.count() == 0


def test_issue_to_a_segment(client, staff_user):
    packet_type = make_fixed_red_packet_type()
    buyer = UserFactory(username="buyer")
    UserFactory(username="newbie")
    make_order(user=buyer, lines=False, checkout_key="k1")
    client.force_login(staff_user("Managers"))
    form = {"packet_type": packet_type.pk, "recipients": "", "segment": "never_ordered"}

    assert client.post(ISSUE_URL, form).context["count"] == 1
    client.post(ISSUE_URL, {**form, "confirm": "1"})

    assert list(RedPacket.objects.values_list("user__username", flat=True)) == ["newbie"]


@pytest.mark.parametrize(
    "form, error",
    [
        (
            {"recipients": "", "segment": ""},
            "Give either a list of shoppers or a segment (one of the two).",
        ),
        (
            {"recipients": "alice", "segment": "all"},
            "Give either a list of shoppers or a segment (one of the two).",
        ),
        (
            {"recipients": "", "segment": "ordered_90_days"},
            "No shopper matches; nothing to issue.",
        ),
    ],
)
def test_issue_form_needs_exactly_one_source_of_recipients(client, staff_user, form, error):
    packet_type = make_fixed_red_packet_type()
    UserFactory(username="alice")
    client.force_login(staff_user("Managers"))

    response = client.post(ISSUE_URL, {"packet_type": packet_type.pk, "confirm": "1", **form})

    assert response.context["form"].non_field_errors() == [error]
    assert RedPacket.objects.count() == 0


def test_expired_and_disabled_types_are_not_offered_for_issuing(client, staff_user):
    now = timezone.now()
    running = make_fixed_red_packet_type(name="running")
    make_fixed_red_packet_type(
        name="old", valid_from=now - timedelta(days=9), valid_until=now - timedelta(days=1)
    )
    make_fixed_red_packet_type(name="off", disabled=True)
    client.force_login(staff_user("Managers"))

    response = client.get(ISSUE_URL)

    assert list(response.context["form"].fields["packet_type"].queryset) == [running]


def test_customer_service_cannot_issue(client, staff_user):
    packet_type = make_fixed_red_packet_type()
    UserFactory(username="alice")
    client.force_login(staff_user("Customer service"))

    assert_denied(client.get(ISSUE_URL))
    assert_denied(
        client.post(
            ISSUE_URL, {"packet_type": packet_type.pk, "recipients": "alice", "confirm": "1"}
        )
    )
    assert_denied(client.get(reverse("red_packet_types:add")))
    assert RedPacket.objects.count() == 0


# Disabling ------------------------------------------------------------------------------


def test_disable_a_packet_asks_then_withdraws(client, staff_user):
    manager = staff_user("Managers")
    [packet] = red_packet_issue(
        packet_type=make_fixed_red_packet_type(), users=[UserFactory()], actor=manager
    )
    client.force_login(manager)
    url = reverse("red_packets:disable", args=[packet.pk])

    assert client.get(url).status_code == 200
    assert RedPacket.objects.get().status == "available"
    response = client.post(url, {"reason": "duplicate"}, follow=True)

    assert RedPacket.objects.get().status == "disabled"
    assert "The red packet was disabled." in messages_of(response)
    history = client.get(reverse("red_packets:history_results", args=[packet.pk]))
    assert "duplicate" in history.content.decode()


def test_disable_a_used_packet_explains_why_not(client, staff_user):
    shopper = UserFactory()
    [packet] = red_packet_issue(
        packet_type=make_fixed_red_packet_type(), users=[shopper], actor=None
    )
    RedPacket.objects.filter(pk=packet.pk).update(status="used")
    client.force_login(staff_user("Managers"))

    response = client.post(
        reverse("red_packets:disable", args=[packet.pk]), {"reason": ""}, follow=True
    )

    assert "This red packet has already been used; it cannot be withdrawn." in messages_of(
        response
    )
    assert RedPacket.objects.get().status == "used"


def test_disable_a_type_withdraws_its_packets(client, staff_user):
    manager = staff_user("Managers")
    packet_type = make_fixed_red_packet_type()
    red_packet_issue(packet_type=packet_type, users=[UserFactory(), UserFactory()], actor=manager)
    client.force_login(manager)

    response = client.post(
        reverse("red_packet_types:disable", args=[packet_type.pk]), {"reason": "typo"}, follow=True
    )

    assert "“¥20 off ¥199” was disabled; 2 unused packets were withdrawn." in messages_of(response)
    assert RedPacketType.objects.get().disabled is True
    assert set(RedPacket.objects.values_list("status", flat=True)) == {"disabled"}
    site_history = client.get(reverse("wagtailadmin_reports:site_history"))
    assert "Disabled the type and withdrew 2 unused packets" in site_history.content.decode()


def test_customer_service_cannot_disable(client, staff_user):
    packet_type = make_fixed_red_packet_type()
    [packet] = red_packet_issue(packet_type=packet_type, users=[UserFactory()], actor=None)
    client.force_login(staff_user("Customer service"))

    assert_denied(client.post(reverse("red_packets:disable", args=[packet.pk])))
    assert_denied(client.post(reverse("red_packet_types:disable", args=[packet_type.pk])))
    assert RedPacket.objects.get().status == "available"
    assert RedPacketType.objects.get().disabled is False


def test_disabling_an_unknown_packet_is_404(client, staff_user):
    client.force_login(staff_user("Managers"))

    assert client.post(reverse("red_packets:disable", args=[999])).status_code == 404


# Listings and the type form -------------------------------------------------------------


def test_type_listing_counts_issued_and_used_without_a_query_per_row(
    client, staff_user, django_assert_max_num_queries
):
    for number in range(8):
        packet_type = make_fixed_red_packet_type(name=f"type {number}")
        packets = red_packet_issue(
            packet_type=packet_type, users=[UserFactory(), UserFactory()], actor=None
        )
        RedPacket.objects.filter(pk=packets[0].pk).update(status="used")
    client.force_login(staff_user("Managers"))

    with django_assert_max_num_queries(25):
        response = client.get(reverse("red_packet_types:index"))

    assert response.status_code == 200
    rows = {
        item.name: (item.issued_count, item.used_count) for item in response.context["object_list"]
    }
    assert rows["type 3"] == (2, 1)


def test_packet_listing_filters_by_status_and_searches_by_username(client, staff_user):
    packet_type = make_fixed_red_packet_type()
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    packets = red_packet_issue(packet_type=packet_type, users=[alice, bob], actor=None)
    RedPacket.objects.filter(pk=packets[1].pk).update(status="disabled")
    client.force_login(staff_user("Merchandisers"))
    index = reverse("red_packets:index")

    by_status = client.get(index, {"status": "disabled"}).context["object_list"]
    by_search = client.get(index, {"q": "alic"}).context["object_list"]

    assert [p.user.username for p in by_status] == ["bob"]
    assert [p.user.username for p in by_search] == ["alice"]


def test_packets_have_no_add_or_edit_form():
    from django.urls import NoReverseMatch

    for name in ("red_packets:add", "red_packets:edit", "red_packets:delete"):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=[] if name.endswith("add") else [1])


def test_type_form_validates_with_the_model_clean(client, staff_user):
    client.force_login(staff_user("Merchandisers"))

    response = client.post(
        reverse("red_packet_types:add"),
        {
            "name": "Broken",
            "kind": "percent",
            "amount": "",
            "percent": "",
            "cap": "",
            "min_spend": "0",
            "valid_from": "2030-01-02 00:00",
            "valid_until": "2030-01-01 00:00",
            "claim_limit": "1",
            "quantity_limit": "",
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["percent"] == ["A percentage packet needs the percent off."]
    assert errors["valid_until"] == ["The end must be after the start."]
    assert RedPacketType.objects.count() == 0


def test_merchandiser_creates_a_type(client, staff_user):
    client.force_login(staff_user("Merchandisers"))

    response = client.post(
        reverse("red_packet_types:add"),
        {
            "name": "10% off",
            "kind": "percent",
            "amount": "",
            "percent": "10",
            "cap": "30",
            "min_spend": "0",
            "valid_from": "2030-01-01 00:00",
            "valid_until": "2030-02-01 00:00",
            "claim_limit": "1",
            "quantity_limit": "",
            "claimable": "on",
        },
    )

    assert response.status_code == 302
    packet_type = RedPacketType.objects.get()
    assert (
        packet_type.kind,
        str(packet_type.percent),
        packet_type.claimable,
        packet_type.disabled,
    ) == ("percent", "10.00", True, False)


def test_admin_pages_render_for_a_manager(client, staff_user):
    manager = staff_user("Managers")
    packet_type = make_fixed_red_packet_type()
    [packet] = red_packet_issue(packet_type=packet_type, users=[UserFactory()], actor=manager)
    client.force_login(manager)

    urls = [
        reverse("red_packet_types:index"),
        reverse("red_packet_types:add"),
        reverse("red_packet_types:edit", args=[packet_type.pk]),
        reverse("red_packet_types:history", args=[packet_type.pk]),
        reverse("red_packet_types:disable", args=[packet_type.pk]),
        reverse("red_packets:index"),
        reverse("red_packets:inspect", args=[packet.pk]),
        reverse("red_packets:history", args=[packet.pk]),
        ISSUE_URL,
        reverse("wagtailadmin_home"),
    ]

    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 200)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Issued red packets" in menu and ISSUE_URL in menu
