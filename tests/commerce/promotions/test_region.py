"""Regional offers: the shopper's province from the delivery address, the header's "deliver to"
choice or the offline IP database; a campaign or bundle for Guangdong serves only Guangdong."""

import logging
from dataclasses import replace
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from commerce.promotions.models import CampaignKind
from commerce.promotions.region import SESSION_KEY, shopper_province
from tests.factories.bundles import make_bundle
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import DELIVERY, make_address, make_shipping_method, place_order
from tests.factories.ip_regions import (
    ABROAD_IP,
    BEIJING_IP,
    GUANGDONG_IP,
    NOT_IN_DATABASE_IP,
    SICHUAN_IP_V6,
    write_ip_region_database,
)
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

D = Decimal
PROXY = "10.0.0.2"


@pytest.fixture
def shop(db):
    """Oolong (¥100.00) at 20 % off for Guangdong only; a cup (¥30.00) bundled with it at
    ¥10.00, for Guangdong only too."""
    kind = make_product_type()
    category = make_category("Tea", "tea")
    tea = make_product(category=category, product_type=kind, name="Oolong", prices=["100.00"])
    cup = make_product(category=category, product_type=kind, name="Cup", prices=["30.00"])
    make_campaign(
        kind=CampaignKind.PERCENT_OFF,
        name="Guangdong tea week",
        percent_off="20",
        products=[tea],
        provinces=["guangdong"],
    )
    make_bundle(
        main_product=tea,
        name="Guangdong tea set",
        items=[(cup.variants.get().sku, "10.00")],
        provinces=["guangdong"],
    )
    return {
        "tea": tea,
        "sku": tea.variants.get().sku,
        "method": make_shipping_method(base_fee="0.00"),
    }


@pytest.fixture
def ip_database(settings, tmp_path):
    settings.IP_REGION_DATABASE = str(write_ip_region_database(tmp_path / "regions.mmdb"))
    settings.TRUSTED_PROXIES = [PROXY]
    return settings.IP_REGION_DATABASE


def shown_price(client, shop, **extra):
    page = client.get(shop["tea"].url, **extra)
    assert page.status_code == 200
    return page.context["first_price"].price


def bundles_offered(client, shop, **extra):
    return [offer.bundle.name for offer in client.get(shop["tea"].url, **extra).context["bundles"]]


def province_of(**meta):
    return shopper_province(RequestFactory().get("/", **meta))


# The delivery address


def test_a_guangdong_campaign_applies_to_a_guangdong_address_not_to_beijing(shop):
    buyer = UserFactory()
    to_guangdong = place_order(user=buyer, quantities={shop["sku"]: 1}, method=shop["method"])
    to_beijing = place_order(
        user=buyer,
        quantities={shop["sku"]: 1},
        method=shop["method"],
        delivery=replace(DELIVERY, province="beijing", city="北京市", district="海淀区"),
    )

    assert (to_guangdong.total, to_guangdong.lines.get().campaign_name) == (
        D("80.00"),
        "Guangdong tea week",
    )
    assert (to_beijing.total, to_beijing.lines.get().campaign_name) == (D("100.00"), "")


def test_a_signed_in_shopper_sees_the_prices_and_bundles_of_their_address(client, shop):
    in_guangdong, in_beijing = UserFactory(), UserFactory()
    make_address(in_guangdong, province="guangdong")
    make_address(in_beijing, province="beijing")

    client.force_login(in_guangdong)
    guangdong = (shown_price(client, shop), bundles_offered(client, shop))
    client.force_login(in_beijing)
    beijing = (shown_price(client, shop), bundles_offered(client, shop))

    assert guangdong == (D("80.00"), ["Guangdong tea set"])
    assert beijing == (D("100.00"), [])


def test_the_address_beats_the_connections_province(shop, ip_database):
    shopper = UserFactory()
    make_address(shopper, province="beijing")
    request = RequestFactory().get("/", REMOTE_ADDR=GUANGDONG_IP)
    request.user = shopper
    request.session = {}

    assert shopper_province(request) == "beijing"


# The offline IP database


def test_the_ip_database_gives_a_visitor_without_an_address_their_province(ip_database):
    assert province_of(REMOTE_ADDR=GUANGDONG_IP) == "guangdong"
    assert province_of(REMOTE_ADDR=BEIJING_IP) == "beijing"
    assert province_of(REMOTE_ADDR=SICHUAN_IP_V6) == "sichuan"
    assert province_of(REMOTE_ADDR="61.139.2.3") == "sichuan"  # numeric GB/T 2260 code
    assert province_of(REMOTE_ADDR="117.136.1.1") == "guangxi"  # English name only
    assert province_of(REMOTE_ADDR=ABROAD_IP) == ""
    assert province_of(REMOTE_ADDR=NOT_IN_DATABASE_IP) == ""
    assert province_of(REMOTE_ADDR="192.168.1.9") == ""
    assert province_of(REMOTE_ADDR="not-an-address") == ""


def test_an_anonymous_visitor_is_priced_for_their_connections_province(client, shop, ip_database):
    assert shown_price(client, shop, REMOTE_ADDR=GUANGDONG_IP) == D("80.00")
    assert bundles_offered(client, shop, REMOTE_ADDR=GUANGDONG_IP) == ["Guangdong tea set"]
    assert shown_price(client, shop, REMOTE_ADDR=BEIJING_IP) == D("100.00")
    assert bundles_offered(client, shop, REMOTE_ADDR=BEIJING_IP) == []


def test_without_a_database_file_there_is_no_lookup_and_no_error(client, shop, settings, tmp_path):
    settings.IP_REGION_DATABASE = str(tmp_path / "missing.mmdb")

    assert province_of(REMOTE_ADDR=GUANGDONG_IP) == ""
    assert shown_price(client, shop, REMOTE_ADDR=GUANGDONG_IP) == D("100.00")


def test_an_unreadable_database_file_means_no_lookup(settings, tmp_path, caplog):
    broken = tmp_path / "broken.mmdb"
    broken.write_bytes(b"not a database")
    settings.IP_REGION_DATABASE = str(broken)

    with caplog.at_level(logging.WARNING, logger="commerce.promotions.geoip"):
        assert province_of(REMOTE_ADDR=GUANGDONG_IP) == ""
        assert province_of(REMOTE_ADDR=BEIJING_IP) == ""

    assert [r.getMessage() for r in caplog.records] == [
        f"The IP region database {broken} cannot be read; no IP lookups."
    ]


def test_a_replaced_database_file_is_read_again(settings, tmp_path):
    path = write_ip_region_database(tmp_path / "regions.mmdb")
    settings.IP_REGION_DATABASE = str(path)
    assert province_of(REMOTE_ADDR=BEIJING_IP) == "beijing"

    moved = {
        "123.125.0.0/16": {"country": {"iso_code": "CN"}, "subdivisions": [{"iso_code": "HI"}]}
    }
    write_ip_region_database(tmp_path / "new.mmdb", moved).replace(path)

    assert province_of(REMOTE_ADDR=BEIJING_IP) == "hainan"


# Behind a proxy


def test_a_spoofed_forwarded_for_from_an_untrusted_source_is_ignored(client, shop, ip_database):
    spoofed = {"REMOTE_ADDR": BEIJING_IP, "HTTP_X_FORWARDED_FOR": GUANGDONG_IP}

    assert province_of(**spoofed) == "beijing"
    assert shown_price(client, shop, **spoofed) == D("100.00")


def test_the_forwarded_for_of_a_trusted_proxy_is_honoured(client, shop, ip_database):
    proxied = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{BEIJING_IP}, {GUANGDONG_IP}"}

    # The address the proxy saw (the last one it added), not what the visitor put before it.
    assert province_of(**proxied) == "guangdong"
    assert shown_price(client, shop, **proxied) == D("80.00")
    assert province_of(REMOTE_ADDR=PROXY) == ""


# The header's "deliver to" choice


def test_the_header_offers_the_deliver_to_choice_as_a_labelled_form(client, shop, ip_database):
    html = client.get(shop["tea"].url, REMOTE_ADDR=BEIJING_IP).content.decode()

    assert '<details class="deliver-to">' in html
    assert f'action="{reverse("deliver_to")}" method="post"' in html
    assert '<label for="deliver-to-province">Deliver to</label>' in html
    assert '<select id="deliver-to-province" name="province" required>' in html
    assert '<option value="beijing" selected>Beijing</option>' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_choosing_a_province_changes_the_prices_bundles_and_calculator(client, shop, ip_database):
    url = shop["tea"].url
    before = client.get(url, REMOTE_ADDR=BEIJING_IP)
    assert (before.context["first_price"].price, before.context["province"]) == (
        D("100.00"),
        "beijing",
    )

    answer = client.post(
        reverse("deliver_to"), {"province": "guangdong", "next": url}, REMOTE_ADDR=BEIJING_IP
    )
    after = client.get(url, REMOTE_ADDR=BEIJING_IP)

    assert (answer.status_code, answer["Location"]) == (302, url)
    assert [str(m) for m in get_messages(answer.wsgi_request)] == [
        "Delivering to Guangdong: prices and offers are shown for it."
    ]
    assert after.context["first_price"].price == D("80.00")
    assert [offer.bundle.name for offer in after.context["bundles"]] == ["Guangdong tea set"]
    assert after.context["province"] == "guangdong"  # the shipping calculator's choice
    assert '<option value="guangdong" selected>Guangdong</option>' in after.content.decode()


def test_the_choice_beats_the_default_address_until_checkout_takes_the_delivery_address(
    client, shop
):
    shopper = UserFactory()
    make_address(shopper, province="beijing")
    client.force_login(shopper)

    client.post(reverse("deliver_to"), {"province": "guangdong", "next": shop["tea"].url})

    assert shown_price(client, shop) == D("80.00")
    beijing = replace(DELIVERY, province="beijing", city="北京市", district="海淀区")
    order = place_order(
        user=shopper, quantities={shop["sku"]: 1}, method=shop["method"], delivery=beijing
    )
    assert order.total == D("100.00")


@pytest.mark.parametrize("bad", ["atlantis", "", "Guangdong", "guangdong " * 50])
def test_a_bad_province_is_refused_with_a_message_and_changes_nothing(client, shop, bad):
    client.post(
        reverse("deliver_to"), {"province": "beijing", "next": shop["tea"].url}, follow=True
    )

    answer = client.post(reverse("deliver_to"), {"province": bad, "next": shop["tea"].url})

    assert (answer.status_code, answer["Location"]) == (302, shop["tea"].url)
    assert [str(m) for m in get_messages(answer.wsgi_request)] == [
        "Please choose a province or region from the list."
    ]
    assert client.session[SESSION_KEY] == "beijing"
    assert shown_price(client, shop) == D("100.00")


def test_the_choice_is_a_post_that_returns_only_to_this_site(client, shop):
    assert client.get(reverse("deliver_to")).status_code == 405

    answer = client.post(
        reverse("deliver_to"), {"province": "guangdong", "next": "https://elsewhere.example/"}
    )

    assert (answer.status_code, answer["Location"]) == (302, "/")


def test_the_choice_needs_the_forms_csrf_token(shop):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    assert strict.post(reverse("deliver_to"), {"province": "guangdong"}).status_code == 403


# No address of a connection is kept


def test_no_ip_address_is_kept_and_a_visitor_who_chose_nothing_gets_no_session(
    client, shop, ip_database
):
    browsing = client.get(shop["tea"].url, REMOTE_ADDR=GUANGDONG_IP)
    assert browsing.context["first_price"].price == D("80.00")
    assert "sessionid" not in browsing.cookies
    assert Session.objects.count() == 0

    client.post(
        reverse("deliver_to"),
        {"province": "sichuan", "next": "/"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=BEIJING_IP,
    )
    client.get(shop["tea"].url, REMOTE_ADDR=GUANGDONG_IP)

    sessions = [session.get_decoded() for session in Session.objects.all()]
    assert [session.get(SESSION_KEY) for session in sessions] == ["sichuan"]
    everything = StringIO()
    call_command("dumpdata", stdout=everything)
    stored = everything.getvalue() + repr(sessions)
    for address in (GUANGDONG_IP, BEIJING_IP, PROXY):
        assert address not in stored
