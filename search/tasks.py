"""Background work for the search indexes (run after the commit that changed the catalogue)."""

import logging

from django_tasks import task
from wagtail.search import index

from products.models import Product

from .elasticsearch import breaker, indexing
from .elasticsearch import client as es_client

logger = logging.getLogger(__name__)


@task()
def reindex_products(product_ids: list[int]) -> int:
    """Refresh the index entries of these products (their brand or category names changed)."""
    count = 0
    for product in Product.objects.filter(pk__in=product_ids).select_related(
        "brand", "primary_category"
    ):
        index.insert_or_update_object(product)
        count += 1
    sync_product_index.call(product_ids)
    return count


@task()
def sync_product_index(product_ids: list[int]) -> int:
    """Bring the Elasticsearch product documents of these products in line with the database.

    Live products are (re)indexed, unpublished and deleted ones removed. Without
    ELASTICSEARCH_URL there is nothing to do. A cluster that is down only costs one
    short timeout and a warning (then the breaker skips it, so a queue of these tasks
    does not wait on it one by one): the database stays right, search falls back to
    it, and ``manage.py rebuild_product_index`` brings the index back in step.
    """
    es = es_client.get_client()
    if es is None or not product_ids:
        return 0
    if breaker.is_open():
        logger.info("Elasticsearch is skipped for now: products %s not synced.", product_ids)
        return 0
    try:
        return indexing.sync_products(es, product_ids, es_client.product_index_alias())
    except breaker.FAILURES as error:
        breaker.trip(
            error, f"Could not update the Elasticsearch product index for products {product_ids}"
        )
        return 0
