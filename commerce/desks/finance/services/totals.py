"""The day's takings by payment method, and the counts on the desk's dashboard panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import (
    Count,
    F,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from ....orders.models import Order, OrderStatus, PaymentMethod
from ....payments.models import RECEIVED, Payment, Refund
from ....pricing import money

if TYPE_CHECKING:
    pass
from .common import (
    BANK_TRANSFER,
    COD,
    COD_COLLECTABLE,
    MAX_TOTALS_DAYS,
    MONEY_OUTPUT,
    ZERO,
    FinanceInvalid,
)
from .refunds import refund_queue

# --- daily totals
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DailyTotal:
    day: date
    method: str
    received: Decimal
    refunded: Decimal

    @property
    def net(self) -> Decimal:
        return self.received - self.refunded

    @property
    def method_label(self) -> str:
        return (
            PaymentMethod(self.method).label
            if self.method in PaymentMethod.values
            else self.method
        )


def day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """The moments from the start of ``start`` to the end of ``end``, in the shop's time zone."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def daily_totals(*, start: date, end: date) -> list[DailyTotal]:
    """Money received minus money refunded, per day and payment method, in one aggregating query.

    Payments count on the day they succeeded, refunds on the day they were made; the
    method is the order's. The two grouped halves are combined with UNION ALL.
    """
    if end < start:
        raise FinanceInvalid(_("The end date is before the start date."), code="dates")
    if (end - start).days >= MAX_TOTALS_DAYS:
        raise FinanceInvalid(
            _("Choose at most %(days)d days.") % {"days": MAX_TOTALS_DAYS}, code="dates"
        )
    moments = day_range(start, end)
    zero = Value(ZERO, output_field=MONEY_OUTPUT)
    received = (
        Payment.objects.filter(
            status__in=RECEIVED,
            succeeded_at__gte=moments[0],
            succeeded_at__lt=moments[1],
        )
        .annotate(day=TruncDate("succeeded_at"), method=F("order__payment_method"))
        .values("day", "method")
        .annotate(received=Sum("amount", output_field=MONEY_OUTPUT), refunded=zero)
        .order_by()
    )
    refunded = (
        Refund.objects.filter(created_at__gte=moments[0], created_at__lt=moments[1])
        .annotate(day=TruncDate("created_at"), method=F("order__payment_method"))
        .values("day", "method")
        .annotate(received=zero, refunded=Sum("amount", output_field=MONEY_OUTPUT))
        .order_by()
    )
    sums: dict[tuple, list[Decimal]] = {}
    for row in received.union(refunded, all=True):
        pair = sums.setdefault((row["day"], row["method"]), [ZERO, ZERO])
        pair[0] += money(row["received"])
        pair[1] += money(row["refunded"])
    return [
        DailyTotal(day, method, received_sum, refunded_sum)
        for (day, method), (received_sum, refunded_sum) in sorted(sums.items())
    ]


def totals_by_method(rows: list[DailyTotal]) -> list[DailyTotal]:
    """The period's sum per method (``day`` is None), for the foot of the table."""
    sums: dict[str, list[Decimal]] = {}
    for row in rows:
        pair = sums.setdefault(row.method, [ZERO, ZERO])
        pair[0] += row.received
        pair[1] += row.refunded
    return [
        DailyTotal(None, method, received, refunded)
        for method, (received, refunded) in sorted(sums.items())
    ]


# --- the desk's dashboard
# -------------------------------------------------------------------------------


def finance_counts() -> dict[str, int]:
    """How many orders wait at each of the desk's lists (two queries)."""
    counts = Order.objects.aggregate(
        awaiting=Count(
            "pk",
            filter=Q(
                status=OrderStatus.AWAITING_PAYMENT,
                payment_method=BANK_TRANSFER,
                needs_reconciliation=False,
            ),
        ),
        reconciliation=Count("pk", filter=Q(needs_reconciliation=True)),
        cod=Count(
            "pk",
            filter=Q(payment_method=COD, status__in=COD_COLLECTABLE, cod_collection__isnull=True),
        ),
    )
    counts["refunds"] = refund_queue().count()
    return counts
