"""Analytics at scale: rollup build time, report latency, and what an event costs a page.

Usage: DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/analytics.py
       [--events 1000000] [--orders 100000] [--days 400] [--runs 20] [--regenerate]

Needs a catalogue (``manage.py load_demo`` then ``manage.py generate_catalogue``, see
bench/README.md). On first run it generates, with COPY, ``--events`` behaviour events over
``--days`` days and ``--orders`` orders (1–3 lines, refunds, campaign lines) from 20,000
shoppers, products drawn with a Zipf-like popularity and visits that stay mostly in one
category; a later run reuses them (``--regenerate`` replaces them: the database is the
bench's own, its events table is emptied). Then it:

1. times the scheduled rollup run (the last two days) as the schema stands, then, with a
   temporary index on the payer's e-mail (``--no-email-index`` leaves it out), the backfill
   of the whole range in 30-day chunks and the scheduled run again; then the recommendation
   pairs;
2. opens each report in the admin as a signed-in manager through Django's test client, for
   the last 30 days and for 365 days (``--runs`` requests each: median, p95, queries);
3. times ``event_record`` for a product view against the configured buffer, and the product
   page with recording on and off (``DNT: 1`` is the shop's own off switch), then flushes
   what the bench buffered.

Refuses to run without ``DATABASE_URL`` or on anything but PostgreSQL.
"""

import argparse
import bisect
import datetime
import functools
import io
import itertools
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.backends.signals import connection_created  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from analytics.models import Event  # noqa: E402
from analytics.recommendations.services import product_pairs_build  # noqa: E402
from analytics.reports import REPORTS  # noqa: E402
from analytics.reports.periods import shop_today  # noqa: E402
from analytics.rollups import day_bounds, rollups_build, rollups_build_recent  # noqa: E402
from analytics.services import events_flush  # noqa: E402
from commerce.models import Order, OrderLine  # noqa: E402
from core import events as event_buffer  # noqa: E402
from core.regions import PROVINCES  # noqa: E402
from products.models import Product, ProductVariant  # noqa: E402

EMAIL_DOMAIN = "analytics-bench.example"
SHOPPERS = 20_000
SHOPPER_PREFIX = "analytics-shopper-"
MANAGER = "analytics-bench-manager"
BROWSER = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)
DEVICES = (("mobile", 62), ("desktop", 30), ("tablet", 8))
SOURCES = (
    ({}, 40),
    ({"referrer_host": "www.baidu.com"}, 18),
    ({"referrer_host": "weibo.com"}, 6),
    ({"referrer_host": "www.so.com"}, 4),
    ({"referrer_host": "cn.bing.com"}, 4),
    ({"utm_source": "wechat", "utm_medium": "social", "utm_campaign": "spring-tea"}, 12),
    ({"utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "weekly"}, 8),
    ({"utm_source": "baidu", "utm_medium": "cpc", "utm_campaign": "brand"}, 8),
)
PAYMENT_METHODS = (("alipay", 40), ("wechat", 35), ("cod", 15), ("bank_transfer", 10))
BIG_PROVINCES = {"guangdong": 12, "zhejiang": 8, "jiangsu": 8, "shanghai": 7, "beijing": 7}
HOURS = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 7, 6, 6, 6, 6, 6, 7, 8, 10, 10, 8, 4]
SEARCHES = ("绿茶", "耳机", "茶杯", "礼盒", "红茶", "手机壳", "running shoes", "保温杯")
SERVER_SIDE = ("", None, "", "", "", "", "", "")
EVENT_COLUMNS = (
    "occurred_at",
    "kind",
    "product_id",
    "sku",
    "quantity",
    "order_id",
    "query",
    "results",
    "row",
    "position",
    "label",
    "session",
    "user_id",
    "province",
    "referrer_host",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "device",
)


def require_postgresql() -> None:
    if not os.environ.get("DATABASE_URL") or connection.vendor != "postgresql":
        sys.exit(
            "bench/analytics.py needs a PostgreSQL database of its own: set "
            "DATABASE_URL=postgres://… (see bench/README.md); "
            f"the database configured now is {connection.vendor}."
        )


class Weighted:
    """Draws from ``items`` by ``weights`` in O(log n) (random.choices rebuilds its table)."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random):
        point = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, point)]


def zipf(items, rng: random.Random, exponent: float = 1.1) -> Weighted:
    """Popularity falling with rank (a random order of ``items``): a few sell most."""
    shuffled = list(items)
    rng.shuffle(shuffled)
    return Weighted(shuffled, [1 / (rank + 5) ** exponent for rank in range(len(shuffled))])


def copy_rows(table: str, columns, rows) -> None:
    """COPY ``rows`` (tuples, None for NULL) into ``table`` in CSV chunks."""
    with connection.cursor() as cursor:
        raw = cursor.cursor if hasattr(cursor, "cursor") else cursor
        buffer = io.StringIO()

        names = ", ".join(f'"{column}"' for column in columns)

        def send():
            buffer.seek(0)
            raw.copy_expert(
                f"COPY {table} ({names}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer
            )

        for count, row in enumerate(rows, start=1):
            buffer.write(",".join(_csv(value) for value in row))
            buffer.write("\n")
            if count % 100_000 == 0:
                send()
                buffer = io.StringIO()
        if buffer.tell():
            send()


def _csv(value) -> str:
    if value is None:
        return "\\N"
    text = value.isoformat() if isinstance(value, datetime.datetime) else str(value)
    if any(char in text for char in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


# --- generated history ---------------------------------------------------------------------


class Shop:
    """The catalogue and calendar the generator draws from."""

    def __init__(self, rng: random.Random, days: int):
        self.today = shop_today()
        self.first_day = self.today - datetime.timedelta(days=days - 1)
        products = list(
            Product.objects.live().order_by("pk").values_list("pk", "primary_category_id", "name")
        )
        if len(products) < 50:
            sys.exit("Generate a catalogue first (manage.py load_demo, generate_catalogue).")
        self.names = {pk: name for pk, _category, name in products}
        self.variants: dict[int, list[tuple[str, Decimal]]] = {}
        for product_id, sku, price in ProductVariant.objects.filter(
            product__live=True
        ).values_list("product_id", "sku", "price"):
            self.variants.setdefault(product_id, []).append((sku, price))
        products = [row for row in products if row[0] in self.variants]
        self.popular = zipf([pk for pk, _c, _n in products], rng)
        by_category: dict[int, list[int]] = {}
        for pk, category, _name in products:
            by_category.setdefault(category, []).append(pk)
        self.in_category = {pk: category for pk, category, _name in products}
        self.category_popular = {category: zipf(pks, rng) for category, pks in by_category.items()}
        # A growing shop: the last day sees about twice the first's traffic; weekends more.
        day_weights = []
        for offset in range(days):
            day = self.first_day + datetime.timedelta(days=offset)
            day_weights.append((0.65 + 0.7 * offset / days) * (1.2 if day.weekday() >= 5 else 1))
        self.days = Weighted(range(days), day_weights)
        self.hours = Weighted(range(24), HOURS)
        self.zone = datetime.timezone(datetime.timedelta(hours=8))
        self.now = datetime.datetime.now(tz=self.zone)

    def moment(self, rng: random.Random, offset: int | None = None) -> datetime.datetime:
        offset = self.days.draw(rng) if offset is None else offset
        day = self.first_day + datetime.timedelta(days=offset)
        moment = datetime.datetime(
            day.year,
            day.month,
            day.day,
            self.hours.draw(rng),
            rng.randrange(60),
            rng.randrange(60),
            tzinfo=self.zone,
        )
        # Today's visits so far only: nothing lies in the future.
        return min(moment, self.now - datetime.timedelta(minutes=rng.randint(5, 600)))


def ensure_shoppers() -> list[tuple[int, str]]:
    User = get_user_model()
    existing = User.objects.filter(username__startswith=SHOPPER_PREFIX).count()
    if existing < SHOPPERS:
        password = make_password(None)
        User.objects.bulk_create(
            [
                User(
                    username=f"{SHOPPER_PREFIX}{index:05d}",
                    email=f"shopper{index:05d}@{EMAIL_DOMAIN}",
                    password=password,
                )
                for index in range(existing, SHOPPERS)
            ],
            batch_size=5000,
        )
    return list(
        User.objects.filter(username__startswith=SHOPPER_PREFIX)
        .order_by("pk")
        .values_list("pk", "email")
    )


def delete_history() -> None:
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE analytics_event")
        bench_orders = "SELECT id FROM commerce_order WHERE email LIKE %s"
        pattern = [f"%@{EMAIL_DOMAIN}"]
        cursor.execute(f"DELETE FROM commerce_refund WHERE order_id IN ({bench_orders})", pattern)
        cursor.execute(
            f"DELETE FROM commerce_orderline WHERE order_id IN ({bench_orders})", pattern
        )
        cursor.execute("DELETE FROM commerce_order WHERE email LIKE %s", pattern)


def generate_orders(shop: Shop, rng: random.Random, count: int, shoppers) -> dict[int, list]:
    """``count`` orders with lines and a few refunds; returns {day offset: [order ids]}."""
    customers = zipf(shoppers, rng, exponent=0.6)
    methods = Weighted(*zip(*PAYMENT_METHODS, strict=True))
    provinces = Weighted(
        [code for code, _label in PROVINCES],
        [BIG_PROVINCES.get(code, 2) for code, _label in PROVINCES],
    )
    now = datetime.datetime.now(tz=shop.zone)
    offsets = sorted(shop.days.draw(rng) for _ in range(count))
    orders, lines = [], []
    for index, offset in enumerate(offsets):
        placed = shop.moment(rng, offset)
        method = methods.draw(rng)
        user_id, email = customers.draw(rng)
        subtotal = discount_total = Decimal("0.00")
        order_lines = []
        for _line in range(rng.choice((1, 1, 1, 2, 2, 3))):
            product_id = shop.popular.draw(rng)
            sku, price = rng.choice(shop.variants[product_id])
            quantity = rng.choice((1, 1, 1, 2))
            campaign = "Spring tea week" if rng.random() < 0.12 else ""
            discount = (price * quantity / 10).quantize(Decimal("0.01")) if campaign else 0
            subtotal += price * quantity
            discount_total += discount
            order_lines.append((product_id, sku, price, quantity, discount, campaign))
        shipping = Decimal("0.00") if subtotal - discount_total >= 199 else Decimal("10.00")
        delay = {
            "cod": datetime.timedelta(days=3),
            "bank_transfer": datetime.timedelta(hours=20),
        }.get(method, datetime.timedelta(minutes=rng.randint(1, 10)))
        paid_at = placed + delay if rng.random() < 0.9 and placed + delay < now else None
        age = now - placed
        if paid_at:
            status = "completed" if age.days > 10 else "paid"
        elif method == "cod":
            status = "confirmed" if age.days < 5 else "cancelled"
        else:
            status = "awaiting_payment" if age.days < 2 else "cancelled"
        orders.append(
            Order(
                number=f"AB{placed:%Y%m%d}{index:08d}",
                user_id=user_id,
                email=email,
                language="zh-hans",
                status=status,
                payment_method=method,
                paid_at=paid_at,
                recipient="李雷",
                mobile=f"139{index:08d}",
                province=provinces.draw(rng),
                city="市辖区",
                district="中心区",
                street=f"科技园路 {index % 1000} 号",
                shipping_method_name="Standard",
                subtotal=subtotal,
                discount_total=discount_total,
                shipping_fee=shipping,
                total=subtotal - discount_total + shipping,
                discounts=[{"label": "Spring tea week", "amount": str(discount_total)}]
                if discount_total
                else [],
                checkout_key=f"analytics-bench-{index}",
                placed_at=placed,
            )
        )
        lines.append(order_lines)
    by_day: dict[int, list] = {}
    refunds = []
    manager = get_user_model().objects.get(username=MANAGER)
    for start in range(0, len(orders), 5000):
        batch = Order.objects.bulk_create(orders[start : start + 5000])
        rows = []
        for order, offset, order_lines in zip(
            batch, offsets[start : start + 5000], lines[start : start + 5000], strict=True
        ):
            by_day.setdefault(offset, []).append(order.pk)
            for product_id, sku, price, quantity, discount, campaign in order_lines:
                rows.append(
                    (
                        order.pk,
                        product_id,
                        sku,
                        shop.names[product_id][:200],
                        "",
                        price,
                        quantity,
                        discount,
                        price * quantity - discount,
                        campaign,
                    )
                )
            if order.paid_at and rng.random() < 0.03:
                amount = (order.total * Decimal(rng.choice(("0.3", "0.5", "1")))).quantize(
                    Decimal("0.01")
                )
                refunds.append(
                    (
                        order.pk,
                        amount,
                        "manual",
                        "Broken in transit",
                        "",
                        order.paid_at + datetime.timedelta(days=rng.randint(2, 9)),
                        manager.pk,
                    )
                )
        copy_rows(
            "commerce_orderline",
            (
                "order_id",
                "product_id",
                "sku",
                "product_name",
                "options",
                "unit_price",
                "quantity",
                "discount",
                "line_total",
                "campaign_name",
            ),
            rows,
        )
    copy_rows(
        "commerce_refund",
        ("order_id", "amount", "kind", "reason", "reference", "created_at", "created_by_id"),
        [row for row in refunds if row[5] < datetime.datetime.now(tz=shop.zone)],
    )
    return by_day


def _step(rng, rows: list, clock: list, kind: str, seconds=(20, 180), **fields) -> None:
    """The visit's next event, a little later than the one before."""
    clock[0] += datetime.timedelta(seconds=rng.randint(*seconds))
    rows.append(
        (
            clock[0],
            kind,
            fields.get("product_id"),
            fields.get("sku", ""),
            fields.get("quantity"),
            fields.get("order_id"),
            fields.get("query", ""),
            fields.get("results"),
            fields.get("row", ""),
            fields.get("position"),
            fields.get("label", ""),
        )
    )


def generate_events(shop: Shop, rng: random.Random, count: int, shoppers, orders_by_day):
    """Visits until ``count`` events: a landing, product views mostly in one category, now
    and then a search, a recommendation click, a favourite, cart adds, checkout, an order
    (one of that day's generated orders, paid as the order was)."""
    devices = Weighted(*zip(*DEVICES, strict=True))
    sources = Weighted(*zip(*SOURCES, strict=True))
    signed_in = zipf([pk for pk, _email in shoppers], rng, exponent=0.6)
    paid = set(Order.objects.filter(paid_at__isnull=False).values_list("pk", flat=True))
    untaken = {offset: list(ids) for offset, ids in orders_by_day.items()}

    def events():
        made = 0
        while made < count:
            offset = shop.days.draw(rng)
            at = shop.moment(rng, offset)
            source = sources.draw(rng)
            common = (
                f"{rng.getrandbits(128):032x}",
                signed_in.draw(rng) if rng.random() < 0.25 else None,
                "",
                source.get("referrer_host", ""),
                source.get("utm_source", ""),
                source.get("utm_medium", ""),
                source.get("utm_campaign", ""),
                devices.draw(rng),
            )
            rows = [(at, "visit", None, "", None, None, "", None, "", None, "")]
            clock = [at]
            step = functools.partial(_step, rng, rows, clock)

            if rng.random() < 0.3:
                step("search", query=rng.choice(SEARCHES), results=rng.randint(0, 40))
            product = shop.popular.draw(rng)
            category = shop.category_popular[shop.in_category[product]]
            viewed = []
            for view in range(min(1 + int(rng.expovariate(0.45)), 30)):
                if view and rng.random() < 0.12:
                    position = rng.randint(1, 8)
                    step("recommendation_click", row="viewed_together", position=position)
                if view:
                    product = category.draw(rng) if rng.random() < 0.8 else shop.popular.draw(rng)
                viewed.append(product)
                step("product_view", product_id=product)
            if rng.random() < 0.04:
                step("favourite_add", product_id=rng.choice(viewed))
            carted = [pk for pk in set(viewed) if rng.random() < 0.22]
            for pk in carted:
                sku = rng.choice(shop.variants[pk])[0]
                step("cart_add", product_id=pk, sku=sku, quantity=1)
            if carted and rng.random() < 0.15:
                step("cart_remove", product_id=carted[0])
            if carted and rng.random() < 0.5:
                step("checkout_start")
                waiting = untaken.get(offset)
                if waiting and rng.random() < 0.75:
                    order_id = waiting.pop()
                    step("order_placed", (60, 300), order_id=order_id)
                    if order_id in paid:
                        step("order_paid", (30, 120), order_id=order_id)
            for row in rows:
                # A payment is recorded server-side: no visit, no shopper's request.
                yield (*row, *(common if row[1] != "order_paid" else SERVER_SIDE))
            made += len(rows)

    copy_rows("analytics_event", EVENT_COLUMNS, events())


def ensure_history(args) -> None:
    rng = random.Random(20260301)
    have = Event.objects.count()
    if have >= args.events and not args.regenerate:
        print(f"reusing {have:,} events and {bench_orders().count():,} bench orders")
        return
    delete_history()
    shop = Shop(rng, args.days)
    began = time.perf_counter()
    shoppers = ensure_shoppers()
    orders_by_day = generate_orders(shop, rng, args.orders, shoppers)
    orders_took = time.perf_counter() - began
    generate_events(shop, rng, args.events, shoppers, orders_by_day)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE analytics_event")
        cursor.execute("ANALYZE commerce_order")
        cursor.execute("ANALYZE commerce_orderline")
    print(
        f"generated {bench_orders().count():,} orders ({orders_took:.0f} s) and "
        f"{Event.objects.count():,} events over {args.days} days "
        f"({time.perf_counter() - began:.0f} s in all)"
    )


def bench_orders():
    return Order.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")


# --- measurements --------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


EMAIL_INDEX = "bench_order_email_paid"


def time_rollups(args) -> list[tuple[str, float, str]]:
    """The scheduled run as the schema stands; then, with an expression index on the payer's
    e-mail (``--email-index``, dropped again afterwards), the backfill of the whole range
    and the scheduled run again. Without it the backfill takes hours (bench/README.md)."""
    today = shop_today()
    first = today - datetime.timedelta(days=args.days - 1)
    results = []
    started = time.perf_counter()
    rollups_build_recent(days=2)
    results.append(("scheduled run: last 2 days", time.perf_counter() - started, "schema as is"))
    print(f"  {results[-1][0]}: {results[-1][1]:.1f} s", flush=True)
    if not args.email_index:
        return results
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {EMAIL_INDEX} ON commerce_order (UPPER(email), paid_at)"
        )
    try:
        began, slowest, chunk_start = time.perf_counter(), (0.0, ""), first
        while chunk_start <= today:
            chunk_end = min(chunk_start + datetime.timedelta(days=29), today)
            started = time.perf_counter()
            rollups_build(first_day=chunk_start, last_day=chunk_end)
            took = time.perf_counter() - started
            if took > slowest[0]:
                slowest = (took, f"{chunk_start}…{chunk_end}")
            print(f"  rollups {chunk_start}…{chunk_end}: {took:.1f} s", flush=True)
            chunk_start = chunk_end + datetime.timedelta(days=1)
        results.append(
            (
                f"backfill {args.days} days, 30-day chunks",
                time.perf_counter() - began,
                f"with {EMAIL_INDEX}; slowest chunk {slowest[0]:.1f} s",
            )
        )
        started = time.perf_counter()
        rollups_build_recent(days=2)
        results.append(
            ("scheduled run: last 2 days", time.perf_counter() - started, f"with {EMAIL_INDEX}")
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {EMAIL_INDEX}")
    started = time.perf_counter()
    built = product_pairs_build()
    results.append(
        (
            "recommendation pairs",
            time.perf_counter() - started,
            f"{built['bought']:,} bought / {built['viewed']:,} viewed pairs",
        )
    )
    return results


def manager_client() -> Client:
    manager = get_user_model().objects.get(username=MANAGER)
    client = Client(HTTP_HOST="localhost")
    client.force_login(manager)
    return client


def ensure_manager() -> None:
    User = get_user_model()
    manager = User.objects.filter(username=MANAGER).first()
    if manager is None:
        manager = User.objects.create_user(
            MANAGER, email=f"manager@{EMAIL_DOMAIN}", password=None, is_staff=True
        )
    # Managers read the five shop reports; the search report's right is the Analysts'.
    manager.groups.add(*Group.objects.filter(name__in=("Managers", "Analysts")))


def time_reports(args) -> list[tuple]:
    client = manager_client()
    today = shop_today()
    ranges = {
        "30 days": {"range": "30d"},
        "365 days": {
            "range": "custom",
            "from": str(today - datetime.timedelta(days=364)),
            "to": str(today),
        },
    }
    results = []
    for slug in REPORTS:
        url = reverse("analytics_report", kwargs={"slug": slug})
        for label, query in ranges.items():
            response = client.get(url, query)
            assert response.status_code == 200, (slug, response.status_code)
            timings = []
            for _run in range(args.runs):
                started = time.perf_counter()
                response = client.get(url, query)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (slug, response.status_code)
            with CaptureQueriesContext(connection) as queries:
                client.get(url, query)
            slowest = max(queries.captured_queries, key=lambda q: float(q["time"]))
            results.append(
                (
                    slug,
                    label,
                    statistics.median(timings),
                    percentile(timings, 0.95),
                    len(queries),
                    float(slowest["time"]) * 1000,
                    slowest["sql"],
                )
            )
            print(
                f"  {slug} {label}: p95 {results[-1][3]:.0f} ms, {len(queries)} queries",
                flush=True,
            )
    return results


def time_event_cost(args) -> dict:
    """``event_record`` alone for a product view (the configured buffer), and the product
    page with recording on and off; ``DNT: 1`` makes ``recordable`` say no, so only the
    recording differs."""
    product = Product.objects.live().order_by("pk")[Product.objects.live().count() // 2]
    session = SessionStore()
    session.create()
    request = RequestFactory().get(
        f"/products/{product.slug}/", HTTP_USER_AGENT=BROWSER, HTTP_ACCEPT="text/html"
    )
    request.session = session

    class Anonymous:
        is_authenticated = False
        is_staff = is_superuser = False

    request.user = Anonymous()
    record_times = []
    for _run in range(args.records):
        request._events_recordable = None  # judged again per event, as on each request
        started = time.perf_counter()
        stored = event_buffer.event_record(request, "product_view", product_id=product.pk)
        record_times.append((time.perf_counter() - started) * 1000)
        assert stored, "the buffer refused the event"

    page = {}
    url = f"/products/{product.slug}/"
    for label, headers in (
        ("off (DNT: 1)", {"HTTP_DNT": "1"}),
        ("on", {}),
        ("off (DNT: 1) again", {"HTTP_DNT": "1"}),
        ("on again", {}),
    ):
        client = Client(HTTP_HOST="localhost", HTTP_USER_AGENT=BROWSER, HTTP_ACCEPT="text/html")
        for _warm in range(3):
            assert client.get(url, **headers).status_code == 200
        timings = []
        for _run in range(args.page_runs):
            started = time.perf_counter()
            response = client.get(url, **headers)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(url, **headers)
        page[label] = (statistics.median(timings), percentile(timings, 0.95), len(queries))
    buffered = event_buffer.buffered_count()
    started = time.perf_counter()
    flushed = events_flush()
    return {
        "record_median": statistics.median(record_times),
        "record_p95": percentile(record_times, 0.95),
        "records": len(record_times),
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "page": page,
        "flush": (buffered, flushed, time.perf_counter() - started),
    }


def _jit_off(sender, connection, **kwargs) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=400)
    parser.add_argument("--runs", type=int, default=20, help="Requests per report and range.")
    parser.add_argument("--records", type=int, default=2000, help="event_record calls timed.")
    parser.add_argument("--page-runs", type=int, default=40, help="Product pages per variant.")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--skip-rollups", action="store_true", help="Reuse built rollups.")
    parser.add_argument(
        "--email-index",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Backfill with a temporary index on UPPER(email), paid_at (see time_rollups).",
    )
    parser.add_argument(
        "--no-jit",
        action="store_true",
        help="SET jit = off for the bench's connection (PostgreSQL's default is on).",
    )
    args = parser.parse_args()
    require_postgresql()
    if args.no_jit:
        connection_created.connect(_jit_off)
        connection.close()
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        jit = cursor.fetchone()[0]
    with open("/proc/loadavg") as load:
        load_before = load.read().split()[:3]
    ensure_manager()
    ensure_history(args)
    first, last = day_bounds(shop_today() - datetime.timedelta(days=args.days - 1), shop_today())
    print(
        f"{Event.objects.count():,} events, {bench_orders().count():,} orders "
        f"({OrderLine.objects.filter(order__email__endswith=EMAIL_DOMAIN).count():,} lines), "
        f"{Product.objects.live().count():,} live products, {first:%Y-%m-%d}…{last:%Y-%m-%d}, "
        f"jit {jit}",
        flush=True,
    )
    rollups = [] if args.skip_rollups else time_rollups(args)
    with connection.cursor() as cursor:  # what autovacuum does soon after a backfill
        for table in ("salesday", "productday", "visitday", "promotionday", "productpair"):
            cursor.execute(f"ANALYZE analytics_{table}")
    reports = time_reports(args)
    cost = time_event_cost(args)
    with open("/proc/loadavg") as load:
        load_after = load.read().split()[:3]

    print()
    print(f"{'rollups':<40}{'seconds':>10}  notes")
    for name, seconds, note in rollups:
        print(f"{name:<40}{seconds:>10.1f}  {note}")
    print()
    print(
        f"{'report':<12}{'range':<10}{'median ms':>10}{'p95 ms':>9}{'queries':>9}"
        f"{'slowest q ms':>14}  target p95 < 300 ms"
    )
    for slug, label, median, p95, queries, slowest, _sql in reports:
        verdict = "ok" if p95 < 300 else "OVER"
        print(
            f"{slug:<12}{label:<10}{median:>10.0f}{p95:>9.0f}{queries:>9}"
            f"{slowest:>14.1f}  {verdict}"
        )
    print()
    print(
        f"event_record (product view, {cost['cache']}): median {cost['record_median']:.3f} ms, "
        f"p95 {cost['record_p95']:.3f} ms over {cost['records']} calls  (target median < 1 ms)"
    )
    for label, (median, p95, queries) in cost["page"].items():
        print(
            f"product page, recording {label:<20} median {median:6.1f} ms  p95 {p95:6.1f} ms"
            f"  {queries} queries"
        )
    buffered, flushed, seconds = cost["flush"]
    print(f"flush: {flushed:,} of {buffered:,} buffered events stored in {seconds:.2f} s")
    print(f"load average before {' '.join(load_before)}, after {' '.join(load_after)}")
    if os.environ.get("SHOW_SQL"):
        for slug, label, _m, _p, _q, slowest, sql in reports:
            print(f"\n{slug} {label} slowest ({slowest:.1f} ms):\n{sql}")


if __name__ == "__main__":
    main()
