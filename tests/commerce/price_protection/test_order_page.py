"""The shopper claims a price drop from the order page."""

import pytest
from django.urls import reverse

from commerce.price_protection.models import PriceProtectionClaim
from tests.factories.promotions import make_campaign

from .shop import buy, deliver

pytestmark = pytest.mark.django_db


def test_the_order_page_offers_the_difference_and_the_claim_pays_it_once(client):
    bought = buy(quantity=2)
    make_campaign(percent_off="20", products=[bought.product])
    client.force_login(bought.user)
    page = client.get(bought.order.get_absolute_url()).content.decode()
    assert "you can claim ¥40.00" in page and "Claim the difference" in page

    url = reverse("price_claim", args=[bought.order.number, bought.line.pk])
    response = client.post(url, follow=True)
    assert "¥40.00 of price difference is in your red packets." in response.content.decode()
    assert "¥40.00 claimed" in response.content.decode()
    again = client.post(url, follow=True).content.decode()
    assert "already claimed" in again
    assert PriceProtectionClaim.objects.count() == 1


def test_a_claim_outside_the_window_is_refused_with_the_reason(client):
    bought = buy()
    make_campaign(percent_off="20", products=[bought.product])
    deliver(bought.order, days_ago=30)
    client.force_login(bought.user)
    url = reverse("price_claim", args=[bought.order.number, bought.line.pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "days after delivery" in response.content.decode()
    assert not PriceProtectionClaim.objects.exists()


def test_another_shoppers_order_is_not_found(client, django_user_model):
    bought = buy()
    client.force_login(django_user_model.objects.create_user("other", "o@example.com", "x"))
    url = reverse("price_claim", args=[bought.order.number, bought.line.pk])
    assert client.post(url).status_code == 404
