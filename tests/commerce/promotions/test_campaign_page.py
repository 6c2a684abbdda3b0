"""A campaign's landing page: its products at the campaign's prices, its countdown, its end."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from commerce.models import CampaignPage
from commerce.promotions.models import CampaignKind
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.promotions import make_campaign


@pytest.fixture
def catalogue(db):
    kind = make_product_type()
    tea = make_category("Tea", "tea")
    return {
        "on_sale": [
            make_product(category=tea, product_type=kind, name=f"Tea {n}", prices=["100.00"])
            for n in range(3)
        ],
        "other": make_product(category=make_category("Cups", "cups"), product_type=kind),
        "tea": tea,
    }


def landing_page(site_tree, campaign) -> CampaignPage:
    page = CampaignPage(
        title="Tea festival",
        slug="tea-festival",
        campaign=campaign,
        intro="<p>Every tea 20 % off.</p>",
        body=json.dumps(
            [{"type": "campaign_products", "value": {"heading": "On offer", "count": 24}}]
        ),
    )
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_landing_page_lists_the_campaigns_products_at_the_campaign_price(
    client, site_tree, catalogue, django_assert_max_num_queries
):
    campaign = make_campaign(
        kind=CampaignKind.PERCENT_OFF,
        name="Tea festival",
        percent_off="20",
        categories=[catalogue["tea"]],
    )
    page = landing_page(site_tree, campaign)

    # 30, and one for the price history (the lowest price of 30 days next to sale prices)
    with django_assert_max_num_queries(31):
        response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert all(product.name in html for product in catalogue["on_sale"])
    assert catalogue["other"].name not in html
    assert html.count("¥80.00") >= 3 and "¥100.00" in html  # the sale and the struck price
    assert "data-countdown=" in html
    assert "Every tea 20 % off." in html


def test_an_ended_or_unpublished_campaign_shows_no_products_and_says_so(
    client, site_tree, catalogue
):
    campaign = make_campaign(
        kind=CampaignKind.PERCENT_OFF, percent_off="20", categories=[catalogue["tea"]]
    )
    page = landing_page(site_tree, campaign)
    campaign.ends_at = timezone.now() - timedelta(minutes=1)
    campaign.starts_at = campaign.ends_at - timedelta(days=1)
    campaign.save()

    html = client.get(page.url).content.decode()

    assert "This campaign has ended." in html
    assert "Tea 0" not in html
    campaign.unpublish()
    assert "Tea 0" not in client.get(page.url).content.decode()


def test_an_upcoming_campaign_says_when_it_starts(client, site_tree, catalogue):
    campaign = make_campaign(
        kind=CampaignKind.PERCENT_OFF,
        percent_off="20",
        categories=[catalogue["tea"]],
        starts_in=timedelta(days=2),
    )
    page = landing_page(site_tree, campaign)

    html = client.get(page.url).content.decode()

    assert "Starts " in html
    assert "Tea 0" not in html
