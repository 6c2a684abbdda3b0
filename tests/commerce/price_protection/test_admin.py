"""Customer service and finance see the claims in the admin, with totals, in both languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from commerce.price_protection.services import price_claim_create
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

from .shop import buy

pytestmark = pytest.mark.django_db


@pytest.fixture
def claimed():
    bought = buy(quantity=2)
    make_campaign(percent_off="20", products=[bought.product])
    return price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["1 claims", "¥40.00 in all", "Paid as a red packet"]),
        ("zh-hans", ["价保申请", "共 1 笔申请", "已发红包"]),
    ],
)
def test_the_claims_list_shows_each_claim_and_the_totals(client, claimed, language, words):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    with translation.override(language):
        response = client.get(
            reverse("price_protection_claims:index"), HTTP_ACCEPT_LANGUAGE=language
        )
    assert response.status_code == 200
    text = response.content.decode()
    assert claimed.sku in text
    for word in words:
        assert word in text
