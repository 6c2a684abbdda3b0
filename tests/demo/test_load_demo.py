"""The demo content command: a complete shop on the first run, nothing changed on the second.

Loading the demo takes seconds, so one test loads it twice and checks both runs.
"""

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision, Site

from accounts.models import Address
from analytics.models import Event, ProductPair
from commerce.bundles.models import Bundle
from commerce.models import (
    Order,
    OrderLine,
    OrderStatus,
    OutgoingEmail,
    RedPacket,
    RedPacketType,
    ShippingMethod,
)
from commerce.orders.best_sellers import best_sellers
from commerce.orders.status import HOLDS_RESERVATION
from commerce.promotions.models import Campaign
from demo.content import BRANDS
from guides.models import GuidePage
from help_center.models import HelpArticlePage, HelpCategoryPage
from home.blocks import banner_is_current
from home.models import Announcement, HomePage, ShopSettings
from products.models import (
    BrandNewsItem,
    BrandPage,
    Category,
    EditorPick,
    Product,
    ProductType,
    ProductVariant,
    Stock,
)

STAFF_GROUPS = {
    "editor": "Editors",
    "merchandiser": "Merchandisers",
    "designer": "Designers",
    "service": "Customer service",
    "finance": "Finance",
    "logistics": "Logistics",
    "manager": "Managers",
}


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Pictures go to a throw-away folder instead of piling up in media-test/."""
    settings.MEDIA_ROOT = tmp_path


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "page log entries": PageLogEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "announcements": Announcement.objects.count(),
        "brand news": BrandNewsItem.objects.count(),
        "products": Product.objects.count(),
        "variants": ProductVariant.objects.count(),
        "stock rows": Stock.objects.count(),
        "categories": Category.objects.count(),
        "addresses": Address.objects.count(),
        "red packet types": RedPacketType.objects.count(),
        "red packets": RedPacket.objects.count(),
        "orders": Order.objects.count(),
        "order lines": OrderLine.objects.count(),
        "stock reserved": sum(Stock.objects.values_list("reserved", flat=True)),
        "events": Event.objects.count(),
        "recommendation pairs": ProductPair.objects.count(),
    }


def assert_recommendations():
    """Demo visits and orders give the product pages their rows, and the demo shopper a
    recently viewed list on any device."""
    shopper = get_user_model().objects.get(username="shopper")
    assert Event.objects.filter(kind="product_view").count() > 500
    assert Event.objects.filter(kind="product_view", user_id=shopper.pk).exists()
    assert ProductPair.objects.filter(kind="bought").exists()
    viewed = ProductPair.objects.filter(kind="viewed")
    assert viewed.values("product_id").distinct().count() > Product.objects.live().count() / 2


def assert_brands():
    brands = BrandPage.objects.live()
    assert brands.count() == 8
    for brand in brands:
        assert brand.logo is not None and brand.tagline and brand.story and brand.website
        assert 2 <= brand.news_items.count() <= 3
        assert brand.url.startswith("/brands/")


def assert_guides():
    guides = GuidePage.objects.live()
    assert guides.count() >= 20
    assert len({guide.date for guide in guides}) == guides.count()
    for guide in guides:
        assert guide.cover_image is not None and guide.summary and guide.author
        assert 2 <= guide.tags.count() <= 4
        assert {"rich_text", "image", "quote"} <= {block.block_type for block in guide.body}
        assert guide.live_revision is not None
    assert all(page.url.startswith("/guides/") for page in guides)


def assert_help_center():
    categories = HelpCategoryPage.objects.live()
    assert categories.count() == 4
    for category in categories:
        articles = category.get_articles()
        assert articles.count() >= 3
        for article in articles:
            kinds = [block.block_type for block in article.body]
            assert "tip" in kinds and "faq" in kinds
            assert all(
                block.value["image"] is not None
                for block in article.body
                if block.block_type == "step"
            )
    assert HelpArticlePage.objects.live().count() >= 12


def assert_home_page():
    home = HomePage.objects.get()
    kinds = [block.block_type for block in home.body]
    assert kinds == [
        "banner_carousel",
        "rich_text",
        "product_row",
        "product_row",
        "product_row",
        "product_row",
        "guide_teasers",
        "brand_wall",
        "help_shortcuts",
    ]
    assert [home.body[i].value["rule"] for i in range(2, 6)] == [
        "hot",
        "recommended",
        "new",
        "category",
    ]
    banners = home.body[0].value["banners"]
    assert [banner_is_current(banner) for banner in banners].count(True) == 3
    assert len(banners) == 5
    assert all(banner["image"].width == 1600 and banner["alt_text"] for banner in banners)
    assert list(home.body[7].value["brands"]) == []
    assert len(home.body[8].value["shortcuts"]) == 4
    assert home.live_revision is not None


def assert_catalogue():
    assert Product.objects.live().count() >= 300
    assert Category.objects.count() >= 12
    assert ProductType.objects.count() >= 4
    assert set(Product.objects.values_list("brand__slug", flat=True)) >= {
        brand.slug for brand in BRANDS
    }
    assert Product.objects.filter(live_revision__isnull=True).count() == 0
    assert Stock.objects.count() == ProductVariant.objects.count()
    assert not Product.objects.filter(images__isnull=True).exists()
    assert EditorPick.objects.count() == 8
    assert ShippingMethod.objects.count() == 3


def assert_announcements_and_settings():
    assert Announcement.objects.count() == 3
    assert {a.level for a in Announcement.objects.current()} == {"info", "promotion"}
    shop = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    # Notes under what checkout offers and charges, promising nothing checkout does not do.
    assert "订单号" in shop.payment_methods_info and "24 小时内发货" in shop.shipping_info
    help_texts = [str(page.body) + page.summary for page in HelpArticlePage.objects.all()]
    for text in [str(shop.payment_methods_info), str(shop.shipping_info), *help_texts]:
        for promise in (
            "支付宝",
            "微信支付",
            "银联",
            "72 小时",
            "30 分钟内",
            "2000 元",
            "收取 8 元",
        ):
            assert promise not in text
    assert shop.service_phone.startswith("400-") and shop.service_email and shop.service_hours
    assert len(shop.footer_links) == 3 and shop.footer_note


def assert_users():
    users = get_user_model().objects
    admin = users.get(username="admin")
    assert (
        admin.is_superuser and admin.email == "admin@example.com" and admin.check_password("admin")
    )
    for username, group in STAFF_GROUPS.items():
        user = users.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.check_password("demo1234") and not user.is_superuser
    shopper = users.get(username="shopper")
    assert (
        shopper.check_password("demo1234")
        and not shopper.is_staff
        and shopper.mobile == "13800138000"
    )
    assert shopper.addresses.get().is_default
    for number in range(2, 6):
        more = users.get(username=f"shopper{number}")
        assert more.check_password("demo1234") and more.addresses.get().is_default


def assert_red_packets():
    assert RedPacketType.objects.count() == 4
    assert RedPacketType.objects.filter(claimable=True).count() == 1
    held = set(
        RedPacket.objects.filter(user__username="shopper").values_list(
            "packet_type__name", flat=True
        )
    )
    assert (
        len(held) == 3
    )  # the percentage, the tea-and-coffee and the expired one; the welcome one is claimed


def assert_orders():
    orders = Order.objects.all()
    now = timezone.now()
    assert 50 <= orders.count() <= 60
    assert set(orders.values_list("user__username", flat=True)) == {
        "shopper",
        "shopper2",
        "shopper3",
        "shopper4",
        "shopper5",
    }
    S = OrderStatus
    assert {
        S.AWAITING_PAYMENT,
        S.PAID,
        S.CONFIRMED,
        S.SHIPPED,
        S.DELIVERED,
        S.COMPLETED,
        S.CANCELLED,
    } <= set(orders.values_list("status", flat=True))
    assert orders.filter(placed_at__lt=now - timedelta(hours=48)).exists()
    assert not orders.filter(placed_at__lt=now - timedelta(hours=73)).exists()
    assert orders.filter(placed_at__gte=now - timedelta(hours=24)).count() >= 20
    assert not orders.filter(status=S.AWAITING_PAYMENT, paid_at__isnull=False).exists()
    assert not orders.filter(status=S.COMPLETED, paid_at__isnull=True).exists()
    assert len(best_sellers(limit=8)) == 8
    assert not OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).exists()
    held = Counter()
    for sku, quantity in OrderLine.objects.filter(order__status__in=HOLDS_RESERVATION).values_list(
        "sku", "quantity"
    ):
        held[sku] += quantity
    reserved = dict(Stock.objects.filter(reserved__gt=0).values_list("sku", "reserved"))
    assert reserved == dict(held)
    assert not Stock.objects.filter(reserved__gt=F("on_hand")).exists()


def assert_offers():
    campaigns = {campaign.name: campaign for campaign in Campaign.objects.filter(live=True)}
    assert set(campaigns) == {"年终满减", "茶叶节 9 折", "限时抢购：明前龙井"}
    assert [row[2] for row in campaigns["限时抢购：明前龙井"].sku_rows()] == [30]
    now = timezone.now()
    assert all(c.starts_at <= now < c.ends_at for c in campaigns.values())
    bundle = Bundle.objects.get(live=True)
    assert bundle.items.count() == 1 and bundle.main_product.live


@pytest.mark.django_db
def test_load_demo_builds_the_shop_once_and_a_second_run_changes_nothing():
    quiet = StringIO()
    call_command("load_demo", verbosity=0, stdout=quiet)

    assert quiet.getvalue() == ""
    assert_brands()
    assert_guides()
    assert_help_center()
    assert_home_page()
    assert_catalogue()
    assert_announcements_and_settings()
    assert_users()
    assert_red_packets()
    assert_orders()
    assert_recommendations()
    assert_offers()

    before = snapshot()
    output = StringIO()
    call_command("load_demo", stdout=output)

    assert snapshot() == before
    assert "Admin: http://testserver/admin/  user admin  password admin" in output.getvalue()
    assert "Guides: 0 created, 23 already there" in output.getvalue()
    assert "Demo shopper:" in output.getvalue()
    assert "Demo orders: already there" in output.getvalue()
    assert "Offers: 0 published (all there)" in output.getvalue()
