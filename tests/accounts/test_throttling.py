"""Sign-in throttling (accounts.throttling): credential spraying from one address is paused,
the owner signing in from elsewhere is not, and the admin's sign-in is throttled the same."""

import pytest
from django.test import Client, RequestFactory

from accounts.throttling import client_ip_address
from tests.factories import UserFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/account/login/"
ADMIN_LOGIN = "/admin/login/"
ATTACKER = "203.0.113.7"
OWNER_ELSEWHERE = "198.51.100.20"


@pytest.fixture(autouse=True)
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.SHOP_CONNECTION_FAILURE_LIMIT = 20


@pytest.fixture
def accounts():
    return [UserFactory(username=f"shopper{n}") for n in range(30)]


def sign_in(client, username, password="wrong-password", *, url=LOGIN, ip=ATTACKER, **extra):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def test_spraying_from_one_address_is_paused(client, accounts):
    answers = [
        sign_in(client, account.username).status_code for account in accounts for _ in range(3)
    ]

    assert answers.count(200) == 19  # the 20th failure pauses the address
    assert answers[19:] == [429] * (90 - 19)


def test_the_pause_says_the_connection_is_paused_for_every_account(client, accounts):
    for account in accounts[:20]:
        sign_in(client, account.username)

    page = sign_in(client, accounts[25].username, PASSWORD)

    assert page.status_code == 429
    assert "paused signing in from it, for every account" in page.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_owner_signs_in_from_elsewhere_while_the_attackers_address_is_paused(client, accounts):
    owner = accounts[0]
    for account in accounts:
        for _ in range(3):
            sign_in(client, account.username)
    assert sign_in(client, owner.username, PASSWORD).status_code == 429

    response = sign_in(client, owner.username, PASSWORD, ip=OWNER_ELSEWHERE)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_five_failures_pause_one_account_from_one_address_only(client, accounts):
    target, other = accounts[0], accounts[1]
    answers = [sign_in(client, target.username).status_code for _ in range(5)]

    assert answers == [200, 200, 200, 200, 429]
    assert sign_in(client, target.username, PASSWORD).status_code == 429
    assert sign_in(client, other.username, PASSWORD).status_code == 302
    assert sign_in(Client(), target.username, PASSWORD, ip=OWNER_ELSEWHERE).status_code == 302


def test_the_admin_sign_in_is_throttled_the_same_way(client, accounts):
    staff = UserFactory(username="editor", is_superuser=True)
    answers = [
        sign_in(client, account.username, url=ADMIN_LOGIN).status_code for account in accounts
    ]

    assert answers[:19] == [200] * 19
    assert answers[19:] == [429] * 11
    assert sign_in(client, staff.username, PASSWORD, url=ADMIN_LOGIN).status_code == 429
    elsewhere = sign_in(Client(), staff.username, PASSWORD, url=ADMIN_LOGIN, ip=OWNER_ELSEWHERE)
    assert elsewhere.status_code == 302


def test_the_admin_pauses_one_account_after_five_failures(client):
    staff = UserFactory(username="editor", is_superuser=True)

    answers = [sign_in(client, "editor", url=ADMIN_LOGIN).status_code for _ in range(5)]

    assert answers == [200, 200, 200, 200, 429]
    assert sign_in(client, staff.username, PASSWORD, url=ADMIN_LOGIN).status_code == 429


def test_a_forwarded_for_header_from_a_visitor_does_not_buy_new_addresses(client, accounts):
    answers = [
        sign_in(client, account.username, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n, account in enumerate(accounts)
    ]

    assert answers.count(200) == 19


def test_the_visitors_address_behind_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    factory = RequestFactory()

    def address(remote, forwarded=None):
        extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
        return client_ip_address(factory.get("/", REMOTE_ADDR=remote, **extra))

    assert address("203.0.113.7") == "203.0.113.7"
    assert address("203.0.113.7", "192.0.2.1") == "203.0.113.7"  # not our proxy: ignored
    assert address("10.0.0.2", "192.0.2.1") == "192.0.2.1"
    assert address("10.0.0.2", "192.0.2.99, 192.0.2.1, 10.0.0.2") == "192.0.2.1"
    assert address("10.0.0.2", "not-an-address") == "10.0.0.2"
    assert address("10.0.0.2") == "10.0.0.2"
