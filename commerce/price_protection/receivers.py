"""The price history listens to publishing: a product's list prices, a campaign's prices."""

from django.dispatch import receiver
from wagtail.signals import page_published, published, unpublished

from products.models import Product

from ..promotions.models import Campaign
from .history import campaign_prices_close, campaign_prices_record, list_prices_record


@receiver(page_published)
@receiver(published)
def record_published_prices(sender, instance, **kwargs):
    if isinstance(instance, Product):
        list_prices_record(instance)
    elif isinstance(instance, Campaign):
        campaign_prices_record(instance)


@receiver(unpublished)
def close_unpublished_campaign(sender, instance, **kwargs):
    if isinstance(instance, Campaign):
        campaign_prices_close(instance)
