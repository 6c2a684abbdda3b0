"""What each kind of red packet takes off a basket: fixed, percentage with cap, minimum
spend, and limits to categories (with subcategories) or brands."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from commerce.models import RedPacket, RedPacketType
from commerce.pricing import PricedLine, price_basket, red_packet_discount, variants_for_pricing
from tests.factories import BrandPageFactory, UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def shop(site_tree):
    """Tea (with green tea below it) by brand A at ¥60, a ¥150 kettle by brand B, a ¥40 book with
    no brand."""
    product_type = make_product_type()
    tea = make_category("Tea", "tea")
    green = make_category("Green tea", "green-tea", parent=tea)
    kitchen = make_category("Kitchen", "kitchen")
    books = make_category("Books", "books")
    brand_a, brand_b = BrandPageFactory(title="A"), BrandPageFactory(title="B")
    longjing = make_product(
        category=green, product_type=product_type, brand=brand_a, prices=["60.00"]
    )
    kettle = make_product(
        category=kitchen, product_type=product_type, brand=brand_b, prices=["150.00"]
    )
    book = make_product(category=books, product_type=product_type, prices=["40.00"])
    variants = variants_for_pricing(
        [longjing.variants.get().sku, kettle.variants.get().sku, book.variants.get().sku]
    )
    by_product = {variant.product_id: variant for variant in variants.values()}
    return {
        "tea": tea,
        "green": green,
        "kitchen": kitchen,
        "brand_a": brand_a,
        "brand_b": brand_b,
        "tea_item": by_product[longjing.pk],
        "kettle": by_product[kettle.pk],
        "book": by_product[book.pk],
    }


def make_type(**fields) -> RedPacketType:
    now = timezone.now()
    values = {
        "name": "Packet",
        "kind": "fixed",
        "amount": D("20.00"),
        "min_spend": D("0.00"),
        "valid_from": now - timedelta(days=1),
        "valid_until": now + timedelta(days=1),
    }
    values.update(fields)
    return RedPacketType.objects.create(**values)


def lines(shop, **quantities) -> list[PricedLine]:
    return [
        PricedLine(variant=shop[name], quantity=quantity, unit_price=shop[name].price)
        for name, quantity in quantities.items()
    ]


@pytest.mark.parametrize(
    "fields, basket, amount",
    [
        ({"amount": D("20.00")}, {"tea_item": 1}, "20.00"),  # fixed
        (
            {"amount": D("20.00"), "min_spend": D("60.00")},
            {"tea_item": 1},
            "20.00",
        ),  # exactly the minimum
        ({"amount": D("100.00")}, {"book": 1}, "40.00"),  # never more than the goods
        (
            {"kind": "percent", "amount": None, "percent": D("10")},
            {"kettle": 1, "book": 1},
            "19.00",
        ),
        (
            {"kind": "percent", "amount": None, "percent": D("15")},
            {"tea_item": 1, "book": 1},
            "15.00",
        ),
        (
            {"kind": "percent", "amount": None, "percent": D("33.33")},
            {"book": 1},
            "13.33",
        ),  # 13.332 rounds half up
        ({"kind": "percent", "amount": None, "percent": D("12.5")}, {"book": 1}, "5.00"),
        (
            {"kind": "percent", "amount": None, "percent": D("50"), "cap": D("30.00")},
            {"kettle": 1},
            "30.00",
        ),
        (
            {"kind": "percent", "amount": None, "percent": D("10"), "cap": D("30.00")},
            {"kettle": 1},
            "15.00",
        ),
    ],
)
def test_value_of_a_packet_on_a_basket(shop, fields, basket, amount):
    discount, problem = red_packet_discount(make_type(**fields), lines(shop, **basket))

    assert (discount.amount, problem) == (D(amount), "")


def test_minimum_spend_not_reached_gives_nothing_and_says_why(shop):
    packet_type = make_type(min_spend=D("199.00"))

    discount, problem = red_packet_discount(packet_type, lines(shop, kettle=1, book=1))

    assert discount is None
    assert problem == "This red packet needs a spend of ¥199.00 on the goods it applies to."


def test_category_packet_counts_subcategories_and_only_its_goods(shop):
    packet_type = make_type(min_spend=D("100.00"))
    packet_type.categories.add(shop["tea"])

    enough, _ = red_packet_discount(packet_type, lines(shop, tea_item=2, kettle=1))
    short, problem = red_packet_discount(packet_type, lines(shop, tea_item=1, kettle=1))

    assert (enough.amount, enough.per_sku) == (D("20.00"), {shop["tea_item"].sku: D("20.00")})
    assert short is None
    assert problem == "This red packet needs a spend of ¥100.00 on the goods it applies to."


def test_brand_packet_applies_only_to_that_brand(shop):
    packet_type = make_type(kind="percent", amount=None, percent=D("10"))
    packet_type.brands.add(shop["brand_b"])

    discount, _ = red_packet_discount(packet_type, lines(shop, tea_item=1, kettle=1, book=1))
    nothing, problem = red_packet_discount(packet_type, lines(shop, book=1))

    assert (discount.amount, discount.per_sku) == (D("15.00"), {shop["kettle"].sku: D("15.00")})
    assert nothing is None
    assert problem == "This red packet does not apply to anything in your cart."


def test_category_or_brand_packet_applies_to_either(shop):
    packet_type = make_type(amount=D("50.00"))
    packet_type.categories.add(shop["tea"])
    packet_type.brands.add(shop["brand_b"])

    discount, _ = red_packet_discount(packet_type, lines(shop, tea_item=1, kettle=1, book=1))

    # ¥50 over ¥60 of tea and a ¥150 kettle, in proportion; the book is left alone.
    assert discount.per_sku == {shop["tea_item"].sku: D("14.29"), shop["kettle"].sku: D("35.71")}


def test_price_basket_applies_the_chosen_packet_and_spreads_it_over_lines(shop):
    packet = RedPacket.objects.create(packet_type=make_type(amount=D("10.00")), user=UserFactory())

    breakdown = price_basket(lines=[(shop["tea_item"], 1), (shop["book"], 1)], red_packet=packet)

    assert (breakdown.subtotal, breakdown.discount_total, breakdown.total) == (
        D("100.00"),
        D("10.00"),
        D("90.00"),
    )
    assert [line.discount for line in breakdown.lines] == [D("6.00"), D("4.00")]
    assert breakdown.red_packet_problem == ""
