"""The product page says about paying and delivery what checkout does: the payment methods
switched on with the time an order waits for its money, the offered shipping methods with
their fee rules; the editors' notes follow."""

from decimal import Decimal

import pytest
from wagtail.models import Site

from commerce.shipping.models import RegionRule
from home.models import ShopSettings
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method

pytestmark = pytest.mark.django_db


@pytest.fixture
def tea(db):
    return make_product(
        category=make_category("Tea", "tea"), product_type=make_product_type(), name="Oolong"
    )


def _section(content: str, heading: str) -> str:
    start = content.index(f">{heading}</h2>")
    return content[start : content.index("</section>", start)]


def test_the_ways_to_pay_are_those_checkout_offers_with_the_wait_from_the_settings(
    client, tea, settings
):
    settings.PAYMENT_DEMO_GATEWAY = True
    settings.ORDER_PAYMENT_TIMEOUT_MINUTES = 90

    payment = _section(client.get(tea.url).content.decode(), "Payment methods")

    assert "Cash on delivery" in payment and "Bank transfer" in payment
    assert "Online payment (demo)" in payment
    assert "the order waits 90 minutes for the money" in payment
    assert "Alipay" not in payment and "WeChat Pay" not in payment

    settings.PAYMENT_DEMO_GATEWAY = False
    settings.ORDER_PAYMENT_TIMEOUT_MINUTES = 48 * 60
    payment = _section(client.get(tea.url).content.decode(), "Payment methods")
    assert "Online payment (demo)" not in payment and "waits 48 hours" in payment


def test_the_shipping_methods_show_the_fee_rules_checkout_applies(client, tea):
    method = make_shipping_method(
        name="Courier", free_from="99.00", first_weight_grams=1000, step_fee=Decimal("5.00")
    )
    RegionRule.objects.create(method=method, province="xinjiang", surcharge=Decimal("15.00"))
    RegionRule.objects.create(method=method, province="xizang", unavailable=True)
    make_shipping_method(code="van", name="Retired van", active=False)

    shipping = _section(client.get(tea.url).content.decode(), "Shipping and delivery")

    assert "Courier" in shipping and "Retired van" not in shipping
    assert (
        "¥10.00 for the first 1 kg, ¥5.00 for each further 1 kg; free for goods from ¥99.00."
        in " ".join(shipping.split())
    )
    assert "One province or region costs more." in shipping
    assert "One province or region is not served." in shipping


def test_the_editors_notes_follow_the_facts(client, tea):
    shop = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    shop.shipping_info = "<p>Parcels leave within a day.</p>"
    shop.save()

    shipping = _section(client.get(tea.url).content.decode(), "Shipping and delivery")

    assert "Parcels leave within a day." in shipping and "shop-facts" not in shipping


def test_the_page_says_it_in_chinese_too(client, tea, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    make_shipping_method(name="快递", first_weight_grams=1000)

    content = client.get(tea.url).content.decode()

    assert "货到付款" in content and "订单会等待 24 小时到账" in content
    assert "首重 1 公斤 ¥10.00" in content
