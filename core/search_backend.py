"""Wagtail's database search backend, made safe for whatever staff type into a search box.

``WAGTAILSEARCH_BACKENDS`` names this module instead of
``wagtail.search.backends.database``. On PostgreSQL (and SQLite without FTS5) it is
that backend unchanged. On SQLite's FTS5 index two things answered 500 in every admin
listing that searches through the index (images, documents, pages, snippets):

* a double quote in the query (``"``, ``5" screen``) ended the quoted FTS5 string
  the backend builds ("unterminated string");
* a listing naming ``search_fields`` made the backend look for those names as
  columns of the FTS5 table, which only has title, body and autocomplete
  ("no such column: name").

Here quotes become spaces (the FTS5 tokenizer drops them anyway, so matching is
unchanged), a query left without words finds nothing, and a field list is ignored:
the search covers every indexed field, as the SQLite index cannot tell fields apart.
"""

from functools import cache

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText


def _without_quotes(query):
    """The same query with every double quote of its words replaced by a space."""
    if isinstance(query, PlainText):
        return PlainText(
            query.query_string.replace('"', " "), operator=query.operator, boost=query.boost
        )
    if isinstance(query, Phrase):
        return Phrase(query.query_string.replace('"', " "))
    if isinstance(query, And | Or):
        return type(query)([_without_quotes(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(_without_quotes(query.subquery))
    if isinstance(query, Boost):
        return Boost(_without_quotes(query.subquery), query.boost)
    return query


def _has_an_empty_part(query) -> bool:
    """Whether some words of the query are nothing but blanks (FTS5 cannot express those)."""
    if isinstance(query, PlainText | Phrase):
        return not query.query_string.split()
    if isinstance(query, And | Or):
        return any(_has_an_empty_part(subquery) for subquery in query.subqueries)
    if isinstance(query, Not | Boost):
        return _has_an_empty_part(query.subquery)
    return False


class _SafeQueryMixin:
    def __init__(self, queryset, query, fields=None, *args, **kwargs):
        # The FTS5 table has no per-field columns: a field list can only be ignored.
        super().__init__(queryset, query, None, *args, **kwargs)
        self.query = _without_quotes(self.query)

    def search(self, config, start, stop, score_field=None):
        if _has_an_empty_part(self.query):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


@cache
def safe_sqlite_backend_class():
    """The SQLite FTS5 backend with the safe query compilers.

    Built on first use: modelsearch's SQLite module looks up a model that exists only
    when the database is SQLite, so it cannot be imported on PostgreSQL.
    """
    from modelsearch.backends.database.sqlite import sqlite

    class SafeSearchQueryCompiler(_SafeQueryMixin, sqlite.SQLiteSearchQueryCompiler):
        pass

    class SafeAutocompleteQueryCompiler(_SafeQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    class SafeSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        query_compiler_class = SafeSearchQueryCompiler
        autocomplete_query_compiler_class = SafeAutocompleteQueryCompiler

    return SafeSQLiteSearchBackend


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The database backend for the default database; the safe flavour on SQLite FTS5."""
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        safe_class = safe_sqlite_backend_class()
        if type(backend) is safe_class.__base__:
            return safe_class(params)
    return backend
