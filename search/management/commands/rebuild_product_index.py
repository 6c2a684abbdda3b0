"""manage.py rebuild_product_index: build the Elasticsearch product index afresh, switch to it."""

import json

from django.core.management.base import BaseCommand, CommandError
from elasticsearch import ApiError, TransportError

from search.elasticsearch.client import REBUILD_TIMEOUT_SECONDS, get_client, product_index_alias
from search.elasticsearch.indexing import (
    create_index,
    index_definition,
    index_products,
    new_index_name,
    swap_alias,
)

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Create a new Elasticsearch product index, fill it with the live products and move the "
        "alias to it (searches keep using the old index until the switch)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the index settings and mapping; touch nothing.",
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Products per bulk request (default 500)."
        )
        parser.add_argument(
            "--keep-old",
            action="store_true",
            help="Keep the indices the alias pointed at before (default: delete them).",
        )

    def handle(self, *args, dry_run=False, batch_size=500, keep_old=False, **options):
        alias = product_index_alias()
        name = new_index_name(alias)
        if dry_run:
            self.stdout.write(json.dumps(index_definition(name), indent=2, ensure_ascii=False))
            return
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        es = get_client()
        if es is None:
            raise CommandError(
                "ELASTICSEARCH_URL is not set; there is no cluster to build the index in."
            )
        try:
            # Not behind the breaker: the operator asked for this, and a failure is reported.
            self._rebuild(
                es.options(request_timeout=REBUILD_TIMEOUT_SECONDS),
                alias,
                name,
                batch_size,
                keep_old,
            )
        except (TransportError, ApiError) as error:
            raise CommandError(f"Elasticsearch refused the rebuild: {error}") from error

    def _rebuild(self, es, alias: str, name: str, batch_size: int, keep_old: bool) -> None:
        create_index(es, name)
        self.stdout.write(f"Created index {name}.")
        count = index_products(es, name, batch_size, self._progress)
        self.stdout.write("")
        old = swap_alias(es, alias, name)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} products; {alias} now points at {name}.")
        )
        if old and not keep_old:
            es.indices.delete(index=",".join(old))
            self.stdout.write(f"Deleted the previous indices: {', '.join(old)}.")

    def _progress(self, done: int, total: int) -> None:
        """A one-line bar redrawn after each batch: ``[#######-----]  58% 2900/5000``."""
        share = done / total if total else 1
        filled = int(BAR_WIDTH * share)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stdout.write(f"\r[{bar}] {share:4.0%} {done}/{total}", ending="")
        self.stdout.flush()
