"""A claim the shop settles by refund waits in finance's refund queue until finance pays it,
once; customer service sees claims but cannot pay them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from commerce.desks.finance.services import order_confirm_bank_transfer
from commerce.models import Refund
from commerce.price_protection.models import ClaimStatus, PayoutMethod
from commerce.price_protection.services import price_claim_create
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

from .shop import buy, configure

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    configure(payout=PayoutMethod.REFUND)
    bought = buy(quantity=2, payment_method="bank_transfer")
    order_confirm_bank_transfer(
        order=bought.order,
        reference="BANK-1",
        amount_received=bought.order.total,
        actor=UserFactory(is_staff=True, is_superuser=True),
    )
    make_campaign(percent_off="20", products=[bought.product])
    return price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)


def test_finance_sees_the_claim_in_the_refund_queue_and_pays_it_once(client, staff_user, claim):
    assert claim.status == ClaimStatus.AWAITING_REFUND
    client.force_login(staff_user("Finance"))

    queue = client.get(reverse("finance:refunds"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Price protection claims to refund" in queue and "Refund ¥40.00" in queue

    url = reverse("finance:refund_price_claim", args=[claim.pk])
    response = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "Refunded the price drop of ¥40.00" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REFUNDED and claim.refund.amount == Decimal("40.00")

    again = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This claim is not waiting for a refund." in again
    assert Refund.objects.filter(order=claim.order).count() == 1
    assert "data-price-claims" not in again  # nothing left to pay


def test_the_queue_in_chinese(client, staff_user, claim):
    client.force_login(staff_user("Finance"))
    queue = client.get(reverse("finance:refunds"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "待退款的价保申请" in queue and "退款 ¥40.00" in queue


def test_customer_service_sees_the_claims_but_cannot_pay_them(client, staff_user, claim):
    client.force_login(staff_user("Customer service"))

    assert client.get(reverse("price_protection_claims:index")).status_code == 200
    response = client.post(reverse("finance:refund_price_claim", args=[claim.pk]))

    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.AWAITING_REFUND


@pytest.mark.parametrize("role", ["Finance", "Managers"])
def test_finance_and_managers_see_the_claims_list(client, staff_user, claim, role):
    client.force_login(staff_user(role))
    assert client.get(reverse("price_protection_claims:index")).status_code == 200


@pytest.mark.parametrize("role", ["Editors", "Logistics", None])
def test_other_staff_do_not_see_the_claims_list(client, staff_user, claim, role):
    client.force_login(staff_user(role, is_staff=True))
    response = client.get(reverse("price_protection_claims:index"))
    assert response.status_code in (302, 403)


def test_an_unknown_claim_is_404(client, staff_user):
    client.force_login(staff_user("Finance"))
    assert client.post(reverse("finance:refund_price_claim", args=[999999])).status_code == 404
