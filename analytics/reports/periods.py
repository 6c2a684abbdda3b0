"""The date range a report covers, read from the query string, and the period before it.

Presets: today, the last 7 or 30 days (today included), this month so far; or a custom
``from``/``to`` pair (YYYY-MM-DD). The comparison period is as long as the chosen one and
ends the day before it starts. Days are the shop's (Asia/Shanghai) calendar days.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..rollups import shop_zone

PRESETS = {
    "today": _("Today"),
    "7d": _("Last 7 days"),
    "30d": _("Last 30 days"),
    "month": _("This month"),
    "custom": _("Custom"),
}
DEFAULT_PRESET = "7d"
# Longer ranges are refused: three years of daily rollups is what a chart can still show.
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    first: datetime.date
    last: datetime.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> "Period":
        """As many days, ending the day before this one starts."""
        last = self.first - datetime.timedelta(days=1)
        return Period(first=last - datetime.timedelta(days=self.days - 1), last=last)

    def each_day(self):
        for offset in range(self.days):
            yield self.first + datetime.timedelta(days=offset)


@dataclass(frozen=True)
class Choice:
    """What the visitor asked for: the preset, the period, and why a custom range was refused."""

    preset: str
    period: Period
    error: str = ""


def shop_today() -> datetime.date:
    return timezone.localdate(timezone=shop_zone())


def _preset_period(preset: str, today: datetime.date) -> Period:
    if preset == "today":
        return Period(today, today)
    if preset == "30d":
        return Period(today - datetime.timedelta(days=29), today)
    if preset == "month":
        return Period(today.replace(day=1), today)
    return Period(today - datetime.timedelta(days=6), today)


def _parse_day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def period_from(query, *, today: datetime.date | None = None) -> Choice:
    """The period a report's query string asks for; a bad custom range falls back to the
    default preset with a message, never an error page."""
    today = today or shop_today()
    preset = query.get("range", DEFAULT_PRESET)
    if preset not in PRESETS:
        preset = DEFAULT_PRESET
    if preset != "custom":
        return Choice(preset, _preset_period(preset, today))
    first, last = _parse_day(query.get("from", "")), _parse_day(query.get("to", ""))
    fallback = _preset_period(DEFAULT_PRESET, today)
    if first is None or last is None:
        error = _("Enter both dates as YYYY-MM-DD.")
    elif first > last:
        error = _("The start date is after the end date.")
    elif (last - first).days + 1 > MAX_DAYS:
        error = _("Choose at most %(days)s days.") % {"days": MAX_DAYS}
    else:
        return Choice("custom", Period(first, last))
    return Choice(DEFAULT_PRESET, fallback, error=str(error))
