"""Bundles for tests, published through a revision as the admin would."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from commerce.bundles.models import Bundle, BundleItem


def make_bundle(
    *,
    main_product,
    items: list[tuple[str, str]],
    name: str = "Tea set",
    provinces: list[str] = (),
    starts_in: timedelta = timedelta(hours=-1),
    lasts: timedelta = timedelta(days=7),
    live: bool = True,
) -> Bundle:
    """A bundle of ``main_product`` and (companion SKU, bundle price) items, running now."""
    starts_at = timezone.now() + starts_in
    bundle = Bundle(
        name=name,
        main_product=main_product,
        starts_at=starts_at,
        ends_at=starts_at + lasts,
        provinces=list(provinces),
        live=False,
    )
    for sku, price in items:
        bundle.items.add(BundleItem(sku=sku, price=Decimal(price)))
    bundle.full_clean()
    bundle.save()
    revision = bundle.save_revision()
    if live:
        revision.publish()
        bundle.refresh_from_db()
    return bundle
