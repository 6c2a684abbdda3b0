"""Building the daily rollup tables the reports read (analytics.models, "Daily rollups").

``rollups_build(first_day=…, last_day=…)`` replaces the rows of those days in one
transaction: every figure is a SQL aggregate grouped by day (in the shop's time zone), so a
day is rebuilt in a fixed number of queries whatever it holds, and rebuilding it again gives
the same rows. ``manage.py analytics_rollup`` (and the ``build_rollups`` task) rebuild the
last two days by default, after storing what waits in the event buffer.
"""

import datetime
import time
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from commerce.models import Order, OrderLine, RedPacket, Refund
from products.models import Product

from .models import Event, ProductDay, PromotionDay, RollupRun, SalesDay, VisitDay

ZERO = Decimal("0.00")


def shop_zone() -> zoneinfo.ZoneInfo:
    """The zone whose calendar days the reports count in (settings.TIME_ZONE)."""
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def day_bounds(first_day: datetime.date, last_day: datetime.date):
    """The aware instants [start, end) covering the days, midnight to midnight in the shop."""
    zone = shop_zone()
    start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return start, end


def _day(field: str) -> TruncDate:
    return TruncDate(field, tzinfo=shop_zone())


def _in_days(field: str, start, end) -> Q:
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def _sales_rows(start, end) -> list[SalesDay]:
    """Placed, paid, units, refunds and new/returning payers, keyed by day, method, province."""
    keys = ("day", "payment_method", "province")
    rows: dict[tuple, SalesDay] = {}

    def row(values: dict) -> SalesDay:
        key = tuple(values[name] for name in keys)
        if key not in rows:
            rows[key] = SalesDay(date=key[0], payment_method=key[1], province=key[2])
        return rows[key]

    placed = (
        Order.objects.filter(_in_days("placed_at", start, end))
        .annotate(day=_day("placed_at"))
        .values(*keys)
        .annotate(orders=Count("pk"), amount=Sum("total"))
    )
    for values in placed:
        target = row(values)
        target.placed_orders, target.placed_amount = values["orders"], values["amount"]

    # A payer is returning when the same e-mail address paid for an earlier order.
    earlier = Order.objects.filter(
        email__iexact=OuterRef("email"), paid_at__lt=OuterRef("paid_at")
    )
    paid = (
        Order.objects.filter(_in_days("paid_at", start, end))
        .annotate(day=_day("paid_at"), returning=Exists(earlier))
        .values(*keys)
        .annotate(
            orders=Count("pk"),
            revenue=Sum("total"),
            returning_count=Count("pk", filter=Q(returning=True)),
        )
    )
    for values in paid:
        target = row(values)
        target.paid_orders, target.revenue = values["orders"], values["revenue"]
        target.returning_customers = values["returning_count"]
        target.new_customers = values["orders"] - values["returning_count"]

    units = (
        OrderLine.objects.filter(_in_days("order__paid_at", start, end))
        .annotate(
            day=_day("order__paid_at"),
            payment_method=F("order__payment_method"),
            province=F("order__province"),
        )
        .values(*keys)
        .annotate(units=Sum("quantity"))
    )
    for values in units:
        row(values).units = values["units"]

    refunds = (
        Refund.objects.filter(_in_days("created_at", start, end))
        .annotate(
            day=_day("created_at"),
            payment_method=F("order__payment_method"),
            province=F("order__province"),
        )
        .values(*keys)
        .annotate(count=Count("pk"), amount=Sum("amount"))
    )
    for values in refunds:
        target = row(values)
        target.refund_count, target.refunds = values["count"], values["amount"]
    return list(rows.values())


def _product_rows(start, end) -> list[ProductDay]:
    """Views and cart adds from events, units, orders and revenue from paid order lines."""
    rows: dict[tuple, ProductDay] = {}

    def row(day, product_id) -> ProductDay:
        key = (day, product_id)
        if key not in rows:
            rows[key] = ProductDay(date=day, product_id=product_id)
        return rows[key]

    behaviour = (
        Event.objects.filter(
            _in_days("occurred_at", start, end),
            kind__in=("product_view", "cart_add"),
            product_id__isnull=False,
        )
        .annotate(day=_day("occurred_at"))
        .values("day", "product_id")
        .annotate(
            views=Count("pk", filter=Q(kind="product_view")),
            cart_adds=Count("pk", filter=Q(kind="cart_add")),
        )
    )
    for values in behaviour:
        target = row(values["day"], values["product_id"])
        target.views, target.cart_adds = values["views"], values["cart_adds"]

    bought = (
        OrderLine.objects.filter(_in_days("order__paid_at", start, end), product__isnull=False)
        .annotate(day=_day("order__paid_at"))
        .values("day", "product_id")
        .annotate(
            orders=Count("order_id", distinct=True),
            units=Sum("quantity"),
            revenue=Sum("line_total"),
        )
    )
    for values in bought:
        target = row(values["day"], values["product_id"])
        target.orders, target.units = values["orders"], values["units"]
        target.revenue = values["revenue"]

    categories = dict(
        Product.objects.filter(pk__in={key[1] for key in rows}).values_list(
            "pk", "primary_category_id"
        )
    )
    for (_day_key, product_id), target in rows.items():
        target.category_id = categories.get(product_id)
    return list(rows.values())


SOURCE_FIELDS = ("referrer_host", "utm_source", "utm_medium", "utm_campaign", "device")


def _visit_rows(start, end) -> list[VisitDay]:
    """Distinct visits per day, source and device, and how many reached each buying step."""
    paid_orders = Order.objects.filter(paid_at__isnull=False).values("pk")
    sessions = (
        Event.objects.filter(_in_days("occurred_at", start, end), session__gt="")
        .annotate(day=_day("occurred_at"))
        .values("day", *SOURCE_FIELDS)
        .annotate(
            sessions=Count("session", distinct=True),
            viewed=Count("session", distinct=True, filter=Q(kind="product_view")),
            carted=Count("session", distinct=True, filter=Q(kind="cart_add")),
            checked_out=Count("session", distinct=True, filter=Q(kind="checkout_start")),
            placed=Count("session", distinct=True, filter=Q(kind="order_placed")),
            paid=Count(
                "session",
                distinct=True,
                filter=Q(kind="order_placed", order_id__in=paid_orders),
            ),
        )
    )
    return [
        VisitDay(
            date=values.pop("day"),
            **{name: values[name] or "" for name in SOURCE_FIELDS},
            **{name: values[name] for name in ("sessions", *VisitDay.STEPS)},
        )
        for values in sessions
    ]


def _promotion_rows(start, end) -> list[PromotionDay]:
    """Red packets issued and used per type; campaign lines of paid orders per campaign."""
    rows: dict[tuple, PromotionDay] = {}

    def row(day, kind, name) -> PromotionDay:
        key = (day, kind, name[:80])
        if key not in rows:
            rows[key] = PromotionDay(date=day, kind=kind, name=key[2])
        return rows[key]

    red_packet = PromotionDay.Kind.RED_PACKET
    issued = (
        RedPacket.objects.filter(_in_days("issued_at", start, end))
        .annotate(day=_day("issued_at"))
        .values("day", "packet_type__name")
        .annotate(count=Count("pk"))
    )
    for values in issued:
        row(values["day"], red_packet, values["packet_type__name"]).issued = values["count"]

    # What a packet took off is the order's discount named after its type (orders keep their
    # discounts by name); read per used packet, summed here.
    used = (
        RedPacket.objects.filter(_in_days("used_at", start, end), used_on__isnull=False)
        .annotate(day=_day("used_at"))
        .values_list("day", "packet_type__name", "used_on__total", "used_on__discounts")
    )
    for day, name, total, discounts in used:
        target = row(day, red_packet, name)
        target.used += 1
        target.orders += 1
        target.revenue += total
        target.discount += sum(
            (
                Decimal(str(entry.get("amount", "0")))
                for entry in discounts or []
                if isinstance(entry, dict) and entry.get("label") == name
            ),
            ZERO,
        )

    campaigns = (
        OrderLine.objects.filter(_in_days("order__paid_at", start, end))
        .exclude(campaign_name="")
        .annotate(day=_day("order__paid_at"))
        .values("day", "campaign_name")
        .annotate(
            orders=Count("order_id", distinct=True),
            revenue=Sum("line_total"),
            discount=Sum("discount"),
        )
    )
    for values in campaigns:
        target = row(values["day"], PromotionDay.Kind.CAMPAIGN, values["campaign_name"])
        target.orders, target.revenue = values["orders"], values["revenue"]
        target.discount = values["discount"]
    return list(rows.values())


ROLLUPS = (
    (SalesDay, _sales_rows),
    (ProductDay, _product_rows),
    (VisitDay, _visit_rows),
    (PromotionDay, _promotion_rows),
)


def rollups_build(*, first_day: datetime.date, last_day: datetime.date) -> RollupRun:
    """Replace the rollup rows of ``first_day``…``last_day`` (shop days) with fresh ones."""
    if last_day < first_day:
        first_day, last_day = last_day, first_day
    began = time.perf_counter()
    start, end = day_bounds(first_day, last_day)
    built = [(model, rows(start, end)) for model, rows in ROLLUPS]
    with transaction.atomic():
        for model, rows in built:
            model.objects.filter(date__gte=first_day, date__lte=last_day).delete()
            model.objects.bulk_create(rows, batch_size=1000)
        return RollupRun.objects.create(
            built_at=timezone.now(),
            first_day=first_day,
            last_day=last_day,
            seconds=time.perf_counter() - began,
        )


def rollups_build_recent(*, days: int = 2, today: datetime.date | None = None) -> RollupRun:
    """Rebuild the last ``days`` days, today included (what the schedule runs)."""
    today = today or timezone.localdate(timezone=shop_zone())
    return rollups_build(
        first_day=today - datetime.timedelta(days=max(days, 1) - 1), last_day=today
    )


def last_run() -> RollupRun | None:
    return RollupRun.objects.order_by("-built_at").first()
