"""The traffic report: visits by day, by where they came from (referrer host, UTM source and
medium), by device, and paying customers new or returning (VisitDay and SalesDay rollups,
five queries)."""

from django.db.models import Sum
from django.utils.translation import gettext as _

from ..models import SalesDay, VisitDay
from .base import Chart, Figure, Report, Table, buckets, by_bucket, compared_sums, ratio
from .periods import Period
from .sales import bucket_label

SOURCES = 30
FIELDS = ["sessions", "viewed", "carted", "paid"]


def device_labels() -> dict[str, str]:
    return {"mobile": _("Phone"), "tablet": _("Tablet"), "desktop": _("Computer")}


def source_label(row: dict) -> str:
    """ "weixin / social", "www.baidu.com", or "Direct" for a visit with neither."""
    if row["utm_source"] or row["utm_medium"]:
        label = " / ".join(part for part in (row["utm_source"], row["utm_medium"]) if part)
        return f"{label} ({row['utm_campaign']})" if row["utm_campaign"] else label
    return row["referrer_host"] or _("Direct")


def _row(label: str, sums: dict, total: int) -> list:
    return [
        label,
        sums["sessions"],
        ratio(sums["sessions"], total),
        sums["viewed"],
        sums["carted"],
        sums["paid"],
        ratio(sums["paid"], sums["sessions"]),
    ]


def _columns(first: str) -> list[str]:
    return [
        first,
        _("Visits"),
        _("Share (%)"),
        _("Viewed a product"),
        _("Added to cart"),
        _("Paid"),
        _("Visits that paid (%)"),
    ]


def traffic_report(period: Period) -> Report:
    now, before = compared_sums(VisitDay.objects.all(), period, FIELDS)
    customers_now, customers_before = compared_sums(
        SalesDay.objects.all(), period, ["new_customers", "returning_customers"]
    )
    in_period = VisitDay.objects.filter(date__gte=period.first, date__lte=period.last)
    sums = {name: Sum(name) for name in FIELDS}
    sources = (
        in_period.values("referrer_host", "utm_source", "utm_medium", "utm_campaign")
        .annotate(**sums)
        .order_by("-sessions", "referrer_host", "utm_source", "utm_medium", "utm_campaign")
    )[:SOURCES]
    devices = in_period.values("device").annotate(**sums).order_by("-sessions", "device")
    daily = by_bucket(VisitDay.objects.all(), period, "day", ["sessions", "paid"])

    total = now["sessions"]
    source_rows = [_row(source_label(row), row, total) for row in sources]
    names = device_labels()
    device_rows = [
        _row(names.get(row["device"], row["device"] or "—"), row, total) for row in devices
    ]
    days = buckets(period, "day")
    day_rows = [
        [
            bucket_label(day, "day"),
            (daily.get(day) or {}).get("sessions") or 0,
            (daily.get(day) or {}).get("paid") or 0,
        ]
        for day in days
    ]
    customer_rows = [
        [_("New customers"), customers_now["new_customers"], customers_before["new_customers"]],
        [
            _("Returning customers"),
            customers_now["returning_customers"],
            customers_before["returning_customers"],
        ],
    ]
    return Report(
        figures=[
            Figure(_("Visits"), now["sessions"], before["sessions"]),
            Figure(
                _("Visits that paid"),
                ratio(now["paid"], total) or 0,
                ratio(before["paid"], before["sessions"]) or 0,
                "percent",
            ),
            Figure(
                _("New customers"),
                customers_now["new_customers"],
                customers_before["new_customers"],
            ),
            Figure(
                _("Returning customers"),
                customers_now["returning_customers"],
                customers_before["returning_customers"],
            ),
        ],
        tables=[
            Table(
                _("Visits by day"),
                [_("Day"), _("Visits"), _("Paid")],
                day_rows,
                key="days",
                chart=Chart(
                    kind="line" if len(day_rows) > 2 else "bar",
                    labels=[row[0] for row in day_rows],
                    datasets=[(_("Visits"), [row[1] for row in day_rows])],
                ),
            ),
            Table(
                _("By source"),
                _columns(_("Source")),
                source_rows,
                key="sources",
                chart=_bars(source_rows[:10]),
            ),
            Table(
                _("By device"),
                _columns(_("Device")),
                device_rows,
                key="devices",
                chart=_bars(device_rows),
            ),
            Table(
                _("Paying customers"),
                [_("Customers"), _("This period"), _("Previous period")],
                customer_rows,
                key="customers",
                chart=Chart(
                    kind="bar",
                    labels=[row[0] for row in customer_rows],
                    datasets=[
                        (_("This period"), [row[1] for row in customer_rows]),
                        (_("Previous period"), [row[2] for row in customer_rows]),
                    ],
                ),
            ),
        ],
        notes=[
            _(
                "A source is the other site that linked to the shop, or the campaign link's "
                "UTM source and medium; a customer is returning when the same e-mail address "
                "paid for an order before."
            )
        ],
    )


def _bars(rows: list[list]) -> Chart:
    return Chart(
        kind="bar",
        labels=[row[0] for row in rows],
        datasets=[(_("Visits"), [row[1] for row in rows])],
        horizontal=True,
    )
