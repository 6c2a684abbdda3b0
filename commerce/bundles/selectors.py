"""Live bundles as pricing and the product page read them (cached, no query per card)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone

from products.models import ProductVariant

from ..promotions.region import shopper_province
from .models import BUNDLES_VERSION, Bundle

CACHE_SECONDS = 300


@dataclass(frozen=True)
class LiveBundle:
    """A bundle as pricing needs it: plain values, cheap to cache."""

    pk: int
    name: str
    main_product_id: int
    starts_at: datetime
    ends_at: datetime
    items: tuple[tuple[str, Decimal], ...]  # (companion SKU, bundle price)
    provinces: frozenset[str]

    def is_running(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at

    def serves(self, province: str) -> bool:
        return not self.provinces or province in self.provinces


def live_bundles() -> list[LiveBundle]:
    """Every published bundle not yet over, from the cache (two queries when it is cold)."""
    key = f"bundles:live:{BUNDLES_VERSION.current()}"
    bundles = cache.get(key)
    if bundles is None:
        queryset = Bundle.objects.filter(live=True, ends_at__gt=timezone.now()).prefetch_related(
            "items"
        )
        bundles = [
            LiveBundle(
                pk=bundle.pk,
                name=bundle.name,
                main_product_id=bundle.main_product_id,
                starts_at=bundle.starts_at,
                ends_at=bundle.ends_at,
                items=tuple((item.sku, item.price) for item in bundle.items.all()),
                provinces=frozenset(bundle.provinces or []),
            )
            for bundle in queryset
        ]
        cache.set(key, bundles, CACHE_SECONDS)
    return bundles


def running_bundles(*, province: str, now: datetime | None = None) -> list[LiveBundle]:
    now = now or timezone.now()
    return [b for b in live_bundles() if b.items and b.is_running(now) and b.serves(province)]


@dataclass
class BundleOffer:
    """A bundle on the main product's page: its companions with list and bundle prices."""

    bundle: LiveBundle
    companions: list[tuple[ProductVariant, Decimal]]  # (variant, bundle price)

    @property
    def saving(self) -> Decimal:
        return sum((variant.price - price for variant, price in self.companions), Decimal("0"))

    @property
    def companions_price(self) -> Decimal:
        return sum((price for _variant, price in self.companions), Decimal("0"))


def product_bundles(request, product) -> list[BundleOffer]:
    """The running bundles of this main product for the shopper's province, with every
    companion still on sale (a bundle missing one is not offered)."""
    bundles = [
        b
        for b in running_bundles(province=shopper_province(request))
        if b.main_product_id == product.pk
    ]
    if not bundles:
        return []
    skus = {sku for bundle in bundles for sku, _price in bundle.items}
    variants = {
        v.sku: v
        for v in ProductVariant.objects.filter(sku__in=skus, product__live=True).select_related(
            "product"
        )
    }
    return [
        BundleOffer(bundle=b, companions=[(variants[sku], price) for sku, price in b.items])
        for b in bundles
        if all(sku in variants for sku, _price in b.items)
    ]
