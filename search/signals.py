"""Keeping search and suggestions in step with the catalogue.

Wagtail indexes a product when it is saved, but a product's variants, attribute
values and tags are written just after that save (modelcluster commits child
rows afterwards), so the entry would describe the previous version. Reindexing
once publishing has finished fixes that. Brands and categories are part of a
product's indexed text and of the suggestions: changing one refreshes both.

With Elasticsearch on, publishing, unpublishing and deleting a product also update
its document in the product index, in a task run after the commit
(search.tasks.sync_product_index). Suggestions and cached facet counts follow the
catalogue version, bumped at once.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, published, unpublished

from products.cache import bump_catalogue_version
from products.models import BrandPage, Category, Product

from .tasks import reindex_products, sync_product_index


def _product_published(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
    _sync_later([instance.pk])


def _product_withdrawn(sender, instance, **kwargs):
    """Unpublished or deleted: gone from suggestions and facet counts now, from the product index
    after commit."""
    bump_catalogue_version()
    _sync_later([instance.pk])


def _sync_later(product_ids: list[int]) -> None:
    """Update the Elasticsearch product documents once the change is committed (nothing without a
    cluster).

    ``robust`` keeps a failure to enqueue from reaching the editor's request; the
    task itself only logs when the cluster is down.
    """
    if getattr(settings, "ELASTICSEARCH_URL", "") and product_ids:
        transaction.on_commit(lambda: sync_product_index.enqueue(product_ids), robust=True)


def _reindex_later(product_ids: list[int]) -> None:
    bump_catalogue_version()
    if product_ids:
        transaction.on_commit(lambda: reindex_products.enqueue(product_ids), robust=True)


def _brand_changed(sender, instance, **kwargs):
    _reindex_later(list(Product.objects.filter(brand_id=instance.pk).values_list("pk", flat=True)))


def _category_changed(sender, instance, raw=False, **kwargs):
    if raw or not instance.path:
        return
    subtree = Category.objects.filter(path__startswith=instance.path)
    products = Product.objects.filter(primary_category__in=subtree) | Product.objects.filter(
        extra_categories__in=subtree
    )
    _reindex_later(list(products.distinct().values_list("pk", flat=True)))


def connect() -> None:
    published.connect(_product_published, sender=Product, dispatch_uid="search_product_published")
    unpublished.connect(
        _product_withdrawn, sender=Product, dispatch_uid="search_product_unpublished"
    )
    post_delete.connect(_product_withdrawn, sender=Product, dispatch_uid="search_product_deleted")
    page_published.connect(_brand_changed, sender=BrandPage, dispatch_uid="search_brand_published")
    page_unpublished.connect(
        _brand_changed, sender=BrandPage, dispatch_uid="search_brand_unpublished"
    )
    post_save.connect(_category_changed, sender=Category, dispatch_uid="search_category_saved")
    post_delete.connect(_category_changed, sender=Category, dispatch_uid="search_category_deleted")
