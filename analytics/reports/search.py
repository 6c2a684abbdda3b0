"""The search report (moved here from the Search menu): searches by day, the share that found
nothing, the most searched queries and those that found nothing, as shoppers typed them
(words kept whole, case and full-width folded). Reads search's daily query counters, which
are already one row per day and query: four queries whatever the range."""

from django.db.models import Max, Q, Sum
from django.utils.translation import gettext as _

from search.models import SearchQuery

from .base import Chart, Figure, Report, Table, both_periods, buckets, ratio
from .periods import Period
from .sales import bucket_label

ROWS = 50
NOTHING_FOUND = Q(results=0)


def _queries(period: Period):
    return (
        SearchQuery.objects.filter(date__gte=period.first, date__lte=period.last)
        .values("query")
        .annotate(searches=Sum("hits"), found=Max("results"))
    )


def search_report(period: Period) -> Report:
    current, previous = both_periods(period)
    totals = SearchQuery.objects.filter(current | previous).aggregate(
        now=Sum("hits", filter=current),
        before=Sum("hits", filter=previous),
        now_empty=Sum("hits", filter=current & NOTHING_FOUND),
        before_empty=Sum("hits", filter=previous & NOTHING_FOUND),
    )
    totals = {name: value or 0 for name, value in totals.items()}
    daily = {
        row["date"]: row
        for row in SearchQuery.objects.filter(current)
        .values("date")
        .annotate(searches=Sum("hits"), empty=Sum("hits", filter=NOTHING_FOUND))
    }
    top = _queries(period).order_by("-searches", "query")[:ROWS]
    nothing = _queries(period).filter(found=0).order_by("-searches", "query")[:ROWS]

    day_rows = []
    for day in buckets(period, "day"):
        row = daily.get(day) or {}
        searches, empty = row.get("searches") or 0, row.get("empty") or 0
        day_rows.append([bucket_label(day, "day"), searches, empty, ratio(empty, searches)])
    return Report(
        figures=[
            Figure(_("Searches"), totals["now"], totals["before"]),
            Figure(
                _("Found nothing"),
                ratio(totals["now_empty"], totals["now"]) or 0,
                ratio(totals["before_empty"], totals["before"]) or 0,
                "percent",
            ),
        ],
        tables=[
            Table(
                _("Searches by day"),
                [_("Day"), _("Searches"), _("Found nothing"), _("Found nothing (%)")],
                day_rows,
                key="days",
                chart=Chart(
                    kind="line" if len(day_rows) > 2 else "bar",
                    labels=[row[0] for row in day_rows],
                    datasets=[
                        (_("Searches"), [row[1] for row in day_rows]),
                        (_("Found nothing"), [row[2] for row in day_rows]),
                    ],
                ),
            ),
            Table(
                _("Top queries"),
                [_("Query"), _("Searches"), _("Most results")],
                [[row["query"], row["searches"], row["found"]] for row in top],
                key="top",
            ),
            Table(
                _("Queries with no results"),
                [_("Query"), _("Searches")],
                [[row["query"], row["searches"]] for row in nothing],
                key="zero",
            ),
        ],
        notes=[
            _(
                "Consider adding a synonym, a promoted result or the missing products for "
                "the queries that found nothing."
            )
        ],
    )
