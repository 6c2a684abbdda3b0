"""Shipping fees on a table of cases: weight steps, free-shipping threshold, regions."""

from decimal import Decimal

import pytest

from commerce.models import RegionRule, ShippingMethod
from commerce.shipping.services import ShippingError, shipping_fee, shipping_quotes

pytestmark = pytest.mark.django_db


@pytest.fixture
def standard():
    method = ShippingMethod.objects.create(
        name="Standard",
        code="standard",
        base_fee=Decimal("10.00"),
        first_weight_grams=1000,
        step_grams=1000,
        step_fee=Decimal("5.00"),
        free_shipping_threshold=Decimal("99.00"),
        sort_order=1,
    )
    RegionRule.objects.create(method=method, province="xinjiang", surcharge=Decimal("20.00"))
    RegionRule.objects.create(
        method=method,
        province="hainan",
        surcharge=Decimal("8.50"),
        surcharge_waived_when_free=True,
    )
    RegionRule.objects.create(method=method, province="tibet", unavailable=True)
    return method


@pytest.mark.parametrize(
    "province, goods_total, weight, expected",
    [
        ("beijing", "50.00", 500, "10.00"),  # first step only
        ("beijing", "50.00", 1000, "10.00"),  # exactly the first step
        ("beijing", "50.00", 1001, "15.00"),  # a gram over pays a whole step
        ("beijing", "50.00", 3500, "25.00"),  # three further steps
        ("beijing", "98.99", 3500, "25.00"),  # just under the threshold
        ("beijing", "99.00", 3500, "0.00"),  # threshold reached: free
        ("xinjiang", "50.00", 500, "30.00"),  # region surcharge
        ("xinjiang", "120.00", 500, "20.00"),  # free shipping does not cover this surcharge
        ("hainan", "120.00", 500, "0.00"),  # …but covers this one
        ("hainan", "20.00", 2500, "28.50"),  # base + 2 steps + surcharge
        ("tibet", "20.00", 500, None),  # not delivered
        ("beijing", "0.00", 0, "10.00"),  # weightless still pays the first step
    ],
)
def test_shipping_fee_table(standard, province, goods_total, weight, expected):
    fee = shipping_fee(
        method=standard, province=province, goods_total=Decimal(goods_total), weight_grams=weight
    )

    assert fee == (Decimal(expected) if expected is not None else None)


def test_quotes_list_every_active_method_in_order(standard):
    ShippingMethod.objects.create(
        name="Express", code="express", base_fee=Decimal("22.00"), sort_order=2
    )
    ShippingMethod.objects.create(
        name="Retired", code="retired", base_fee=Decimal("1.00"), active=False
    )

    quotes = shipping_quotes(province="beijing", goods_total=Decimal("10.00"), weight_grams=100)

    assert [(q.method.code, q.fee, q.free) for q in quotes] == [
        ("standard", Decimal("10.00"), False),
        ("express", Decimal("22.00"), False),
    ]


def test_unknown_province_is_refused_with_a_message(standard):
    with pytest.raises(ShippingError) as error:
        shipping_quotes(province="atlantis", goods_total=Decimal("10"), weight_grams=1)

    assert error.value.code == "unknown_province"
