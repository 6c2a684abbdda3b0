"""Campaigns cost the product page the same queries however many SKUs and campaigns there
are: a product's categories are read once, not once per SKU and campaign."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commerce.promotions.models import CampaignKind
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.promotions import make_campaign

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_product_page_reads_categories_once_whatever_the_skus_and_campaigns(client):
    tea = make_category("Tea", "tea")
    kind = make_product_type()
    one_sku = make_product(category=tea, product_type=kind, name="Single", prices=["50.00"])
    ten_skus = make_product(
        category=tea, product_type=kind, name="Many", prices=[f"{60 + n}.00" for n in range(10)]
    )
    make_campaign(
        kind=CampaignKind.PERCENT_OFF, name="Tea 10%", percent_off="10", categories=[tea]
    )
    client.get(one_sku.url)  # warm the caches
    client.get(ten_skus.url)
    with_one = queries(client, one_sku.url)
    for number in range(5):
        make_campaign(
            kind=CampaignKind.PERCENT_OFF,
            name=f"Tea {number}",
            percent_off=str(number + 1),
            categories=[tea],
        )
    client.get(ten_skus.url)

    assert queries(client, ten_skus.url) <= with_one
