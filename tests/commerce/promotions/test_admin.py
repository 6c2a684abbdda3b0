"""Campaigns in the admin: merchandisers draft and submit, managers approve; the preview shows
the resulting prices; a scheduled campaign starts and ends by itself."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from commerce.pricing import price_basket
from commerce.promotions.models import Campaign, CampaignKind
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.promotions import make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def tea(db):
    return make_product(
        category=make_category("Tea", "tea"),
        product_type=make_product_type(),
        name="Green tea",
        prices=["100.00"],
    )


def campaign_form(*, products=(), tiers=(), **fields) -> dict:
    now = timezone.localtime()
    data = {
        "name": "Spring sale",
        "badge": "",
        "kind": CampaignKind.PERCENT_OFF,
        "starts_at": (now - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "ends_at": (now + timedelta(days=3)).strftime("%Y-%m-%d %H:%M"),
        "percent_off": "20",
        "amount_off": "",
        "per_shopper_limit": "",
        "sku_table": "",
        "tiers": inline_formset([{"threshold": spend, "amount_off": off} for spend, off in tiers]),
        "campaign_products": inline_formset([{"product": p.pk} for p in products]),
    }
    data.update(fields)
    return nested_form_data(data)


def add_url():
    return reverse("wagtailsnippets_commerce_campaign:add")


def workflow_action_url(campaign, action):
    return reverse(
        "wagtailsnippets_commerce_campaign:workflow_action",
        args=[campaign.pk, action, campaign.current_workflow_task_state.pk],
    )


def card_price_text(client) -> str:
    return client.get("/products/").content.decode()


def test_merchandisers_campaign_prices_nothing_until_a_manager_approves(client, staff_user, tea):
    client.force_login(staff_user("Merchandisers"))
    data = campaign_form(products=[tea])
    data["action-submit"] = "Submit"

    response = client.post(add_url(), data)

    assert response.status_code == 302, response.context["form"].errors
    campaign = Campaign.objects.get(name="Spring sale")
    assert campaign.live is False
    assert campaign.current_workflow_state.workflow.name == "Editorial review"
    assert "¥80.00" not in card_price_text(client)

    client.force_login(staff_user("Managers"))
    response = client.post(workflow_action_url(campaign, "approve"), {"comment": ""})

    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.live is True
    page = card_price_text(client)
    assert '<span class="price price--sale">¥80.00</span>' in page
    assert "¥100.00</del>" in page
    assert "Spring sale</p>" in page


def test_merchandiser_cannot_publish_a_campaign(client, staff_user, tea):
    client.force_login(staff_user("Merchandisers"))
    data = campaign_form(products=[tea])
    data["action-publish"] = "Publish"

    client.post(add_url(), data)

    assert Campaign.objects.get(name="Spring sale").live is False


def test_pasted_skus_with_bad_lines_are_refused_with_the_line_named(client, staff_user, tea):
    client.force_login(staff_user("Merchandisers"))
    data = campaign_form(
        kind=CampaignKind.SPECIAL_PRICE, percent_off="", sku_table="P1-0, 12.5x\nP1-0, 10"
    )

    response = client.post(add_url(), data)

    assert response.status_code == 200
    errors = response.context["form"].errors["sku_table"]
    assert "Line 1 (“P1-0, 12.5x”) should read SKU, price, cap." in errors
    assert not Campaign.objects.exists()


def test_flash_sale_needs_a_cap_on_every_line(client, staff_user, tea):
    client.force_login(staff_user("Merchandisers"))
    sku = tea.variants.get().sku
    data = campaign_form(kind=CampaignKind.FLASH_SALE, percent_off="", sku_table=f"{sku}, 50")

    response = client.post(add_url(), data)

    assert (
        "A flash sale needs a cap on every line: SKU, price, cap."
        in (response.context["form"].errors["sku_table"])
    )


def test_preview_lists_every_covered_sku_with_its_campaign_price(client, staff_user, tea):
    other = make_product(
        category=tea.primary_category, product_type=tea.product_type, prices=["40.00"]
    )
    client.force_login(staff_user("Merchandisers"))
    url = reverse("wagtailsnippets_commerce_campaign:preview_on_add")
    data = campaign_form(
        kind=CampaignKind.SPECIAL_PRICE,
        percent_off="",
        sku_table=f"{other.variants.get().sku}, 29.90\nNO-SUCH-SKU, 5",
        products=[tea],
    )

    answer = client.post(url, data).json()
    assert answer["is_valid"] is True, answer
    preview = client.get(url).content.decode()

    assert "Green tea" in preview and "¥29.90" in preview
    assert "These SKUs match no product: NO-SUCH-SKU" in preview


def test_an_approved_scheduled_campaign_starts_and_ends_by_the_clock(tea):
    campaign = make_campaign(
        kind=CampaignKind.AMOUNT_OFF,
        amount_off="30",
        products=[tea],
        starts_in=timedelta(hours=2),
        lasts=timedelta(days=1),
    )
    line = [(tea.variants.get(), 1)]

    def total_at(moment):
        return price_basket(lines=line, now=moment).total

    assert total_at(timezone.now()) == Decimal("100.00")
    assert total_at(campaign.starts_at) == Decimal("70.00")
    assert total_at(campaign.ends_at - timedelta(seconds=1)) == Decimal("70.00")
    assert total_at(campaign.ends_at) == Decimal("100.00")


def test_stacking_rules_are_shown_on_the_form(client, staff_user):
    client.force_login(staff_user("Merchandisers"))

    page = client.get(add_url()).content.decode()

    assert "How offers stack." in page


def test_the_campaign_list_shows_dates_ahead_as_dates_in_the_admins_language(client, staff_user):
    campaign = make_campaign(name="Autumn tea", percent_off="10")
    Campaign.objects.filter(pk=campaign.pk).update(
        ends_at=timezone.make_aware(datetime(2099, 12, 31, 23, 0))
    )
    client.force_login(staff_user("Merchandisers"))

    page = client.get(reverse("wagtailsnippets_commerce_campaign:list")).content.decode()

    assert "2099-12-31 23:00" in page  # not "just now"
    assert "Updated" in page and "已更新" not in page
