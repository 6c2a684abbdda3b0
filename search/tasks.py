"""Background work for the search index."""

from django_tasks import task
from wagtail.search import index

from products.models import Product


@task()
def reindex_products(product_ids: list[int]) -> int:
    """Refresh the index entries of these products (their brand or category names changed)."""
    count = 0
    for product in Product.objects.filter(pk__in=product_ids).select_related("brand", "primary_category"):
        index.insert_or_update_object(product)
        count += 1
    return count
