"""Behaviour events and the daily rollups the reports read.

``Event`` rows come from the buffer of ``core.events`` in batches (``events_flush``); they
are kept ``ANALYTICS_RETENTION_DAYS`` days (``manage.py analytics_purge``). Reports never
read them over a range: they read the daily rollup tables (analytics.rollups), which stay
when old events are purged.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.events import KINDS


class Event(models.Model):
    """One thing a shopper did. No address of the connection; the session key only as a
    keyed hash; ids instead of foreign keys, so an event outlives the product or order it
    names and a batch insert never waits on a join."""

    occurred_at = models.DateTimeField(_("when"))
    kind = models.CharField(_("kind"), max_length=30, choices=[(kind, kind) for kind in KINDS])
    product_id = models.PositiveIntegerField(_("product"), null=True, blank=True)
    sku = models.CharField(_("SKU"), max_length=64, blank=True)
    quantity = models.IntegerField(_("quantity"), null=True, blank=True)
    order_id = models.PositiveIntegerField(_("order"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    query = models.CharField(_("search"), max_length=200, blank=True)
    results = models.PositiveIntegerField(_("results"), null=True, blank=True)
    row = models.CharField(_("row"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), null=True, blank=True)
    label = models.CharField(_("label"), max_length=120, blank=True)
    session = models.CharField(_("visit"), max_length=32, blank=True)
    user_id = models.PositiveIntegerField(_("shopper"), null=True, blank=True)
    province = models.CharField(_("province"), max_length=30, blank=True)
    referrer_host = models.CharField(_("referrer"), max_length=100, blank=True)
    utm_source = models.CharField(_("UTM source"), max_length=100, blank=True)
    utm_medium = models.CharField(_("UTM medium"), max_length=100, blank=True)
    utm_campaign = models.CharField(_("UTM campaign"), max_length=100, blank=True)
    device = models.CharField(_("device"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["occurred_at"], name="analytics_event_time"),
            models.Index(fields=["kind", "occurred_at"], name="analytics_event_kind_time"),
            # A signed-in shopper's recently viewed products (analytics.recommendations).
            models.Index(
                fields=["user_id", "kind", "occurred_at"], name="analytics_event_shopper"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.occurred_at:%Y-%m-%d %H:%M}"


# Daily rollups. A day is a calendar day in the shop's time zone (Asia/Shanghai): an order
# placed at 23:59 there belongs to that day. Each table is rebuilt a day at a time by
# ``analytics.rollups.rollups_build`` (``manage.py analytics_rollup``), so rebuilding a day
# twice gives the same rows; rows stay when the raw events are purged.

MONEY = {"max_digits": 14, "decimal_places": 2, "default": 0}


class SalesDay(models.Model):
    """Orders of one day, by payment method and delivery province: placed, paid (by the day
    the money arrived), units paid for, refunds (by the day given back), and whether the
    paying customer had paid for an order before (returning) or not (new)."""

    date = models.DateField(_("date"))
    payment_method = models.CharField(_("payment method"), max_length=20)
    province = models.CharField(_("province"), max_length=30)
    placed_orders = models.PositiveIntegerField(_("orders placed"), default=0)
    placed_amount = models.DecimalField(_("amount placed"), **MONEY)
    paid_orders = models.PositiveIntegerField(_("orders paid"), default=0)
    revenue = models.DecimalField(_("paid revenue"), **MONEY)
    units = models.PositiveIntegerField(_("units"), default=0)
    refund_count = models.PositiveIntegerField(_("refunds"), default=0)
    refunds = models.DecimalField(_("refunded"), **MONEY)
    new_customers = models.PositiveIntegerField(_("new customers"), default=0)
    returning_customers = models.PositiveIntegerField(_("returning customers"), default=0)

    class Meta:
        verbose_name = _("sales day")
        verbose_name_plural = _("sales days")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "payment_method", "province"], name="one_sales_day_per_key"
            )
        ]
        # Who may read which report (analytics.reports; the groups get them in migrations).
        permissions = [
            ("view_sales_report", _("Can see the sales report")),
            ("view_products_report", _("Can see the products report")),
            ("view_funnel_report", _("Can see the funnel report")),
            ("view_traffic_report", _("Can see the traffic report")),
            ("view_promotions_report", _("Can see the promotions report")),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.payment_method} {self.province}"


class ProductDay(models.Model):
    """One product's day: views and cart adds (from events), units, orders and revenue of
    the orders paid that day (from order lines)."""

    date = models.DateField(_("date"))
    product_id = models.PositiveIntegerField(_("product"))
    category_id = models.PositiveIntegerField(_("category"), null=True, blank=True)
    views = models.PositiveIntegerField(_("views"), default=0)
    cart_adds = models.PositiveIntegerField(_("cart adds"), default=0)
    orders = models.PositiveIntegerField(_("orders"), default=0)
    units = models.PositiveIntegerField(_("units"), default=0)
    revenue = models.DecimalField(_("revenue"), **MONEY)

    class Meta:
        verbose_name = _("product day")
        verbose_name_plural = _("product days")
        constraints = [
            models.UniqueConstraint(fields=["date", "product_id"], name="one_product_day")
        ]

    def __str__(self) -> str:
        return f"{self.date} #{self.product_id}"


class VisitDay(models.Model):
    """Visits (sessions) of one day by where they came from and the device, and how many of
    them reached each step of buying. A visit spanning midnight counts on both days."""

    date = models.DateField(_("date"))
    referrer_host = models.CharField(_("referrer"), max_length=100)
    utm_source = models.CharField(_("UTM source"), max_length=100)
    utm_medium = models.CharField(_("UTM medium"), max_length=100)
    utm_campaign = models.CharField(_("UTM campaign"), max_length=100)
    device = models.CharField(_("device"), max_length=10)
    sessions = models.PositiveIntegerField(_("visits"), default=0)
    viewed = models.PositiveIntegerField(_("viewed a product"), default=0)
    carted = models.PositiveIntegerField(_("added to cart"), default=0)
    checked_out = models.PositiveIntegerField(_("started checkout"), default=0)
    placed = models.PositiveIntegerField(_("placed an order"), default=0)
    paid = models.PositiveIntegerField(_("paid"), default=0)

    # The buying steps after arriving, in order (the funnel report walks them).
    STEPS = ("viewed", "carted", "checked_out", "placed", "paid")

    class Meta:
        verbose_name = _("visit day")
        verbose_name_plural = _("visit days")
        indexes = [models.Index(fields=["date"], name="analytics_visitday_date")]

    def __str__(self) -> str:
        return f"{self.date} {self.referrer_host or self.utm_source or '-'} {self.device}"


class PromotionDay(models.Model):
    """A red packet type's or a campaign's day: packets issued and used, orders and revenue
    of the orders that used it, and the discount it gave."""

    class Kind(models.TextChoices):
        RED_PACKET = "red_packet", _("Red packet")
        CAMPAIGN = "campaign", _("Campaign")

    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=80)
    issued = models.PositiveIntegerField(_("issued"), default=0)
    used = models.PositiveIntegerField(_("used"), default=0)
    orders = models.PositiveIntegerField(_("orders"), default=0)
    revenue = models.DecimalField(_("revenue"), **MONEY)
    discount = models.DecimalField(_("discount given"), **MONEY)

    class Meta:
        verbose_name = _("promotion day")
        verbose_name_plural = _("promotion days")
        constraints = [
            models.UniqueConstraint(fields=["date", "kind", "name"], name="one_promotion_day")
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class RollupRun(models.Model):
    """When the rollups were last built, and up to which day: the reports say how fresh
    their figures are."""

    built_at = models.DateTimeField(_("built"))
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("to"))
    seconds = models.FloatField(_("seconds"), default=0)

    class Meta:
        verbose_name = _("rollup run")
        verbose_name_plural = _("rollup runs")
        get_latest_by = "built_at"

    def __str__(self) -> str:
        return f"{self.first_day}…{self.last_day} @ {self.built_at:%Y-%m-%d %H:%M}"


class ProductPair(models.Model):
    """A product another one is recommended with, precomputed (analytics.recommendations):
    "bought" pairs were paid for in one order, "viewed" pairs looked at in one visit.
    ``score`` is how many orders (visits) held both; ``rank`` 1 is the strongest of the
    product's partners. The product page reads a product's rows in one query; the table is
    rebuilt whole by ``manage.py analytics_rollup``, never on a request."""

    class Kind(models.TextChoices):
        BOUGHT = "bought", _("Bought in one order")
        VIEWED = "viewed", _("Viewed in one visit")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    product_id = models.PositiveIntegerField(_("product"))
    rank = models.PositiveSmallIntegerField(_("rank"))
    other_id = models.PositiveIntegerField(_("recommended product"))
    score = models.PositiveIntegerField(_("orders or visits with both"))

    class Meta:
        verbose_name = _("recommended product")
        verbose_name_plural = _("recommended products")
        constraints = [
            models.UniqueConstraint(
                fields=["product_id", "kind", "rank"], name="one_product_pair_per_rank"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.product_id} {self.kind} {self.rank}: #{self.other_id}"
