"""Baskets × campaigns × 满减 tiers × red packet → exact totals, through ``price_basket``."""

from datetime import timedelta
from decimal import Decimal

import pytest

from commerce.pricing import price_basket
from commerce.promotions.models import CampaignKind
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import give_red_packet, make_red_packet_type
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

D = Decimal


@pytest.fixture
def catalogue(db):
    """Tea (100.00 and 35.50) in Tea › Green, snacks (50.00) in Snacks."""
    kind = make_product_type()
    tea_category = make_category("Tea", "tea")
    green = make_category("Green", "green", parent=tea_category)
    tea = make_product(category=green, product_type=kind, prices=["100.00", "35.50"])
    snack = make_product(category=make_category("Snacks", "snacks"), product_type=kind)
    snack.variants.update(price=D("50.00"))
    return {
        "tea": tea.variants.get(sort_order=0),
        "tea_small": tea.variants.get(sort_order=1),
        "snack": snack.variants.get(),
        "tea_category": tea_category,
        "tea_product": tea,
    }


def basket(catalogue, **quantities):
    return [(catalogue[name], quantity) for name, quantity in quantities.items()]


def no_campaign(c):
    pass


def tea_ten_percent(c):
    make_campaign(kind=CampaignKind.PERCENT_OFF, percent_off="10", products=[c["tea_product"]])


def tea_category_amount_off(c):
    make_campaign(kind=CampaignKind.AMOUNT_OFF, amount_off="15", categories=[c["tea_category"]])


def tea_special_and_percent(c):
    tea_ten_percent(c)
    make_campaign(kind=CampaignKind.SPECIAL_PRICE, sku_table=f"{c['tea'].sku}, 80.00")


def tiers_whole_shop(c):
    make_campaign(
        kind=CampaignKind.SPEND_AND_SAVE, whole_shop=True, tiers=[("199", "20"), ("399", "50")]
    )


def tiers_and_percent(c):
    tiers_whole_shop(c)
    tea_ten_percent(c)


def tiers_on_snacks_only(c):
    make_campaign(
        kind=CampaignKind.SPEND_AND_SAVE, sku_table=c["snack"].sku, tiers=[("100", "30")]
    )


def flash_snack_cap_one(c):
    make_campaign(kind=CampaignKind.FLASH_SALE, sku_table=f"{c['snack'].sku}, 30.00, 1")


def future_percent(c):
    make_campaign(
        kind=CampaignKind.PERCENT_OFF,
        percent_off="50",
        products=[c["tea_product"]],
        starts_in=timedelta(hours=1),
    )


def draft_percent(c):
    make_campaign(
        kind=CampaignKind.PERCENT_OFF, percent_off="50", products=[c["tea_product"]], live=False
    )


# (campaigns, basket, red packet (amount, not_with_campaigns) or None) → (discounts, total)
CASES = [
    (no_campaign, {"tea": 1, "snack": 1}, None, "0.00", "150.00"),
    (no_campaign, {"tea": 2, "snack": 1}, ("10.00", False), "10.00", "240.00"),
    (tea_ten_percent, {"tea": 1, "tea_small": 1}, None, "13.55", "121.95"),
    (tea_ten_percent, {"tea": 3}, ("10.00", False), "40.00", "260.00"),
    (tea_category_amount_off, {"tea": 2, "tea_small": 1, "snack": 1}, None, "45.00", "240.50"),
    (tea_special_and_percent, {"tea": 1}, None, "20.00", "80.00"),
    (tea_special_and_percent, {"tea_small": 2}, None, "7.10", "63.90"),
    (tiers_whole_shop, {"tea": 1, "snack": 1}, None, "0.00", "150.00"),
    (tiers_whole_shop, {"tea": 2, "snack": 1}, None, "20.00", "230.00"),
    (tiers_whole_shop, {"tea": 4}, None, "50.00", "350.00"),
    (tiers_whole_shop, {"tea": 2, "snack": 1}, ("10.00", False), "30.00", "220.00"),
    (tiers_and_percent, {"tea": 2, "snack": 1}, None, "40.00", "210.00"),
    # 90 × 2 = 180 after the campaign price: below the ¥199 tier.
    (tiers_and_percent, {"tea": 2}, None, "20.00", "180.00"),
    (tiers_and_percent, {"tea": 2, "snack": 1}, ("10.00", False), "50.00", "200.00"),
    # "Not with campaigns": only the snack (no campaign touched it) counts for the packet.
    (tea_ten_percent, {"tea": 1, "snack": 1}, ("10.00", True), "20.00", "130.00"),
    (tiers_on_snacks_only, {"tea": 1, "snack": 2}, None, "30.00", "170.00"),
    (flash_snack_cap_one, {"snack": 2}, None, "20.00", "80.00"),
    (future_percent, {"tea": 1}, None, "0.00", "100.00"),
    (draft_percent, {"tea": 1}, None, "0.00", "100.00"),
]


@pytest.mark.parametrize(("campaigns", "quantities", "packet", "discounts", "total"), CASES)
def test_basket_totals(catalogue, campaigns, quantities, packet, discounts, total):
    campaigns(catalogue)
    red_packet = None
    if packet is not None:
        amount, exclusive = packet
        red_packet = give_red_packet(
            UserFactory(), make_red_packet_type(amount=amount, not_with_campaigns=exclusive)
        )

    breakdown = price_basket(lines=basket(catalogue, **quantities), red_packet=red_packet)

    assert (breakdown.discount_total, breakdown.total) == (D(discounts), D(total))
    assert sum(line.discount for line in breakdown.lines) == breakdown.discount_total
    assert all(line.total >= 0 for line in breakdown.lines)


def test_a_not_with_campaigns_packet_on_campaign_goods_only_says_why(catalogue):
    tea_ten_percent(catalogue)
    packet = give_red_packet(
        UserFactory(), make_red_packet_type(amount="10.00", not_with_campaigns=True)
    )

    breakdown = price_basket(lines=basket(catalogue, tea=1), red_packet=packet)

    assert breakdown.red_packet_discount() is None
    assert breakdown.red_packet_problem == (
        "This red packet cannot be combined with campaign prices."
    )


def test_spend_and_save_hints_what_is_missing_for_the_next_tier(catalogue):
    make_campaign(
        kind=CampaignKind.SPEND_AND_SAVE,
        name="Spring",
        whole_shop=True,
        tiers=[("199", "20"), ("399", "50")],
    )

    below = price_basket(lines=basket(catalogue, tea=1, snack=1))
    between = price_basket(lines=basket(catalogue, tea=2, snack=1))
    above = price_basket(lines=basket(catalogue, tea=4))

    assert below.hints == ["Spend ¥49.00 more to save ¥20.00 (Spring)"]
    assert between.hints == ["Spend ¥149.00 more to save ¥50.00 (Spring)"]
    assert above.hints == []


def test_regional_campaign_prices_only_for_its_provinces(catalogue):
    make_campaign(
        kind=CampaignKind.PERCENT_OFF,
        percent_off="20",
        products=[catalogue["tea_product"]],
        provinces=["guangdong"],
    )

    guangdong = price_basket(lines=basket(catalogue, tea=1), province="guangdong")
    beijing = price_basket(lines=basket(catalogue, tea=1), province="beijing")
    unknown = price_basket(lines=basket(catalogue, tea=1))

    assert (guangdong.total, beijing.total, unknown.total) == (
        D("80.00"),
        D("100.00"),
        D("100.00"),
    )


def test_each_campaign_discount_is_named_and_split_over_its_lines(catalogue):
    make_campaign(
        kind=CampaignKind.PERCENT_OFF,
        name="Tea week",
        percent_off="10",
        products=[catalogue["tea_product"]],
    )

    breakdown = price_basket(lines=basket(catalogue, tea=1, tea_small=2, snack=1))

    (discount,) = breakdown.discounts
    assert discount.label == "Tea week"
    assert discount.per_sku == {
        catalogue["tea"].sku: D("10.00"),
        catalogue["tea_small"].sku: D("7.10"),
    }
    tea_line = breakdown.lines[0]
    assert (tea_line.campaign_name, tea_line.offer.price, tea_line.total) == (
        "Tea week",
        D("90.00"),
        D("90.00"),
    )
