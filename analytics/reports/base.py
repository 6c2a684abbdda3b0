"""What every report hands to the page and to the CSV: headline figures compared with the
previous period, and tables, each with the chart drawn from it above it.

Reports build these from rollup aggregates (a fixed number of queries whatever the range);
the loops here run over the aggregated rows and days, never over orders or events.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Q, Sum
from django.db.models.functions import TruncMonth, TruncWeek

from .periods import Period

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def ratio(part, whole) -> Decimal | None:
    """``part / whole`` as a percentage with one decimal, None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT, ROUND_HALF_UP)


def divide(amount, count) -> Decimal:
    """An average in money (``amount / count``), 0.00 when nothing was counted."""
    return money(Decimal(amount or 0) / count) if count else ZERO


@dataclass(frozen=True)
class Figure:
    """One headline number, the same over the previous period, and the change in percent."""

    label: str
    value: Decimal | int
    previous: Decimal | int
    kind: str = "count"  # "count", "money" or "percent"

    @property
    def change(self) -> Decimal | None:
        if not self.previous:
            return None
        change = (Decimal(self.value) - Decimal(self.previous)) * 100 / abs(self.previous)
        return change.quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class Chart:
    """A Chart.js chart: ``kind`` is "line" or "bar"; datasets are (label, values)."""

    kind: str
    labels: list[str]
    datasets: list[tuple[str, list]]
    horizontal: bool = False

    def config(self) -> dict:
        return {
            "type": self.kind,
            "horizontal": self.horizontal,
            "labels": self.labels,
            "datasets": [
                {"label": label, "data": [float(value or 0) for value in values]}
                for label, values in self.datasets
            ],
        }


@dataclass
class Table:
    """Rows under a caption; with a chart, the table is the chart's equivalent in text."""

    caption: str
    columns: list[str]
    rows: list[list]
    key: str = ""
    chart: Chart | None = None


@dataclass
class Report:
    figures: list[Figure]
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def both_periods(period: Period) -> tuple[Q, Q]:
    """Filters of rollup rows in the period and in the one before it."""
    previous = period.previous()
    return (
        Q(date__gte=period.first, date__lte=period.last),
        Q(date__gte=previous.first, date__lte=previous.last),
    )


def compared_sums(queryset, period: Period, fields: list[str]) -> tuple[dict, dict]:
    """Sums of ``fields`` over the period and over the previous one, in one query."""
    current, previous = both_periods(period)
    totals = queryset.filter(current | previous).aggregate(
        **{f"now_{name}": Sum(name, filter=current) for name in fields},
        **{f"before_{name}": Sum(name, filter=previous) for name in fields},
    )
    return (
        {name: totals[f"now_{name}"] or 0 for name in fields},
        {name: totals[f"before_{name}"] or 0 for name in fields},
    )


GRAINS = ("day", "week", "month")


def bucket_of(day: datetime.date, grain: str) -> datetime.date:
    if grain == "week":
        return day - datetime.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    return day


def buckets(period: Period, grain: str) -> list[datetime.date]:
    """Every day, Monday or first of the month the period touches, in order."""
    return list(dict.fromkeys(bucket_of(day, grain) for day in period.each_day()))


def by_bucket(queryset, period: Period, grain: str, fields: list[str]) -> dict:
    """``{bucket start: {field: sum}}`` over the period, grouped in SQL by day, week or month."""
    rows = queryset.filter(date__gte=period.first, date__lte=period.last)
    if grain == "week":
        rows = rows.annotate(bucket=TruncWeek("date"))
    elif grain == "month":
        rows = rows.annotate(bucket=TruncMonth("date"))
    else:
        rows = rows.annotate(bucket=F("date"))
    rows = rows.values("bucket").annotate(**{name: Sum(name) for name in fields})
    return {_as_date(row["bucket"]): row for row in rows.order_by("bucket")}


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value
