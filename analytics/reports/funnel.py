"""The funnel: visits → viewed a product → added to cart → started checkout → placed an order
→ paid, each step with its rate from the step before and from all visits (VisitDay rollups,
one query)."""

from django.utils.translation import gettext as _

from ..models import VisitDay
from .base import Chart, Figure, Report, Table, compared_sums, ratio
from .periods import Period

STEPS = ["sessions", *VisitDay.STEPS]


def step_labels() -> dict[str, str]:
    return {
        "sessions": _("Visits"),
        "viewed": _("Viewed a product"),
        "carted": _("Added to cart"),
        "checked_out": _("Started checkout"),
        "placed": _("Placed an order"),
        "paid": _("Paid"),
    }


def funnel_report(period: Period) -> Report:
    now, before = compared_sums(VisitDay.objects.all(), period, STEPS)
    labels = step_labels()
    rows = []
    for index, step in enumerate(STEPS):
        earlier = STEPS[index - 1] if index else step
        rows.append(
            [
                labels[step],
                now[step],
                ratio(now[step], now[earlier]),
                ratio(now[step], now["sessions"]),
                before[step],
                ratio(before[step], before["sessions"]),
            ]
        )
    chart = Chart(
        kind="bar",
        labels=[row[0] for row in rows],
        datasets=[
            (_("This period"), [row[1] for row in rows]),
            (_("Previous period"), [row[4] for row in rows]),
        ],
    )

    def rate(sums, part, whole):
        return ratio(sums[part], sums[whole]) or 0

    return Report(
        figures=[
            Figure(_("Visits"), now["sessions"], before["sessions"]),
            Figure(
                _("Visits that paid"),
                rate(now, "paid", "sessions"),
                rate(before, "paid", "sessions"),
                "percent",
            ),
            Figure(
                _("Cart to checkout"),
                rate(now, "checked_out", "carted"),
                rate(before, "checked_out", "carted"),
                "percent",
            ),
            Figure(
                _("Checkout to paid"),
                rate(now, "paid", "checked_out"),
                rate(before, "paid", "checked_out"),
                "percent",
            ),
        ],
        tables=[
            Table(
                _("Steps"),
                [
                    _("Step"),
                    _("Visits"),
                    _("Of the step before (%)"),
                    _("Of all visits (%)"),
                    _("Previous period"),
                    _("Previous period, of all visits (%)"),
                ],
                rows,
                key="steps",
                chart=chart,
            )
        ],
        notes=[
            _(
                "A visit is a shopper's session on one day; staff, bots and browsers that ask "
                "not to be tracked are not counted."
            )
        ],
    )
