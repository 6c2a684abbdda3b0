"""Wagtail's Elasticsearch 8 backend behind the shop's breaker (search.elasticsearch.breaker).

Wagtail asks this backend to index every saved page, product, image and document
(from its own background task) and to answer page and admin searches. A hung
cluster would hold each of those calls for the whole timeout, so:

* while the breaker is open, index writes are skipped and searches are answered
  by the ``database`` backend (kept up to date beside Elasticsearch, see
  config.settings); ``manage.py update_index`` brings the cluster back in step
  after an outage;
* a write or search that fails opens the breaker. A failed write is logged once
  by the breaker and not raised, as Wagtail would also swallow it; a failed search
  is answered by the database backend at once (the admin's search boxes included).

Set as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.elasticsearch.backend"``.
"""

import logging

from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

from . import breaker

logger = logging.getLogger(__name__)

FALLBACK_BACKEND = "database"


class GuardedSearchResults(Elasticsearch8SearchResults):
    """Search results whose query, count or facet, if the cluster fails, opens the breaker and is
    answered by the database backend: the admin's listings (pages, images, documents,
    snippets) and the shop's own callers get results, not an error, from the very first
    failure on."""

    def _do_search(self):
        if breaker.is_open():  # opened by an earlier call, perhaps of this same page
            yield from self._from_database()
            return
        try:
            with breaker.watch("Elasticsearch search failed"):
                found = list(super()._do_search())
        except breaker.FAILURES:
            found = list(self._from_database())
        yield from found

    def _do_count(self):
        if breaker.is_open():
            return self._from_database().count()
        try:
            with breaker.watch("Elasticsearch count failed"):
                return super()._do_count()
        except breaker.FAILURES:
            return self._from_database().count()

    def facet(self, field_name):
        if breaker.is_open():
            return self._from_database().facet(field_name)
        try:
            with breaker.watch("Elasticsearch facet failed"):
                return super().facet(field_name)
        except breaker.FAILURES:
            return self._from_database().facet(field_name)

    def _from_database(self):
        """The same search (or autocomplete), slice included, asked of the database."""
        compiler = self.query_compiler
        database = get_search_backend(FALLBACK_BACKEND)
        is_autocomplete = isinstance(compiler, self.backend.autocomplete_query_compiler_class)
        ask = database.autocomplete if is_autocomplete else database.search
        results = ask(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        return results[self.start : self.stop]


class GuardedElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    results_class = GuardedSearchResults

    def add(self, obj):
        self._write("index", obj, super().add)

    def delete(self, obj):
        self._write("remove", obj, super().delete)

    def _write(self, action: str, obj, write) -> None:
        if breaker.is_open():
            logger.info("Elasticsearch is skipped for now: did not %s %r.", action, obj)
            return
        try:
            write(obj)
        except breaker.FAILURES as error:
            breaker.trip(error, f"Could not {action} {obj!r} in Elasticsearch")

    def search(self, *args, **kwargs):
        if breaker.is_open():
            return get_search_backend(FALLBACK_BACKEND).search(*args, **kwargs)
        return super().search(*args, **kwargs)

    def autocomplete(self, *args, **kwargs):
        if breaker.is_open():
            return get_search_backend(FALLBACK_BACKEND).autocomplete(*args, **kwargs)
        return super().autocomplete(*args, **kwargs)


SearchBackend = GuardedElasticsearch8SearchBackend
