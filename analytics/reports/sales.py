"""The sales report: orders, paid revenue, refunds, net, average order value and units, by
day, week or month, by payment method and by province (SalesDay rollups, four queries)."""

from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from commerce.models import PaymentMethod
from core.regions import PROVINCES

from ..models import SalesDay
from .base import (
    Chart,
    Figure,
    Report,
    Table,
    buckets,
    by_bucket,
    compared_sums,
    divide,
    money,
)
from .periods import Period

FIELDS = ["placed_orders", "placed_amount", "paid_orders", "revenue", "refunds", "units"]
PROVINCE_NAMES = dict(PROVINCES)


def bucket_label(day, grain: str) -> str:
    if grain == "month":
        return date_format(day, "Y-m")
    if grain == "week":
        return _("Week of %(day)s") % {"day": date_format(day, "Y-m-d")}
    return date_format(day, "Y-m-d")


def _figures(now: dict, before: dict) -> list[Figure]:
    def net(sums):
        return money(sums["revenue"]) - money(sums["refunds"])

    return [
        Figure(_("Orders placed"), now["placed_orders"], before["placed_orders"]),
        Figure(_("Orders paid"), now["paid_orders"], before["paid_orders"]),
        Figure(_("Paid revenue"), money(now["revenue"]), money(before["revenue"]), "money"),
        Figure(_("Refunds"), money(now["refunds"]), money(before["refunds"]), "money"),
        Figure(_("Net revenue"), net(now), net(before), "money"),
        Figure(
            _("Average order value"),
            divide(now["revenue"], now["paid_orders"]),
            divide(before["revenue"], before["paid_orders"]),
            "money",
        ),
        Figure(_("Units sold"), now["units"], before["units"]),
    ]


def _row(label: str, sums: dict) -> list:
    revenue, refunds = money(sums.get("revenue")), money(sums.get("refunds"))
    paid = sums.get("paid_orders") or 0
    return [
        label,
        sums.get("placed_orders") or 0,
        paid,
        revenue,
        refunds,
        revenue - refunds,
        divide(revenue, paid),
        sums.get("units") or 0,
    ]


def _columns(first: str) -> list[str]:
    return [
        first,
        _("Orders placed"),
        _("Orders paid"),
        _("Paid revenue"),
        _("Refunds"),
        _("Net revenue"),
        _("Average order value"),
        _("Units sold"),
    ]


def _grouped(period: Period, field: str) -> list[dict]:
    return list(
        SalesDay.objects.filter(date__gte=period.first, date__lte=period.last)
        .values(field)
        .annotate(**{name: Sum(name) for name in FIELDS})
        .order_by("-revenue", field)
    )


def _share_chart(rows: list[list], *, horizontal: bool = False) -> Chart:
    """Paid revenue per row (payment method, province) as bars."""
    return Chart(
        kind="bar",
        labels=[row[0] for row in rows],
        datasets=[(_("Paid revenue"), [row[3] for row in rows])],
        horizontal=horizontal,
    )


def sales_report(period: Period, *, grain: str = "day") -> Report:
    now, before = compared_sums(SalesDay.objects.all(), period, FIELDS)
    series = by_bucket(SalesDay.objects.all(), period, grain, FIELDS)
    days = buckets(period, grain)
    labels = [bucket_label(day, grain) for day in days]
    over_time = [_row(label, series.get(day, {})) for day, label in zip(days, labels, strict=True)]
    methods = [
        _row(
            str(PaymentMethod(row["payment_method"]).label)
            if row["payment_method"] in PaymentMethod.values
            else row["payment_method"],
            row,
        )
        for row in _grouped(period, "payment_method")
    ]
    provinces = [
        _row(str(PROVINCE_NAMES.get(row["province"], row["province"] or "—")), row)
        for row in _grouped(period, "province")
    ]
    chart = Chart(
        kind="bar" if grain != "day" or period.days <= 2 else "line",
        labels=labels,
        datasets=[
            (_("Paid revenue"), [row[3] for row in over_time]),
            (_("Net revenue"), [row[5] for row in over_time]),
        ],
    )
    return Report(
        figures=_figures(now, before),
        tables=[
            Table(_("By period"), _columns(_("Period")), over_time, key="time", chart=chart),
            Table(
                _("By payment method"),
                _columns(_("Payment method")),
                methods,
                key="method",
                chart=_share_chart(methods),
            ),
            Table(
                _("By province"),
                _columns(_("Province")),
                provinces,
                key="province",
                chart=_share_chart(provinces, horizontal=True),
            ),
        ],
        notes=[
            _(
                "Orders placed count by the day they were placed; revenue and units by the "
                "day the money arrived; refunds by the day they were given back."
            )
        ],
    )
