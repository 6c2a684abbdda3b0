"""The promotions report: red packets issued and used per type with the use rate, the orders
and revenue they came with and the discount they gave; campaigns' orders, revenue and the
discount on their lines (PromotionDay rollups, five queries)."""

from django.db.models import Sum
from django.utils.translation import gettext as _

from ..models import PromotionDay
from .base import Chart, Figure, Report, Table, buckets, by_bucket, compared_sums, money, ratio
from .periods import Period
from .sales import bucket_label

FIELDS = ["issued", "used", "orders", "revenue", "discount"]
ROWS = 30


def _per_name(period: Period, kind: str):
    return (
        PromotionDay.objects.filter(kind=kind, date__gte=period.first, date__lte=period.last)
        .values("name")
        .annotate(**{name: Sum(name) for name in FIELDS})
        .order_by("-discount", "-orders", "name")[:ROWS]
    )


def promotions_report(period: Period) -> Report:
    red_packets = PromotionDay.objects.filter(kind=PromotionDay.Kind.RED_PACKET)
    campaigns = PromotionDay.objects.filter(kind=PromotionDay.Kind.CAMPAIGN)
    packets_now, packets_before = compared_sums(red_packets, period, FIELDS)
    campaigns_now, campaigns_before = compared_sums(campaigns, period, FIELDS)
    daily = by_bucket(PromotionDay.objects.all(), period, "day", ["discount"])
    packet_rows = [
        [
            row["name"],
            row["issued"],
            row["used"],
            ratio(row["used"], row["issued"]),
            row["orders"],
            money(row["revenue"]),
            money(row["discount"]),
        ]
        for row in _per_name(period, PromotionDay.Kind.RED_PACKET)
    ]
    campaign_rows = [
        [row["name"], row["orders"], money(row["revenue"]), money(row["discount"])]
        for row in _per_name(period, PromotionDay.Kind.CAMPAIGN)
    ]
    day_rows = [
        [bucket_label(day, "day"), money((daily.get(day) or {}).get("discount"))]
        for day in buckets(period, "day")
    ]
    return Report(
        figures=[
            Figure(_("Red packets issued"), packets_now["issued"], packets_before["issued"]),
            Figure(_("Red packets used"), packets_now["used"], packets_before["used"]),
            Figure(
                _("Red packet discount"),
                money(packets_now["discount"]),
                money(packets_before["discount"]),
                "money",
            ),
            Figure(
                _("Campaign revenue"),
                money(campaigns_now["revenue"]),
                money(campaigns_before["revenue"]),
                "money",
            ),
            Figure(
                _("Campaign discount"),
                money(campaigns_now["discount"]),
                money(campaigns_before["discount"]),
                "money",
            ),
        ],
        tables=[
            Table(
                _("Discount given by day"),
                [_("Day"), _("Discount given")],
                day_rows,
                key="days",
                chart=Chart(
                    kind="line" if len(day_rows) > 2 else "bar",
                    labels=[row[0] for row in day_rows],
                    datasets=[(_("Discount given"), [row[1] for row in day_rows])],
                ),
            ),
            Table(
                _("Red packets"),
                [
                    _("Red packet"),
                    _("Issued"),
                    _("Used"),
                    _("Use rate (%)"),
                    _("Orders"),
                    _("Revenue"),
                    _("Discount given"),
                ],
                packet_rows,
                key="red-packets",
                chart=Chart(
                    kind="bar",
                    labels=[row[0] for row in packet_rows],
                    datasets=[
                        (_("Issued"), [row[1] for row in packet_rows]),
                        (_("Used"), [row[2] for row in packet_rows]),
                    ],
                ),
            ),
            Table(
                _("Campaigns"),
                [_("Campaign"), _("Orders"), _("Revenue"), _("Discount on its lines")],
                campaign_rows,
                key="campaigns",
                chart=Chart(
                    kind="bar",
                    labels=[row[0] for row in campaign_rows],
                    datasets=[(_("Revenue"), [row[2] for row in campaign_rows])],
                    horizontal=True,
                ),
            ),
        ],
        notes=[
            _(
                "Packets issued count by the day they were given, used by the day of the "
                "order; campaign figures count the lines a campaign priced in orders paid in "
                "the period."
            )
        ],
    )
