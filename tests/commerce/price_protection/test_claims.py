"""Price protection: a drop within the window is claimable once for the exact difference;
outside the window or a flash-sale price is refused with the reason."""

from decimal import Decimal

import pytest

from commerce.models import RedPacket
from commerce.price_protection.models import ClaimStatus, PayoutMethod, PriceProtectionClaim
from commerce.price_protection.services import (
    PriceClaimRefused,
    order_price_checks,
    price_claim_create,
)
from commerce.promotions.models import CampaignKind
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

from .shop import buy, configure, deliver

pytestmark = pytest.mark.django_db


def test_a_drop_after_buying_is_claimed_once_for_the_difference_as_a_red_packet():
    bought = buy(quantity=2)  # paid ¥100.00 each
    make_campaign(percent_off="20", products=[bought.product])  # now ¥80.00
    deliver(bought.order, days_ago=3)

    [check] = order_price_checks(bought.order)
    assert check.claimable and check.amount == Decimal("40.00")
    claim = price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)

    assert claim.amount == Decimal("40.00") and claim.status == ClaimStatus.PAID_RED_PACKET
    packet = RedPacket.objects.get(user=bought.user)
    assert packet.packet_type.amount == Decimal("40.00")
    with pytest.raises(PriceClaimRefused, match="already claimed"):
        price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)
    assert PriceProtectionClaim.objects.count() == 1


def test_a_refund_shop_queues_the_claim_for_finance():
    configure(payout=PayoutMethod.REFUND)
    bought = buy(quantity=1)
    make_campaign(kind=CampaignKind.AMOUNT_OFF, amount_off="15.00", products=[bought.product])
    claim = price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)
    assert claim.status == ClaimStatus.AWAITING_REFUND and claim.amount == Decimal("15.00")
    assert not RedPacket.objects.exists()


def test_no_drop_nothing_to_claim():
    bought = buy()
    with pytest.raises(PriceClaimRefused, match="has not dropped"):
        price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)


def test_outside_the_window_after_delivery_is_refused_with_the_reason():
    configure(days_after_delivery=7)
    bought = buy()
    make_campaign(percent_off="20", products=[bought.product])
    deliver(bought.order, days_ago=8)
    with pytest.raises(PriceClaimRefused, match="7 days after delivery"):
        price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)
    assert not PriceProtectionClaim.objects.exists()


def test_a_flash_sale_price_is_refused_when_the_shop_excludes_it():
    configure(exclude_flash_sales=True)
    bought = buy()
    make_campaign(kind=CampaignKind.FLASH_SALE, sku_table=f"{bought.sku}, 50.00, 5")
    with pytest.raises(PriceClaimRefused, match="Flash-sale prices"):
        price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)

    configure(exclude_flash_sales=False)
    claim = price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)
    assert claim.amount == Decimal("100.00")  # 2 × (100 − 50)


def test_a_price_for_another_province_does_not_count():
    bought = buy()  # delivered to Guangdong
    make_campaign(percent_off="20", products=[bought.product], provinces=["beijing"])
    with pytest.raises(PriceClaimRefused, match="has not dropped"):
        price_claim_create(order=bought.order, line_id=bought.line.pk, user=bought.user)


def test_only_the_buyer_can_claim_and_only_a_line_of_the_order():
    bought = buy()
    make_campaign(percent_off="20", products=[bought.product])
    with pytest.raises(PriceClaimRefused, match="Only the shopper"):
        price_claim_create(order=bought.order, line_id=bought.line.pk, user=UserFactory())
    with pytest.raises(PriceClaimRefused, match="not on this order"):
        price_claim_create(order=bought.order, line_id=0, user=bought.user)
