"""The shopper's side of red packets: "my red packets" and the campaign page with its Claim
button."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from commerce.models import RedPacket
from commerce.red_packets.services import (
    red_packet_claim,
    red_packet_issue,
    red_packet_type_disable,
)
from tests.factories import UserFactory
from tests.factories.catalogue import make_category
from tests.factories.commerce import make_fixed_red_packet_type
from tests.factories.orders import make_order

pytestmark = pytest.mark.django_db

LIST_URL = reverse("red_packet_list")
CAMPAIGN_URL = reverse("red_packet_campaign")


def claim_url(packet_type) -> str:
    return reverse("red_packet_claim", kwargs={"type_id": packet_type.pk})


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# My red packets ---------------------------------------------------------------------------


def test_my_red_packets_needs_sign_in(client, site_tree):
    response = client.get(LIST_URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={LIST_URL}"


def test_my_red_packets_shows_each_group_with_rule_dates_and_scope(client, site_tree):
    shopper = UserFactory()
    now = timezone.now()
    tea = make_category("Tea", "tea")
    live = make_fixed_red_packet_type(name="Tea treat", min_spend="99.00", amount="15.00")
    live.categories.add(tea)
    expired = make_fixed_red_packet_type(
        name="Old", valid_from=now - timedelta(days=9), valid_until=now - timedelta(days=1)
    )
    withdrawn = make_fixed_red_packet_type(name="Pulled")
    used = make_fixed_red_packet_type(
        name="Spent", kind="percent", amount=None, percent="12.5", cap="30.00", min_spend="0"
    )
    for packet_type in (live, expired, withdrawn, used):
        RedPacket.objects.create(packet_type=packet_type, user=shopper)
    RedPacket.objects.create(packet_type=live, user=UserFactory())  # someone else's: not shown
    red_packet_type_disable(packet_type=withdrawn, actor=None)
    order = make_order(user=shopper, lines=False, checkout_key="k")
    RedPacket.objects.filter(packet_type=used).update(status="used", used_on=order, used_at=now)
    client.force_login(shopper)

    response = client.get(LIST_URL)

    groups = {
        code: [p.packet_type.name for p in packets]
        for code, packets in response.context["sections"]
    }
    assert groups == {
        "available": ["Tea treat"],
        "used": ["Spent"],
        "expired": ["Old"],
        "disabled": ["Pulled"],
    }
    html = response.content.decode()
    assert "¥15.00 off on a spend of ¥99.00" in html
    assert "Only: Tea" in html
    assert "12.5% off (at most ¥30.00), no minimum spend" in html
    assert "Withdrawn by the shop" in html
    assert f"Order {order.number}" in html
    assert html.count('class="red-packet red-packet--') == 4


def test_my_red_packets_query_count_does_not_grow_with_packets(
    client, site_tree, django_assert_max_num_queries
):
    shopper = UserFactory()
    category = make_category("Tea", "tea")
    for number in range(15):
        packet_type = make_fixed_red_packet_type(name=f"type {number}")
        packet_type.categories.add(category)
        red_packet_issue(packet_type=packet_type, users=[shopper], actor=None)
    client.force_login(shopper)

    with django_assert_max_num_queries(16):
        response = client.get(LIST_URL)

    assert len(response.context["groups"]["available"]) == 15


# Campaign page and claiming ---------------------------------------------------------------


def test_campaign_lists_only_running_claimable_types(client, site_tree):
    now = timezone.now()
    welcome = make_fixed_red_packet_type(name="Welcome", claimable=True, quantity_limit=100)
    make_fixed_red_packet_type(name="Not claimable")
    make_fixed_red_packet_type(name="Off", claimable=True, disabled=True)
    make_fixed_red_packet_type(
        name="Later",
        claimable=True,
        valid_from=now + timedelta(days=1),
        valid_until=now + timedelta(days=9),
    )
    make_fixed_red_packet_type(
        name="Over",
        claimable=True,
        valid_from=now - timedelta(days=9),
        valid_until=now - timedelta(days=1),
    )

    response = client.get(CAMPAIGN_URL)

    assert [t.name for t in response.context["packet_types"]] == ["Welcome"]
    html = response.content.decode()
    assert f'action="{claim_url(welcome)}"' in html
    assert "You will be asked to sign in first." in html


def test_anonymous_claim_goes_to_sign_in_and_back_to_the_campaign(client, site_tree):
    packet_type = make_fixed_red_packet_type(claimable=True)

    response = client.post(claim_url(packet_type))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={CAMPAIGN_URL}"
    assert RedPacket.objects.count() == 0


def test_claiming_adds_the_packet_and_then_shows_it_as_claimed(client, site_tree):
    packet_type = make_fixed_red_packet_type(claimable=True)
    shopper = UserFactory()
    client.force_login(shopper)

    response = client.post(claim_url(packet_type), follow=True)

    assert response.redirect_chain == [(CAMPAIGN_URL, 302)]
    assert "“¥20 off ¥199” is now in your red packets." in messages_of(response)
    assert RedPacket.objects.get().user == shopper
    assert 'data-claim-state="claimed"' in response.content.decode()
    again = client.post(claim_url(packet_type), follow=True)
    assert "You have already claimed this red packet." in messages_of(again)
    assert RedPacket.objects.count() == 1


def test_sold_out_type_is_shown_as_all_claimed(client, site_tree):
    packet_type = make_fixed_red_packet_type(claimable=True, quantity_limit=1)
    red_packet_claim(packet_type=packet_type, user=UserFactory())
    client.force_login(UserFactory())

    response = client.get(CAMPAIGN_URL)

    assert [t.claim_state for t in response.context["packet_types"]] == ["sold_out"]
    assert 'data-claim-state="sold_out"' in response.content.decode()


def test_claim_is_post_only_and_unknown_types_are_404(client, site_tree):
    client.force_login(UserFactory())
    not_claimable = make_fixed_red_packet_type()

    assert client.get(claim_url(not_claimable)).status_code == 405
    assert client.post(claim_url(not_claimable)).status_code == 404
    assert client.post(reverse("red_packet_claim", kwargs={"type_id": 999})).status_code == 404
