"""What the after-sales desk pages list and count: the queues of each role, the SLA colour of
a request's age, and the desk's numbers (by status, by reason, answer and close times, the
return rate of each product).

Every list is read in a fixed number of queries, whatever its length.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from django.conf import settings
from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..orders.models import OrderLine, OrderStatus
from .models import AfterSalesKind, AfterSalesLine, AfterSalesRequest, AfterSalesStatus
from .services import TAKES_UNITS, window_days
from .status import ENDED_EARLY, FINISHED, NOT_COUNTED, TIMELINES, WAITING_FOR_SERVICE

S = AfterSalesStatus
# The service queue's filters: what each shows (the first is the default).
SERVICE_FILTERS = {
    "waiting": WAITING_FOR_SERVICE | {S.INFO_REQUESTED},
    "open": set(S.values) - FINISHED,
    "all": set(S.values),
}
REPORT_DAYS = 90


@dataclass(frozen=True)
class Step:
    status: str
    label: str
    at: datetime | None
    current: bool


def request_timeline(request: AfterSalesRequest, events) -> list[Step]:
    """The shopper's progress bar: the type's steps, each with when it was reached.

    A request rejected, cancelled or closed early shows the steps it reached and then
    where it ended, not the steps it will never take.
    """
    reached: dict[str, datetime] = {}
    for event in events:
        if event.to_status and event.to_status not in reached:
            reached[event.to_status] = event.created_at
    steps = (
        TIMELINES.get((request.kind, request.return_needed))
        or TIMELINES[(request.kind, not request.return_needed)]
    )
    if request.status in ENDED_EARLY and request.status not in steps:
        steps = [status for status in steps if status in reached] + [request.status]
    return [
        Step(status, S(status).label, reached.get(status), status == request.status)
        for status in steps
    ]


def sla_hours() -> int:
    """Hours customer service has to answer a new request (``AFTER_SALES_SLA_HOURS``)."""
    return int(getattr(settings, "AFTER_SALES_SLA_HOURS", 24))


def sla_colour(created_at: datetime, *, now: datetime | None = None) -> str:
    """ "ok" in the first half of the SLA, "due" in the second half, "late" once it is past."""
    age = (now or timezone.now()) - created_at
    limit = timedelta(hours=sla_hours())
    if age >= limit:
        return "late"
    return "due" if age >= limit / 2 else "ok"


def _with_details(requests):
    lines = AfterSalesLine.objects.select_related("order_line").order_by("pk")
    return (
        requests.select_related("order", "user", "return_carrier", "refund")
        .prefetch_related(Prefetch("lines", queryset=lines))
        .annotate(photo_count=Count("photos", distinct=True))
    )


def service_queue(filter_name: str = "waiting"):
    """Requests for customer service, oldest first (first come, first answered)."""
    statuses = SERVICE_FILTERS.get(filter_name, SERVICE_FILTERS["waiting"])
    requests = AfterSalesRequest.objects.filter(status__in=list(statuses))
    return _with_details(requests).order_by("created_at", "pk")


def returns_expected():
    """Approved requests whose parcel is on its way back to the warehouse, oldest first."""
    requests = AfterSalesRequest.objects.filter(status=S.AWAITING_PARCEL)
    return _with_details(requests).order_by("created_at", "pk")


def returns_received():
    """Parcels received for an exchange or a repair, waiting to go back to the shopper."""
    requests = AfterSalesRequest.objects.filter(status=S.RECEIVED)
    return _with_details(requests).order_by("created_at", "pk")


def refunds_waiting():
    """Approved refunds for finance (and any being paid right now), oldest first."""
    requests = AfterSalesRequest.objects.filter(status__in=[S.REFUND_PENDING, S.REFUNDING])
    return _with_details(requests).order_by("created_at", "pk")


def after_sales_counts() -> dict[str, int]:
    """The dashboard's figures in one query: what waits at each role."""
    return AfterSalesRequest.objects.aggregate(
        service=Count("pk", filter=Q(status__in=list(SERVICE_FILTERS["waiting"]))),
        late=Count(
            "pk",
            filter=Q(
                status__in=list(WAITING_FOR_SERVICE),
                created_at__lte=timezone.now() - timedelta(hours=sla_hours()),
            ),
        ),
        expected=Count("pk", filter=Q(status=S.AWAITING_PARCEL)),
        received=Count("pk", filter=Q(status=S.RECEIVED)),
        refunds=Count("pk", filter=Q(status=S.REFUND_PENDING)),
    )


# --- the desk's numbers
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductReturns:
    sku: str
    name: str
    sold: int
    asked_back: int

    @property
    def rate(self) -> float:
        return self.asked_back / self.sold if self.sold else 0.0


def duration_text(duration: timedelta | None) -> str:
    """A median time as staff read it: "under a minute", "3 h 5 min", "2 d 4 h" ("—": none)."""
    if duration is None:
        return "—"
    minutes = int(duration.total_seconds() // 60)
    if minutes < 1:
        return _("under a minute")
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
    return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}


@dataclass(frozen=True)
class AfterSalesReport:
    since: datetime
    total: int
    by_status: list[tuple[str, int]]
    by_reason: list[tuple[str, int]]
    median_first_answer: timedelta | None
    median_close: timedelta | None
    products: list[ProductReturns]

    @property
    def first_answer_text(self) -> str:
        return duration_text(self.median_first_answer)

    @property
    def close_text(self) -> str:
        return duration_text(self.median_close)


def after_sales_report(*, days: int = REPORT_DAYS, now: datetime | None = None):
    """Requests of the last ``days``: counts, median times and return rate per product."""
    since = (now or timezone.now()) - timedelta(days=days)
    requests = AfterSalesRequest.objects.filter(created_at__gte=since)
    by_status = dict(requests.values_list("status").annotate(n=Count("pk")))
    by_reason = dict(requests.values_list("reason").annotate(n=Count("pk")))
    times = list(requests.values_list("created_at", "first_answered_at", "closed_at"))
    return AfterSalesReport(
        since=since,
        total=sum(by_status.values()),
        by_status=[(label, by_status[value]) for value, label in S.choices if value in by_status],
        by_reason=_labelled(by_reason, AfterSalesRequest._meta.get_field("reason").choices),
        median_first_answer=_median([a - c for c, a, _z in times if a]),
        median_close=_median([z - c for c, _a, z in times if z]),
        products=_product_returns(since),
    )


def _labelled(counts: dict, choices) -> list[tuple[str, int]]:
    rows = [(label, counts[value]) for value, label in choices if value in counts]
    return sorted(rows, key=lambda row: -row[1])


def _median(durations: list[timedelta]) -> timedelta | None:
    if not durations:
        return None
    return timedelta(seconds=round(median(d.total_seconds() for d in durations)))


def _product_returns(since: datetime, limit: int = 30) -> list[ProductReturns]:
    """Units asked back (returns, refunds, exchanges) against units delivered, per SKU."""
    delivered = [OrderStatus.DELIVERED, OrderStatus.COMPLETED]
    sold = dict(
        OrderLine.objects.filter(order__status__in=delivered, order__placed_at__gte=since)
        .values_list("sku")
        .annotate(units=Sum("quantity"))
    )
    asked = (
        AfterSalesLine.objects.filter(
            request__kind__in=list(TAKES_UNITS), order_line__sku__in=list(sold)
        )
        .exclude(request__status__in=list(NOT_COUNTED))
        .filter(order_line__order__placed_at__gte=since)
        .values_list("order_line__sku", "order_line__product_name")
        .annotate(units=Sum("quantity"))
    )
    rows = [ProductReturns(sku, name, sold[sku], units) for sku, name, units in asked]
    return sorted(rows, key=lambda row: (-row.rate, row.sku))[:limit]


def merchant_return_policy() -> dict:
    """schema.org MerchantReturnPolicy for the product page's Offers: returns by mail within
    the return window after delivery (``AFTER_SALES_RETURN_DAYS``), in mainland China."""
    return {
        "@type": "MerchantReturnPolicy",
        "applicableCountry": "CN",
        "returnPolicyCategory": "https://schema.org/MerchantReturnFiniteReturnWindow",
        "merchantReturnDays": window_days(AfterSalesKind.RETURN),
        "returnMethod": "https://schema.org/ReturnByMail",
    }
