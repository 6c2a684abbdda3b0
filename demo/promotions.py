"""Demo offers a shopper meets at once: spend-and-save over the whole shop, 10% off the tea
category, a flash sale on one Longjing SKU with a cap, and a Longjing tasting bundle.

Each is published as a manager's approval would publish it, running from the day the demo is
loaded. Safe to run again: an offer already there (same name) is left as it is, whatever the
merchandisers did with it since.
"""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from commerce.bundles.models import Bundle, BundleItem
from commerce.promotions.models import Campaign, CampaignKind, CampaignTier
from products.models import Category, Product, ProductVariant

SPEND_AND_SAVE = "年终满减"
TEA_WEEK = "茶叶节 9 折"
FLASH_SALE = "限时抢购：明前龙井"
FLASH_SKU, FLASH_PRICE, FLASH_CAP = "QING-0113-00", "69.00", 30
BUNDLE = "龙井品鉴套装"
BUNDLE_MAIN = "tea-pre-qingming-longjing-green-tea-premium"
BUNDLE_COMPANIONS = (("QING-0118-00", "129.00"),)


def _publish(offer) -> None:
    offer.full_clean()
    offer.save()
    offer.save_revision().publish()


def _campaign(name: str, kind: str, *, days: int, **fields) -> Campaign:
    start = timezone.now() - timedelta(hours=1)
    return Campaign(
        name=name, kind=kind, starts_at=start, ends_at=start + timedelta(days=days), **fields
    )


@transaction.atomic
def load_promotion_demo(stdout=None) -> None:
    """The offers of the module docstring, those not there yet."""
    existing = set(Campaign.objects.values_list("name", flat=True))
    created = []
    if SPEND_AND_SAVE not in existing:
        campaign = _campaign(
            SPEND_AND_SAVE, CampaignKind.SPEND_AND_SAVE, days=30, whole_shop=True, badge="满减"
        )
        for threshold, off in (("199.00", "20.00"), ("399.00", "50.00")):
            campaign.tiers.add(CampaignTier(threshold=Decimal(threshold), amount_off=Decimal(off)))
        _publish(campaign)
        created.append(SPEND_AND_SAVE)
    tea = Category.objects.filter(slug="tea").first()
    if TEA_WEEK not in existing and tea is not None:
        campaign = _campaign(TEA_WEEK, CampaignKind.PERCENT_OFF, days=14, percent_off=Decimal(10))
        campaign.save()
        campaign.categories.set([tea])
        _publish(campaign)
        created.append(TEA_WEEK)
    if FLASH_SALE not in existing and ProductVariant.objects.filter(sku=FLASH_SKU).exists():
        campaign = _campaign(
            FLASH_SALE,
            CampaignKind.FLASH_SALE,
            days=3,
            sku_table=f"{FLASH_SKU}, {FLASH_PRICE}, {FLASH_CAP}",
            per_shopper_limit=2,
        )
        _publish(campaign)
        created.append(FLASH_SALE)
    main = Product.objects.filter(slug=BUNDLE_MAIN).first()
    if main is not None and not Bundle.objects.filter(name=BUNDLE).exists():
        start = timezone.now() - timedelta(hours=1)
        bundle = Bundle(
            name=BUNDLE, main_product=main, starts_at=start, ends_at=start + timedelta(days=30)
        )
        for sku, price in BUNDLE_COMPANIONS:
            bundle.items.add(BundleItem(sku=sku, price=Decimal(price)))
        _publish(bundle)
        created.append(BUNDLE)
    if stdout is not None:
        stdout.write(f"Offers: {len(created)} published ({', '.join(created) or 'all there'})")
