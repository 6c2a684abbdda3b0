"""Building the product index: a fresh index per rebuild, filled in batches, then the alias moves.

Shoppers search the alias, so they see the old index until the new one is
complete and the switch is one atomic ``update_aliases`` call.
"""

from collections.abc import Callable, Iterator

from django.utils import timezone
from elasticsearch import NotFoundError
from elasticsearch.helpers import bulk

from .documents import categories_by_path, product_index, product_to_document, products_for_index


def new_index_name(alias: str) -> str:
    """A concrete index name that sorts by build time: ``products-20250101-120000``."""
    return f"{alias}-{timezone.now():%Y%m%d-%H%M%S}"


def index_definition(name: str) -> dict:
    """Settings (analyzers) and mappings exactly as the index is created."""
    return product_index(name).to_dict()


def create_index(es, name: str) -> None:
    product_index(name).create(using=es)


def live_product_batches(batch_size: int) -> Iterator[list]:
    """Live products in batches of prefetched rows: the number of queries grows with batches, not
    products."""
    ids = list(products_for_index().values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        yield list(products_for_index().filter(pk__in=chunk))


def index_products(es, name: str, batch_size: int, progress: Callable[[int, int], None]) -> int:
    """Index every live product into ``name``; ``progress(done, total)`` after each batch."""
    by_path = categories_by_path()
    total = products_for_index().count()
    done = 0
    progress(done, total)
    for products in live_product_batches(batch_size):
        actions = [_action(product_to_document(product, by_path), name) for product in products]
        bulk(es, actions, refresh=False)
        done += len(products)
        progress(done, total)
    es.indices.refresh(index=name)
    return done


def _action(document, name: str) -> dict:
    action = document.to_dict(include_meta=True)
    action["_index"] = name
    return action


def indices_behind(es, alias: str) -> list[str]:
    """The concrete indices the alias points at now (none before the first build)."""
    try:
        return sorted(es.indices.get_alias(name=alias).body)
    except NotFoundError:
        return []


def swap_alias(es, alias: str, new_index: str) -> list[str]:
    """Point the alias at the new index in one atomic step; returns the indices it left."""
    old = [name for name in indices_behind(es, alias) if name != new_index]
    actions = [{"remove": {"index": name, "alias": alias}} for name in old]
    actions.append({"add": {"index": new_index, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    return old


def sync_actions(product_ids: list[int], index: str) -> list[dict]:
    """Bulk actions bringing these products' documents up to date: live ones indexed, the others
    deleted.

    A product that was unpublished or deleted has no live row, so "not live now"
    is the one test for removal, whatever happened to it.
    """
    by_path = categories_by_path()
    live = {product.pk: product for product in products_for_index().filter(pk__in=product_ids)}
    actions = []
    for pk in dict.fromkeys(product_ids):
        if pk in live:
            actions.append(_action(product_to_document(live[pk], by_path), index))
        else:
            actions.append({"_op_type": "delete", "_index": index, "_id": pk})
    return actions


def sync_products(es, product_ids: list[int], index: str) -> int:
    """Apply ``sync_actions`` in one bulk request; deleting a document that is not there is not an
    error."""
    actions = sync_actions(product_ids, index)
    if actions:
        bulk(es, actions, ignore_status=(404,))
    return len(actions)
