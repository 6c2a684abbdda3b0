"""Every page of the main flows, storefront and admin, read in Chinese: no sentence of the
shop's own catalogue left in English, and no literal "None".

The English side of each entry of locale/zh_Hans/.../django.po is looked for in the text
a person reads (text nodes and the labels of controls). A short shop with Chinese data is
enough: a product in a cart, orders in each desk's queue, a red packet.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from commerce.models import OrderStatus
from tests.factories import UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import give_red_packet, make_shipping_method
from tests.factories.orders import Shop, make_order

pytestmark = pytest.mark.django_db

PO = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}")
# Words Chinese pages show as they are (codes, brands of software, units).
_SAME_IN_BOTH = {"SKU", "CSV", "COD", "ID", "SMTP", "Alipay", "WeChat Pay", "PayPal"}


def _english_sentences() -> set[str]:
    """Literal stretches of the catalogue's English of at least two words and ten letters,
    where the Chinese differs."""
    sentences = set()
    text = PO.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        if "msgctxt" in block or "msgid_plural" in block:
            continue
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', block.split("msgstr")[0], re.M))
        msgstr = "".join(re.findall(r'^(?:msgstr )?"(.*)"$', block.split("msgstr", 1)[-1], re.M))
        if not msgid or msgid == msgstr:
            continue
        for part in _PLACEHOLDER.split(msgid.replace('\\"', '"')):
            part = part.strip(" .,:;()“”\"'")
            if len(part) >= 10 and " " in part and part not in _SAME_IN_BOTH:
                sentences.add(part)
    return sentences


class _ReadText(HTMLParser):
    """What a person reads: text outside script/style, plus labels of controls."""

    LABELS = ("aria-label", "placeholder", "title", "alt", "value")

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        attrs = dict(attrs)
        for name in self.LABELS:
            if name == "value" and attrs.get("type") not in ("submit", "button"):
                continue
            if attrs.get(name):
                self.parts.append(attrs[name])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(" ".join(data.split()))


def read(html: str) -> list[str]:
    reader = _ReadText()
    reader.feed(html)
    return reader.parts


@pytest.fixture
def chinese_shop(site_tree):
    product = make_product(
        category=make_category("茶叶", "tea"),
        product_type=make_product_type("茶"),
        name="西湖龙井",
        prices=["68.00"],
        on_hand=100,
    )
    shop = Shop(sku=product.variants.get().sku, method=make_shipping_method(name="普通快递"))
    shopper = UserFactory(username="shopper", first_name="小明", last_name="王")
    give_red_packet(shopper, name="新人红包")
    orders = {
        status: make_order(shop, user=shopper, status=status, payment_method=method)
        for status, method in [
            (OrderStatus.AWAITING_PAYMENT, "bank_transfer"),
            (OrderStatus.CONFIRMED, "cod"),
            (OrderStatus.PAID, "bank_transfer"),
            (OrderStatus.STOCKING, "cod"),
            (OrderStatus.PACKING, "cod"),
            (OrderStatus.DELIVERED, "cod"),
        ]
    }
    return product, shopper, orders


def storefront_pages(product, orders) -> list[str]:
    order = orders[OrderStatus.AWAITING_PAYMENT]
    return [
        "/",
        "/products/",
        product.url if hasattr(product, "url") else f"/products/{product.slug}/",
        "/search/?q=龙井",
        "/search/?q=不存在的东西",
        "/cart/",
        "/checkout/",
        "/account/",
        "/account/profile/",
        "/account/addresses/",
        "/account/addresses/add/",
        "/account/orders/",
        f"/account/orders/{order.number}/",
        f"/account/orders/{orders[OrderStatus.PACKING].number}/",
        "/account/red-packets/",
        "/account/favourites/",
        f"/account/orders/{orders[OrderStatus.DELIVERED].number}/",
        reverse("after_sales_new", args=[orders[OrderStatus.DELIVERED].number]),
        reverse("after_sales_list"),
        "/help/",
        "/guides/",
    ]


def admin_pages(orders, shopper) -> list[str]:
    order = orders[OrderStatus.PAID]
    return [
        reverse("wagtailadmin_home"),
        reverse("orders:index"),
        reverse("orders:inspect", args=[order.pk]),
        reverse("finance:awaiting"),
        reverse("finance:reconciliation"),
        reverse("finance:cod"),
        reverse("finance:refunds"),
        reverse("finance:totals"),
        reverse("logistics:review"),
        reverse("logistics:stocking"),
        reverse("logistics:packing"),
        reverse("service:notes"),
        reverse("service:search") + "?q=王",
        reverse("service:order", args=[order.number]),
        reverse("service:customer", args=[shopper.pk]),
        reverse("red_packet_types:index"),
        reverse("red_packets:index"),
        reverse("stock_movements:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailsnippets_products_product:list"),
        reverse("after_sales:queue"),
        reverse("after_sales:expected"),
        reverse("after_sales:received"),
        reverse("after_sales:refunds"),
        reverse("after_sales:reports"),
        *(
            reverse("analytics_report", kwargs={"slug": slug})
            for slug in ("sales", "funnel", "products", "traffic", "promotions", "search")
        ),
    ]


def untranslated(client, url: str, sentences: set[str]) -> list[str]:
    response = client.get(url, follow=True)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    problems = []
    for text in read(response.content.decode()):
        if text == "None" or re.search(r"(^|[\s:：])None($|[\s,，.。])", text):
            problems.append(f"{url}: literal None in {text!r}")
        problems += [f"{url}: {s!r} in English" for s in sentences if s in text]
    return problems


def test_the_storefront_reads_chinese(client, chinese_shop):
    product, shopper, orders = chinese_shop
    client.force_login(shopper)
    sentences = _english_sentences()

    problems = []
    for url in storefront_pages(product, orders):
        problems += untranslated(client, url, sentences)

    assert problems == []


def test_the_admin_reads_chinese(client, chinese_shop):
    _product, shopper, orders = chinese_shop
    client.force_login(UserFactory(username="boss", is_superuser=True))
    sentences = _english_sentences()

    problems = []
    for url in admin_pages(orders, shopper):
        problems += untranslated(client, url, sentences)

    assert problems == []


def test_the_check_sees_an_english_sentence_and_a_none():
    sentences = {"Nothing is waiting here"}
    parts = read('<p>Nothing is waiting here today</p><p title="x">付款时间 None</p>')

    assert any(s in part for s in sentences for part in parts)
    assert any(re.search(r"(^|[\s:：])None($|[\s,，.。])", part) for part in parts)
