"""What shoppers search for: one counter row per day and query, and the report over them.

Logging must stay cheap on the search path: one UPDATE with an ``F()`` increment,
and only on a day's first search of a query an INSERT, which the unique
constraint on (date, query) settles if two requests race to it.
"""

import datetime
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone

from core.text import normalise

from .models import MAX_LOGGED_QUERY_LENGTH, SearchQuery

REPORT_WINDOWS = (7, 30)
REPORT_ROWS = 50
# Words of letters and digits; codes such as WH-1000XM5 stay whole.
_LOGGED_WORD = re.compile(r"[^\W_]+(?:[-_./][^\W_]+)*")


def normalise_logged_query(raw_query: str) -> str:
    """The form queries are counted under: words and codes, single spaces, lower case, full-width
    folded."""
    return " ".join(_LOGGED_WORD.findall(normalise(raw_query)))[:MAX_LOGGED_QUERY_LENGTH].strip()


def search_query_record(*, raw_query: str, results: int, day: datetime.date | None = None) -> None:
    """Count one search of ``raw_query`` that found ``results`` things (queries with no words are
    not counted)."""
    query = normalise_logged_query(raw_query)
    if not query:
        return
    day = day or timezone.localdate()
    rows = SearchQuery.objects.filter(date=day, query=query)
    if rows.update(hits=F("hits") + 1, results=results):
        return
    try:
        with transaction.atomic():
            SearchQuery.objects.create(date=day, query=query, hits=1, results=results)
    except IntegrityError:  # another request created the row first
        rows.update(hits=F("hits") + 1, results=results)


@dataclass(frozen=True)
class QueryCount:
    query: str
    searches: int
    results: int


def _window(days: int, today: datetime.date | None):
    """Rows of the last ``days`` days, today included."""
    today = today or timezone.localdate()
    return SearchQuery.objects.filter(
        date__gt=today - datetime.timedelta(days=days), date__lte=today
    )


def top_queries(
    days: int, *, today: datetime.date | None = None, limit: int = REPORT_ROWS
) -> list[QueryCount]:
    """The most searched queries of the window, with the most results any of its days found."""
    rows = (
        _window(days, today)
        .values("query")
        .annotate(searches=Sum("hits"), found=Max("results"))
        .order_by("-searches", "query")[:limit]
    )
    return [QueryCount(row["query"], row["searches"], row["found"]) for row in rows]


def zero_result_queries(
    days: int, *, today: datetime.date | None = None, limit: int = REPORT_ROWS
) -> list[QueryCount]:
    """Queries that found nothing on every day of the window they were searched, most searched
    first."""
    rows = (
        _window(days, today)
        .values("query")
        .annotate(searches=Sum("hits"), found=Max("results"))
        .filter(found=0)
        .order_by("-searches", "query")[:limit]
    )
    return [QueryCount(row["query"], row["searches"], 0) for row in rows]


def popular_searches(
    days: int = 30, *, today: datetime.date | None = None, limit: int = 8
) -> list[str]:
    """What shoppers searched most in the window among queries that found something: offered when
    a search finds nothing."""
    rows = (
        _window(days, today)
        .values("query")
        .annotate(searches=Sum("hits"), found=Max("results"))
        .filter(found__gt=0)
        .order_by("-searches", "query")[:limit]
    )
    return [row["query"] for row in rows]
