"""A small but complete shop for tests that walk every main storefront page.

The accessibility and phone-layout tests visit the same pages (home, listing, product,
search, guide, help article, brand, cart, checkout, account, order) with every component
those pages can show: a carousel of two banners, product rows, a brand wall, a product
with two variants and two photos, facets, a help article with an FAQ, a cart with a line,
a placed order, and customer-service details long enough to overflow a narrow footer.
"""

from dataclasses import dataclass

from django.conf import settings
from django.test import Client
from wagtail.models import Site

from commerce.cart.services import cart_add_line
from commerce.models import Cart
from commerce.promotions.models import CampaignKind
from home.models import HomePage, ShopSettings
from tests.factories import (
    AnnouncementFactory,
    BrandPageFactory,
    GuidePageFactory,
    HelpArticlePageFactory,
    HelpCategoryPageFactory,
    ImageFactory,
    UserFactory,
)
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_address, make_shipping_method
from tests.factories.orders import Shop, make_order
from tests.factories.promotions import make_campaign

# Every page the tour visits, in the order a shopper meets them.
PAGE_NAMES = (
    "home",
    "listing",
    "product",
    "search",
    "guide",
    "help article",
    "brand",
    "cart",
    "checkout",
    "account",
    "order",
)
LANGUAGES = ("zh-hans", "en")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Tour:
    """The shop the tour walks: each page's path and the signed-in shopper."""

    paths: dict[str, str]
    shopper: object


def build_shop() -> Tour:
    """Everything the main pages show, built with the factories."""
    tea = make_category("茶叶 Tea", "tea")
    green = make_category("绿茶 Green tea", "green-tea", parent=tea)
    make_category("茶具 Teaware", "teaware")
    loose_leaf = make_product_type(
        "Loose-leaf tea",
        attributes=[
            {
                "code": "origin",
                "name": "Origin",
                "kind": "choice",
                "choices": "Hangzhou\nSuzhou",
                "filterable": True,
            },
        ],
    )
    brand = BrandPageFactory(title="西湖茶庄 West Lake Tea", slug="west-lake-tea")
    longjing = make_product(
        name="明前龙井 Longjing green tea",
        category=green,
        product_type=loose_leaf,
        brand=brand,
        prices=["128.00", "238.00"],
        attributes={"origin": "Hangzhou"},
        image=ImageFactory(title="Longjing"),
        sales_count=30,
    )
    biluochun = [
        make_product(
            name=f"碧螺春 Biluochun {number}",
            category=green,
            product_type=loose_leaf,
            prices=["59.00"],
            attributes={"origin": "Suzhou"},
            image=ImageFactory(title=f"Biluochun {number}"),
            sales_count=number,
        )
        for number in range(3)
    ]
    # The offers' badges, countdown and tiers are on the pages too (their colours included).
    make_campaign(
        kind=CampaignKind.FLASH_SALE,
        name="限时抢购 Flash sale",
        sku_table=f"{biluochun[0].variants.get().sku}, 39.00, 20",
        per_shopper_limit=2,
    )
    make_campaign(
        kind=CampaignKind.SPEND_AND_SAVE,
        name="满减 Spend and save",
        whole_shop=True,
        tiers=[("299", "20")],
    )
    method = make_shipping_method("standard", base_fee="10.00", free_from="99.00")
    guide = GuidePageFactory(
        title="如何挑选绿茶 Choosing green tea",
        slug="choosing-green-tea",
        cover_image=ImageFactory(title="Green tea"),
        tags=["tea"],
    )
    payment = HelpCategoryPageFactory(title="支付 Payment", slug="payment")
    article = HelpArticlePageFactory(
        title="货到付款 Cash on delivery",
        slug="cash-on-delivery",
        parent=payment,
        body=[
            {
                "type": "step",
                "value": {
                    "title": "Choose cash on delivery",
                    "text": "<p>Pick it at checkout.</p>",
                    "image": ImageFactory(title="Checkout").pk,
                    "alt_text": "The checkout page",
                },
            },
            {"type": "tip", "value": {"text": "<p>Have the exact amount ready.</p>"}},
            {
                "type": "faq",
                "value": {
                    "question": "Can I pay the courier by card?",
                    "answer": "<p>Most couriers take WeChat Pay.</p>",
                },
            },
        ],
    )
    _fill_home_page(products=[longjing], brand=brand, guide=guide, article=article)
    _fill_shop_settings()
    AnnouncementFactory(text="春茶上新，满 99 元包邮 Spring teas are in: free delivery from ¥99")

    shopper = UserFactory(username="mei", email="mei@example.com")
    make_address(shopper)
    sku = longjing.variants.order_by("sort_order").first().sku
    order = make_order(Shop(sku=sku, method=method), user=shopper, payment_method="cod")
    cart_add_line(cart=Cart.objects.create(user=shopper), sku=sku, quantity=2)
    return Tour(
        paths={
            "home": "/",
            "listing": "/products/?category=tea",
            "product": f"/products/{longjing.slug}/",
            "search": "/search/?q=tea",
            "guide": guide.url,
            "help article": article.url,
            "brand": brand.url,
            "cart": "/cart/",
            "checkout": "/checkout/",
            "account": "/account/",
            "order": f"/account/orders/{order.number}/",
        },
        shopper=shopper,
    )


def _fill_home_page(*, products, brand, guide, article) -> None:
    """The home page as a merchandiser sets it up: banners, rows, brands, guides, help."""
    home = HomePage.objects.get()
    home.body = [
        {
            "type": "banner_carousel",
            "value": {
                "banners": [
                    {
                        "image": ImageFactory(title=f"Banner {number}").pk,
                        "alt_text": f"Spring tea, picture {number}",
                        "heading": f"春茶节 Spring tea festival {number}",
                        "link": {"page": None, "url": "/products/"},
                        "starts_at": None,
                        "ends_at": None,
                    }
                    for number in (1, 2)
                ]
            },
        },
        {
            "type": "product_row",
            "value": {
                "heading": "编辑推荐 Picked for you",
                "rule": "hand_picked",
                "products": [product.pk for product in products],
                "category": None,
                "count": 8,
            },
        },
        {"type": "product_row", "value": {"heading": "", "rule": "hot", "count": 4}},
        {"type": "brand_wall", "value": {"heading": "品牌 Brands", "brands": [brand.pk]}},
        {"type": "guide_teasers", "value": {"heading": "导购 Guides", "guides": [], "count": 4}},
        {"type": "help_shortcuts", "value": {"heading": "帮助 Help", "shortcuts": [article.pk]}},
    ]
    home.save_revision().publish()


def _fill_shop_settings() -> None:
    """Contact details as long as real ones: they must wrap, not widen the page."""
    shop = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    shop.service_phone = "400-820-8820"
    shop.service_email = "customerservice@westlaketeashop.example.com"
    shop.service_hours = "周一至周日 9:00–21:00（法定节假日照常服务）Mon–Sun 9:00–21:00"
    shop.footer_links = [
        {
            "type": "column",
            "value": {
                "heading": "购物指南 Shopping",
                "links": [{"label": "帮助中心 Help", "link": {"page": None, "url": "/help/"}}],
            },
        }
    ]
    shop.save()


def sign_in(page, user, *, origin: str) -> None:
    """Give the browser a signed-in session for ``user`` at ``origin`` (no login form round
    trip)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": origin}]
    )


def use_language(page, language: str, *, origin: str) -> None:
    """Remember ``language`` at ``origin`` as the language switch does (its cookie)."""
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": origin}]
    )
