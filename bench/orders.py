"""Placing orders under load: N shoppers check out at once against gunicorn on PostgreSQL.

Usage: DATABASE_URL=postgres://… .venv/bin/python bench/orders.py [--clients 40] [--hot-stock 100]
       [--spread-skus 200] [--orders-per-client 25] [--duration 60] [--workers 5] [--threads 2]
       [--burst-rounds 10] [--scenario hot|spread|burst|hot-burst|flash|flash-burst|all]
       [--flash-sale [--flash-skus 10] [--flash-cap 30] [--flash-limit 2] [--flash-stock 60]]
       [--queries]

Each simulated shopper is a thread with one keep-alive connection that goes through the
real forms: add to cart → POST /checkout/ → GET /checkout/review/ (read the checkout key)
→ POST /checkout/place/. Scenario "hot": everybody buys the one hot SKU until it is sold
out; scenario "spread": everybody buys 1–3 random SKUs from a large range. Both time the
whole four-request checkout. Scenario "burst" times order placement alone: every shopper
prepares a checkout (untimed), then all POST "place order" at the same instant, round
after round; its orders/s is placed orders over the summed wall time of the bursts.
Scenario "hot-burst" is one such burst where a quarter of the shoppers can get the last
units of the hot SKU. Afterwards the database is asked whether more was sold than was on
hand (oversell, must be 0).

``--flash-sale`` runs the flash scenarios instead: a flash sale (published like any
campaign) prices the flash SKUs at half their list price, up to ``--flash-cap`` units
of each SKU and ``--flash-limit`` per shopper; once a cap or a shopper's limit is reached
the shop goes on selling at the list price until the stock (``--flash-stock`` of each)
runs out. "flash" times whole checkouts of 1–2 units of a random flash SKU, "flash-burst"
placement alone in bursts. When the sale price sold out between review and place, the
shop sends the shopper back to the review page with the new total; the shopper confirms
it once more (counted as "reconfirmed"). Afterwards the database is asked for units sold
at the sale price beyond a cap (from the counters, the purchases and the order lines'
discounts) and beyond a shopper's limit (must all be 0), and for oversold stock.

Setup is idempotent (bench users, SKUs and the shipping method are found again by name);
before each scenario the bench SKUs' stock is reset and the bench users' orders, their
outbox e-mails and their carts are deleted. The script migrates the database when
migrations are unapplied. ``--queries`` instead runs one checkout through Django's test
client and prints the SQL queries of each request (for finding where the time goes).
"""

import argparse
import http.client
import os
import random
import re
import secrets
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from http.cookies import SimpleCookie
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault(
    "EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend"
)  # --queries sends one

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.messages.storage.cookie import CookieStorage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Sum  # noqa: E402

PREFIX = "orders-bench"
HOT_SKU = "OB-HOT"
FLASH_LIST_PRICE, FLASH_PRICE = Decimal("99.00"), Decimal("49.00")
FLASH_CAMPAIGN = "Orders bench flash sale"
SPREAD_STOCK = 1_000_000  # "large": the spread scenario never runs out
AUTH_BACKEND = "accounts.backends.EmailOrMobileBackend"
KEY_RE = re.compile(r'name="checkout_key" value="([^"]+)"')
REVIEWED_RE = re.compile(r'name="reviewed" value="([^"]+)"')


def place_form(review_page: str) -> dict | None:
    """The review page's place-order fields: its checkout key and the signed total it showed."""
    key, reviewed = KEY_RE.search(review_page), REVIEWED_RE.search(review_page)
    if key is None or reviewed is None:
        return None
    return {"checkout_key": key.group(1), "reviewed": reviewed.group(1)}


ORDER_PATH_RE = re.compile(r"^/account/orders/[^/]+/$")


def spread_skus(count: int) -> list[str]:
    return [f"OB-S{index:04d}" for index in range(1, count + 1)]


def flash_skus(count: int) -> list[str]:
    return [f"OB-F{index:03d}" for index in range(1, count + 1)]


# --- database: checks, data, reset, oversell
# --------------------------------------------------------


def require_postgresql() -> None:
    """Locking and concurrency only mean something on PostgreSQL; SQLite serialises every write."""
    if not os.environ.get("DATABASE_URL") or connection.vendor != "postgresql":
        sys.exit(
            "bench/orders.py needs PostgreSQL: set DATABASE_URL=postgres://… "
            "(see bench/README.md); "
            f"the database configured now is {connection.vendor}."
        )


def migrate_if_needed() -> None:
    """Bring the database to the code's schema (a no-op when it is already there)."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("unapplied migrations: running manage.py migrate")
        call_command("migrate", verbosity=0)


def setup_catalogue(*, spread: int, flash: int = 0):
    """One live product holding the hot SKU and the spread SKUs as variants, and a shipping method.

    Variants are added as rows when missing, so a larger ``--spread-skus`` later just adds SKUs.
    """
    from commerce.models import ShippingMethod
    from products.models import Category, Product, ProductStats, ProductType, ProductVariant, Stock

    category = Category.objects.filter(slug=PREFIX).first() or Category.add_root(
        name="Orders bench", slug=PREFIX
    )
    product_type, _created = ProductType.objects.get_or_create(name="Orders bench")
    product = Product.objects.filter(slug=PREFIX).first()
    if product is None:
        product = Product(
            name="Orders bench item",
            slug=PREFIX,
            primary_category=category,
            product_type=product_type,
            summary="Bought by bench/orders.py",
            live=False,
        )
        product.save()
        product.save_revision().publish()
        product.refresh_from_db()
        ProductStats.objects.get_or_create(product=product)
    existing = set(ProductVariant.objects.filter(product=product).values_list("sku", flat=True))
    for index, sku in enumerate([HOT_SKU, *spread_skus(spread)]):
        if sku not in existing:
            ProductVariant.objects.create(
                product=product,
                sku=sku,
                price=Decimal("39.00") + index % 50,
                option_1=sku,
                weight_grams=300,
                sort_order=index,
            )
        Stock.objects.get_or_create(sku=sku, defaults={"on_hand": 0})
    for index, sku in enumerate(flash_skus(flash)):
        if sku not in existing:
            ProductVariant.objects.create(
                product=product,
                sku=sku,
                price=FLASH_LIST_PRICE,
                option_1=sku,
                weight_grams=300,
                sort_order=10_000 + index,
            )
        Stock.objects.get_or_create(sku=sku, defaults={"on_hand": 0})
    method, _created = ShippingMethod.objects.get_or_create(
        code=PREFIX,
        defaults={
            "name": "Orders bench post",
            "base_fee": Decimal("8.00"),
            "first_weight_grams": 100_000,
            "step_grams": 1000,
            "step_fee": Decimal("0"),
            "free_shipping_threshold": Decimal("199.00"),
        },
    )
    return method


def setup_users(count: int) -> list[tuple]:
    """(user, address pk) for ``count`` bench shoppers, each with one default address."""
    from django.contrib.auth import get_user_model

    from accounts.models import Address

    users = []
    for index in range(1, count + 1):
        name = f"{PREFIX}-{index:04d}"
        user, created = get_user_model().objects.get_or_create(
            username=name, defaults={"email": f"{name}@example.com"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        address = Address.objects.filter(user=user).first() or Address.objects.create(
            user=user,
            recipient="王小明",
            mobile="13800138000",
            province="guangdong",
            city="深圳市",
            district="南山区",
            street=f"科技园路 {index} 号",
            postcode="518000",
            is_default=True,
        )
        users.append((user, address.pk))
    return users


def signed_in_cookies(user) -> dict[str, str]:
    """A session signed in as ``user`` (made server-side, no password) and a CSRF secret cookie.

    Django accepts an unmasked 32-character secret both as the cookie and in the header.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = AUTH_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    return {settings.SESSION_COOKIE_NAME: store.session_key, settings.CSRF_COOKIE_NAME: csrf}


def bench_users_filter() -> dict:
    return {"user__username__startswith": f"{PREFIX}-"}


def reset(*, hot_stock: int, spread: int, flash: tuple[list[str], int] = ((), 0)) -> None:
    """Back to the start: no bench orders (nor their e-mails), empty carts, stock as configured.

    ``flash`` is (flash SKUs, units on hand of each)."""
    from commerce.inventory.services import opening_movements
    from commerce.models import CartLine, Order, OutgoingEmail, StockMovement
    from products.models import Stock

    with transaction.atomic():
        orders = Order.objects.filter(**bench_users_filter())
        OutgoingEmail.objects.filter(
            order__in=orders
        ).delete()  # the outbox only SET_NULLs its order
        orders.delete()  # lines and status changes cascade
        CartLine.objects.filter(cart__user__username__startswith=f"{PREFIX}-").delete()
        Stock.objects.filter(sku=HOT_SKU).update(on_hand=hot_stock, reserved=0)
        Stock.objects.filter(sku__in=spread_skus(spread)).update(on_hand=SPREAD_STOCK, reserved=0)
        Stock.objects.filter(sku__in=list(flash[0])).update(on_hand=flash[1], reserved=0)
        # The bench SKUs' ledger starts again too, so on hand and reserved equal its sums.
        bench_skus = [HOT_SKU, *spread_skus(spread), *flash[0]]
        StockMovement.objects.filter(sku__in=bench_skus).delete()
        StockMovement.objects.bulk_create(
            opening_movements(Stock.objects.filter(sku__in=bench_skus))
        )


def stock_audit(on_hand_at_start: dict[str, int]) -> dict:
    """Oversell from the database: units in live bench orders beyond what was on hand at the start.

    Also counts SKUs whose ``reserved`` exceeds ``on_hand`` (the reservation invariant) and
    SKUs whose ``reserved`` differs from the units ordered (nothing else reserves bench stock),
    and SKUs whose stock differs from the sums of their ledger movements.
    """
    from commerce.inventory.selectors import stock_ledger_mismatches
    from commerce.models import OrderLine, OrderStatus
    from products.models import Stock

    ordered = dict(
        OrderLine.objects.filter(
            sku__in=list(on_hand_at_start),
            **{f"order__{key}": value for key, value in bench_users_filter().items()},
        )
        .exclude(order__status=OrderStatus.CANCELLED)
        .values("sku")
        .annotate(units=Sum("quantity"))
        .values_list("sku", "units")
    )
    rows = {row.sku: row for row in Stock.objects.filter(sku__in=list(on_hand_at_start))}
    return {
        "oversell": sum(max(0, units - on_hand_at_start[sku]) for sku, units in ordered.items()),
        "reserved_over_on_hand": sum(1 for row in rows.values() if row.reserved > row.on_hand),
        "reserved_mismatch": sum(
            1 for sku, row in rows.items() if row.reserved != ordered.get(sku, 0)
        ),
        "units": sum(ordered.values()),
        "ledger_mismatches": len(stock_ledger_mismatches(list(on_hand_at_start))),
    }


def flash_sale_start(skus: list[str], *, cap: int, limit: int):
    """A new running flash sale on ``skus`` (the previous one, its counters and purchases
    deleted), published through a revision as the admin does."""
    from datetime import timedelta

    from django.utils import timezone

    from commerce.promotions.models import Campaign, CampaignKind

    Campaign.objects.filter(name=FLASH_CAMPAIGN).delete()
    starts = timezone.now() - timedelta(minutes=5)
    campaign = Campaign(
        name=FLASH_CAMPAIGN,
        kind=CampaignKind.FLASH_SALE,
        starts_at=starts,
        ends_at=starts + timedelta(days=1),
        sku_table="\n".join(f"{sku},{FLASH_PRICE},{cap}" for sku in skus),
        per_shopper_limit=limit,
        live=False,
    )
    campaign.full_clean()
    campaign.save()
    campaign.save_revision().publish()
    return campaign


def flash_sale_end() -> None:
    """Unpublish the bench's flash sale, so the other scenarios sell at list prices."""
    from commerce.promotions.models import Campaign

    for campaign in Campaign.objects.filter(name=FLASH_CAMPAIGN, live=True):
        campaign.unpublish()


def flash_audit(campaign, *, cap: int, limit: int) -> dict:
    """Units sold at the sale price beyond a cap or a shopper's limit, three ways: the
    counters, the purchases, and the order lines' discounts (the sale is the only discount
    the bench shoppers get, so a line's discount ÷ the saving per unit is its sale units)."""
    from commerce.models import OrderLine, OrderStatus
    from commerce.promotions.models import FlashSaleCounter, FlashSalePurchase

    counters = dict(FlashSaleCounter.objects.filter(campaign=campaign).values_list("sku", "sold"))
    purchases = FlashSalePurchase.objects.filter(campaign=campaign)
    bought = dict(
        purchases.values("sku").annotate(units=Sum("quantity")).values_list("sku", "units")
    )
    per_shopper = purchases.values("sku", "user").annotate(units=Sum("quantity"))
    saving = FLASH_LIST_PRICE - FLASH_PRICE
    discounts = dict(
        OrderLine.objects.filter(
            sku__in=[sku for sku, *_rest in campaign.sku_rows()],
            **{f"order__{key}": value for key, value in bench_users_filter().items()},
        )
        .exclude(order__status=OrderStatus.CANCELLED)
        .values("sku")
        .annotate(discount=Sum("discount"))
        .values_list("sku", "discount")
    )
    charged = {sku: int(amount / saving) for sku, amount in discounts.items()}
    return {
        "sale_units": sum(bought.values()),
        "over_cap": sum(max(0, units - cap) for units in counters.values()),
        "purchases_over_cap": sum(max(0, units - cap) for units in bought.values()),
        "charged_over_cap": sum(max(0, units - cap) for units in charged.values()),
        "counter_mismatch": sum(
            1 for sku in set(counters) | set(bought) if counters.get(sku, 0) != bought.get(sku, 0)
        ),
        "charged_mismatch": sum(
            1 for sku in set(charged) | set(bought) if charged.get(sku, 0) != bought.get(sku, 0)
        ),
        "over_limit": sum(max(0, row["units"] - limit) for row in per_shopper),
        "caps_reached": sum(1 for units in counters.values() if units >= cap),
    }


# --- the server
# -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn serving the shop as in production (DEBUG off, mail to nowhere), stopped on exit."""

    def __init__(self, *, workers: int, threads: int):
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115 — open while gunicorn runs
            prefix="orders-bench-gunicorn-", suffix=".log", delete=False
        )
        binary = Path(sys.executable).with_name("gunicorn")
        command = [
            str(binary) if binary.exists() else "gunicorn",
            "config.wsgi:application",
            "-b",
            f"127.0.0.1:{self.port}",
            "-w",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
        # Own session: Ctrl-C reaches only this script, which then stops gunicorn itself.
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=self.log, start_new_session=True
        )

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited with {self.process.returncode}; log: {self.log.name}"
                )
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(
            f"gunicorn did not answer /healthz within {timeout:.0f} s; log: {self.log.name}"
        )

    def stop(self) -> None:
        """Stop gunicorn; its log is kept (and named) only when it says something."""
        if self.process.poll() is None:
            self.process.send_signal(
                signal.SIGINT
            )  # quick shutdown: shoppers may still be sending
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                # The whole process group (it has its own session): no orphaned worker outlives the
                # bench.
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()
        if Path(self.log.name).exists() and Path(self.log.name).stat().st_size:
            print(f"gunicorn log: {self.log.name}")
        else:
            Path(self.log.name).unlink(missing_ok=True)


# --- the shoppers
# -----------------------------------------------------------------------------------


class Shopper:
    """One signed-in shopper with one keep-alive connection and its cookies."""

    def __init__(self, *, port: int, cookies: dict[str, str], address_pk: int, method_pk: int):
        self.port, self.cookies = port, dict(cookies)
        self.csrf = cookies[settings.CSRF_COOKIE_NAME]
        self.form = {
            "address": str(address_pk),
            "shipping_method": str(method_pk),
            "payment_method": "cod",
            "red_packet": "",
            "note": "",
        }
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.reconnects = 0
        self.messages: list[str] = []  # of the last answer: explains an unexpected redirect

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, str, str]:
        """(status, Location path, body); reconnects once when a kept-alive connection was
        closed."""
        headers = {
            "Host": "localhost",
            "Accept-Language": "en",
            "X-CSRFToken": self.csrf,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if path.startswith("/cart/"):
            headers["Accept"] = "application/json"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt == 2:
                    raise
                self.reconnects += 1
        text = response.read().decode("utf-8", "replace")
        self._keep_cookies(response)
        return response.status, urlsplit(response.getheader("Location", "")).path, text

    def _keep_cookies(self, response) -> None:
        """Follow session and CSRF cookie changes; read (never send back) the flash messages."""
        self.messages = []
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
                    self.cookies[name] = morsel.value
                elif name == CookieStorage.cookie_name:
                    self.messages = [
                        str(m) for m in CookieStorage(None)._decode(morsel.value) or []
                    ]

    def close(self) -> None:
        self.conn.close()


@dataclass
class Tally:
    """What the shoppers saw in one scenario (appended to from many threads: list.append is
    atomic)."""

    place_ms: list[float] = field(default_factory=list)
    flow_ms: list[float] = field(default_factory=list)
    sold_out: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reconfirmed: list[str] = field(default_factory=list)  # a changed total confirmed again
    reconnects: int = 0
    client_cpu: float = 0.0  # seconds of CPU this script used while the shoppers ran


class SoldOut(Exception):
    pass


class Unexpected(Exception):
    pass


def expect(
    step: str, status: int, location: str, body: str, *, ok_status: int, ok_location=None
) -> None:
    """Raise SoldOut for the shop's "not enough stock" answers, Unexpected for anything else not
    ``ok``."""
    if status == ok_status and (ok_location is None or ok_location(location)):
        return
    if (status == 302 and location == "/cart/") or (
        status == 400 and '"insufficient_stock"' in body
    ):
        raise SoldOut(step)
    raise Unexpected(f"{step}: HTTP {status} {location or body[:120]!r}")


def place_confirming(shopper: Shopper, form: dict, tally: Tally) -> tuple[int, str, str]:
    """POST "place order"; when the shop sends the shopper back to the review page (the
    total changed, e.g. a flash sale's price sold out), read the new total and confirm it,
    at most twice. The answer of the last POST."""
    response = shopper.request("POST", "/checkout/place/", form)
    for _attempt in range(2):
        status, location, _body = response
        if not (status == 302 and location == "/checkout/review/"):
            break
        tally.reconfirmed.append(" ".join(shopper.messages))
        status, location, body = shopper.request("GET", "/checkout/review/")
        expect("review", status, location, body, ok_status=200)
        form = place_form(body)
        if form is None:
            raise Unexpected("review: no place-order form on the page")
        response = shopper.request("POST", "/checkout/place/", form)
    return response


def place_one(shopper: Shopper, lines: dict[str, int], tally: Tally) -> str:
    """One checkout through the forms: "placed", "sold out" or "error". A failed one empties the
    cart."""
    started = time.perf_counter()
    try:
        for sku, quantity in lines.items():
            expect(
                "add",
                *shopper.request("POST", "/cart/add/", {"sku": sku, "quantity": quantity}),
                ok_status=200,
            )
        expect(
            "checkout",
            *shopper.request("POST", "/checkout/", shopper.form),
            ok_status=302,
            ok_location=lambda path: path == "/checkout/review/",
        )
        status, location, body = shopper.request("GET", "/checkout/review/")
        expect("review", status, location, body, ok_status=200)
        form = place_form(body)
        if form is None:
            raise Unexpected("review: no place-order form on the page")
        place_started = time.perf_counter()
        response = place_confirming(shopper, form, tally)
        place_ms = (time.perf_counter() - place_started) * 1000
        expect("place", *response, ok_status=302, ok_location=ORDER_PATH_RE.match)
    except SoldOut as sold_out:
        tally.sold_out.append(str(sold_out))
        outcome = "sold out"
    except (Unexpected, OSError, http.client.HTTPException) as error:
        tally.errors.append(
            f"{type(error).__name__}: {error} {' '.join(shopper.messages)}".strip()
        )
        outcome = "error"
    else:
        tally.place_ms.append(place_ms)
        tally.flow_ms.append((time.perf_counter() - started) * 1000)
        return "placed"
    _empty_cart(shopper, lines)
    return outcome


def prepare_checkout(shopper: Shopper, lines: dict[str, int]) -> dict:
    """Fill the cart and go as far as the review page; the place-order form to send."""
    for sku, quantity in lines.items():
        expect(
            "add",
            *shopper.request("POST", "/cart/add/", {"sku": sku, "quantity": quantity}),
            ok_status=200,
        )
    expect(
        "checkout",
        *shopper.request("POST", "/checkout/", shopper.form),
        ok_status=302,
        ok_location=lambda path: path == "/checkout/review/",
    )
    status, location, body = shopper.request("GET", "/checkout/review/")
    expect("review", status, location, body, ok_status=200)
    form = place_form(body)
    if form is None:
        raise Unexpected("review: no place-order form on the page")
    return form


def run_bursts(shoppers: list[Shopper], pick_lines, *, rounds: int) -> tuple[Tally, float]:
    """Rounds of: every shopper prepares a checkout, then all place at once. (tally, summed burst
    seconds)."""
    tally = Tally()
    cpu_before = time.process_time()
    burst_seconds = 0.0
    for _ in range(rounds):
        keys, lines_of = {}, {}

        def prepare(shopper, keys=keys, lines_of=lines_of):
            lines_of[shopper] = pick_lines()
            try:
                keys[shopper] = prepare_checkout(shopper, lines_of[shopper])
            except SoldOut as sold_out:
                tally.sold_out.append(str(sold_out))
            except (Unexpected, OSError, http.client.HTTPException) as error:
                tally.errors.append(f"{type(error).__name__}: {error}")

        _together(shoppers, prepare)
        ready = [shopper for shopper in shoppers if shopper in keys]
        started = time.perf_counter()
        _together(ready, lambda shopper, keys=keys: _place_prepared(shopper, keys[shopper], tally))
        burst_seconds += time.perf_counter() - started
        for shopper in shoppers:
            _empty_cart(shopper, lines_of.get(shopper, {}))
    tally.client_cpu = time.process_time() - cpu_before
    return tally, burst_seconds


def _together(shoppers: list[Shopper], action) -> None:
    barrier = threading.Barrier(len(shoppers)) if shoppers else None

    def body(shopper):
        barrier.wait()
        action(shopper)

    threads = [threading.Thread(target=body, args=(s,), daemon=True) for s in shoppers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _place_prepared(shopper: Shopper, form: dict, tally: Tally) -> None:
    started = time.perf_counter()
    try:
        response = place_confirming(shopper, form, tally)
        expect("place", *response, ok_status=302, ok_location=ORDER_PATH_RE.match)
    except SoldOut as sold_out:
        tally.sold_out.append(str(sold_out))
    except (Unexpected, OSError, http.client.HTTPException) as error:
        tally.errors.append(f"{type(error).__name__}: {error}")
    else:
        elapsed = (time.perf_counter() - started) * 1000
        tally.place_ms.append(elapsed)
        tally.flow_ms.append(elapsed)


def _empty_cart(shopper: Shopper, lines: dict[str, int]) -> None:
    for sku in lines:
        try:
            shopper.request("POST", f"/cart/lines/{sku}/remove/", {})
        except (OSError, http.client.HTTPException):
            shopper.close()


def run_clients(shoppers: list[Shopper], work, *, duration: float) -> tuple[Tally, float]:
    """Start every shopper's ``work(shopper, tally, deadline)`` at once; (tally, wall seconds)."""
    tally = Tally()
    cpu_before = time.process_time()
    start = threading.Barrier(len(shoppers) + 1)
    deadline_box = {}

    def body(shopper):
        start.wait()
        work(shopper, tally, deadline_box["deadline"])

    threads = [threading.Thread(target=body, args=(s,), daemon=True) for s in shoppers]
    for thread in threads:
        thread.start()
    deadline_box["deadline"] = time.monotonic() + duration
    started = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    tally.client_cpu = time.process_time() - cpu_before
    return tally, time.perf_counter() - started


def hot_work(shopper: Shopper, tally: Tally, deadline: float) -> None:
    """Buy one hot unit after another until the shop says it is sold out (or time is up)."""
    while time.monotonic() < deadline:
        if place_one(shopper, {HOT_SKU: 1}, tally) == "sold out":
            return  # nothing releases bench stock, so "sold out" is final


def spread_work_for(skus: list[str], orders: int):
    def work(shopper: Shopper, tally: Tally, deadline: float) -> None:
        rng = random.Random()
        for _ in range(orders):
            if time.monotonic() >= deadline:
                return
            place_one(
                shopper,
                {sku: rng.randint(1, 3) for sku in rng.sample(skus, rng.randint(1, 3))},
                tally,
            )

    return work


def flash_work_for(skus: list[str], orders: int):
    """Up to ``orders`` checkouts of 1–2 units of a random flash SKU (sold-out SKUs included:
    the shop says so and the shopper tries again)."""

    def work(shopper: Shopper, tally: Tally, deadline: float) -> None:
        rng = random.Random()
        for _ in range(orders):
            if time.monotonic() >= deadline:
                return
            place_one(shopper, {rng.choice(skus): rng.randint(1, 2)}, tally)

    return work


# --- reporting
# ----------------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(len(ordered) * fraction + 0.999999) - 1))]


HEADER = (
    f"{'scenario':<12}{'placed':>7}{'wall s':>8}{'orders/s':>9}{'place p50':>10}{'p95':>7}"
    f"{'flow p50':>9}{'p95':>7}{'sold out':>9}{'errors':>7}{'oversell':>9}"
)


def row(name: str, tally: Tally, wall: float, audit: dict) -> str:
    placed = len(tally.place_ms)
    return (
        f"{name:<12}{placed:>7}{wall:>8.2f}{placed / wall:>9.1f}"
        f"{percentile(tally.place_ms, 0.5):>10.0f}"
        f"{percentile(tally.place_ms, 0.95):>7.0f}{percentile(tally.flow_ms, 0.5):>9.0f}"
        f"{percentile(tally.flow_ms, 0.95):>7.0f}{len(tally.sold_out):>9}{len(tally.errors):>7}"
        f"{audit['oversell']:>9}"
    )


# --- main
# -------------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=40, help="concurrent shoppers (default 40)")
    parser.add_argument(
        "--hot-stock", type=int, default=100, help="units of the hot SKU (default 100)"
    )
    parser.add_argument(
        "--spread-skus", type=int, default=200, help="SKUs of the spread scenario (default 200)"
    )
    parser.add_argument(
        "--orders-per-client", type=int, default=25, help="spread orders per shopper (default 25)"
    )
    parser.add_argument(
        "--duration", type=float, default=60, help="time limit per scenario, seconds (default 60)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * cores + 1,
        help=f"gunicorn workers (default 2×cores+1 = {2 * cores + 1})",
    )
    parser.add_argument(
        "--threads", type=int, default=2, help="gunicorn threads per worker (default 2)"
    )
    parser.add_argument(
        "--burst-rounds", type=int, default=10, help="rounds of the burst scenario (default 10)"
    )
    parser.add_argument(
        "--scenario",
        choices=["hot", "spread", "burst", "hot-burst", "flash", "flash-burst", "all"],
        default="all",
        help="all: hot, spread, burst and hot-burst; with --flash-sale: flash and flash-burst",
    )
    parser.add_argument(
        "--flash-sale",
        action="store_true",
        help="run the flash-sale scenarios (flash, flash-burst)",
    )
    parser.add_argument(
        "--flash-skus", type=int, default=10, help="SKUs in the flash sale (default 10)"
    )
    parser.add_argument(
        "--flash-cap",
        type=int,
        default=30,
        help="units of each SKU at the sale price (default 30)",
    )
    parser.add_argument(
        "--flash-limit",
        type=int,
        default=2,
        help="sale-price units per shopper and SKU (default 2)",
    )
    parser.add_argument(
        "--flash-stock", type=int, default=60, help="units on hand of each flash SKU (default 60)"
    )
    parser.add_argument(
        "--queries", action="store_true", help="print SQL queries per request of one checkout"
    )
    return parser.parse_args()


def count_queries(users, method) -> None:
    """One spread checkout through Django's test client, with the queries of each request."""
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user, address_pk = users[0]
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user, backend=AUTH_BACKEND)
    form = {
        "address": address_pk,
        "shipping_method": method.pk,
        "payment_method": "cod",
        "note": "",
    }
    add = {"sku": spread_skus(1)[0], "quantity": 1}
    steps = [
        ("add", "post", "/cart/add/", add, {"HTTP_ACCEPT": "application/json"}),
        ("checkout", "post", "/checkout/", form, {}),
        ("review", "get", "/checkout/review/", None, {}),
    ]
    for name, verb, path, data, extra in steps:
        with CaptureQueriesContext(connection) as queries:
            response = getattr(client, verb)(path, data, **extra)
        print(f"{name:<10}{response.status_code:>5}{len(queries):>5} queries")
        show_sql(queries)
        if name == "review":
            form = place_form(response.content.decode())
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/checkout/place/", form)
    print(
        f"{'place':<10}{response.status_code:>5}{len(queries):>5} queries  "
        f"→ {response.get('Location')}"
    )
    show_sql(queries)


def show_sql(queries) -> None:
    """With SHOW_SQL=1 in the environment, the start of every query."""
    if os.environ.get("SHOW_SQL"):
        for query in queries.captured_queries:
            print("   ", query["sql"][:150])


def run_scenario(name: str, args, shoppers, work) -> tuple[Tally, float, dict]:
    from products.models import Stock

    hot_stock = max(1, len(shoppers) // 4) if name == "hot-burst" else args.hot_stock
    flash = (flash_skus(args.flash_skus), args.flash_stock) if name.startswith("flash") else ()
    reset(hot_stock=hot_stock, spread=args.spread_skus, **({"flash": flash} if flash else {}))
    if name.startswith("hot"):
        skus = [HOT_SKU]
    else:
        skus = flash[0] if flash else spread_skus(args.spread_skus)
    on_hand = dict(Stock.objects.filter(sku__in=skus).values_list("sku", "on_hand"))
    campaign = (
        flash_sale_start(flash[0], cap=args.flash_cap, limit=args.flash_limit) if flash else None
    )
    for shopper in shoppers:
        shopper.reconnects = 0
    if name in ("burst", "flash-burst"):
        tally, wall = run_bursts(shoppers, work, rounds=args.burst_rounds)
    elif name == "hot-burst":
        tally, wall = run_bursts(shoppers, work, rounds=1)
    else:
        tally, wall = run_clients(shoppers, work, duration=args.duration)
    tally.reconnects = sum(shopper.reconnects for shopper in shoppers)
    audit = stock_audit(on_hand)
    if campaign is not None:
        audit["flash"] = flash_audit(campaign, cap=args.flash_cap, limit=args.flash_limit)
        flash_sale_end()
    return tally, wall, audit


def main() -> int:
    args = parse_args()
    require_postgresql()
    migrate_if_needed()
    method = setup_catalogue(spread=args.spread_skus, flash=args.flash_skus)
    flash_sale_end()  # left running by an interrupted run
    users = setup_users(args.clients)
    if args.queries:
        reset(hot_stock=args.hot_stock, spread=args.spread_skus)
        count_queries(users, method)
        reset(hot_stock=args.hot_stock, spread=args.spread_skus)
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally below
    server = Gunicorn(workers=args.workers, threads=args.threads)
    shoppers = []
    try:
        server.wait_healthy()
        shoppers = [
            Shopper(
                port=server.port,
                cookies=signed_in_cookies(user),
                address_pk=address_pk,
                method_pk=method.pk,
            )
            for user, address_pk in users
        ]
        print(
            f"gunicorn: {args.workers} workers × {args.threads} threads on port {server.port}; "
            f"{args.clients} shoppers; {os.cpu_count()} cores; "
            f"PostgreSQL {connection.pg_version // 10000}"
        )
        reset(hot_stock=args.hot_stock, spread=args.spread_skus)
        run_clients(
            shoppers, spread_work_for(spread_skus(args.spread_skus), 1), duration=args.duration
        )  # warm-up
        results = []
        if args.flash_sale and args.scenario not in ("flash", "flash-burst"):
            args.scenario = "flash-all"
        if args.scenario in ("flash", "flash-all"):
            work = flash_work_for(flash_skus(args.flash_skus), args.orders_per_client)
            results.append(("flash", *run_scenario("flash", args, shoppers, work)))
        if args.scenario in ("flash-burst", "flash-all"):
            skus, rng = flash_skus(args.flash_skus), random.Random()
            pick = lambda: {rng.choice(skus): rng.randint(1, 2)}  # noqa: E731
            results.append(("flash-burst", *run_scenario("flash-burst", args, shoppers, pick)))
        if args.scenario in ("hot", "all"):
            results.append(("hot", *run_scenario("hot", args, shoppers, hot_work)))
        if args.scenario in ("spread", "all"):
            work = spread_work_for(spread_skus(args.spread_skus), args.orders_per_client)
            results.append(("spread", *run_scenario("spread", args, shoppers, work)))
        if args.scenario in ("burst", "all"):
            skus, rng = spread_skus(args.spread_skus), random.Random()
            pick = lambda: {sku: rng.randint(1, 3) for sku in rng.sample(skus, rng.randint(1, 3))}  # noqa: E731
            results.append(("burst", *run_scenario("burst", args, shoppers, pick)))
        if args.scenario in ("hot-burst", "all"):
            results.append(
                ("hot-burst", *run_scenario("hot-burst", args, shoppers, lambda: {HOT_SKU: 1}))
            )
    finally:
        for shopper in shoppers:
            shopper.close()
        server.stop()
    return report(results, args)


FLASH_HEADER = (
    f"{'scenario':<12}{'sale units':>11}{'caps hit':>9}{'over cap':>9}{'over limit':>11}"
    f"{'mismatch':>9}{'reconfirmed':>12}"
)


def report_flash(results, args) -> bool:
    """The flash sale's table; True when a cap or a limit was overshot or the counts disagree.

    "over cap" is the worst of the counters, the purchases and the order lines' discounts;
    "mismatch" counts SKUs where those three disagree."""
    print(
        f"\nflash sale: {args.flash_skus} SKUs at ¥{FLASH_PRICE} (list ¥{FLASH_LIST_PRICE}), "
        f"cap {args.flash_cap} each (total {args.flash_skus * args.flash_cap}), "
        f"{args.flash_limit} per shopper, {args.flash_stock} on hand each"
    )
    print(FLASH_HEADER)
    failed = False
    for name, tally, _wall, audit in results:
        flash = audit.get("flash")
        if flash is None:
            continue
        over = max(flash["over_cap"], flash["purchases_over_cap"], flash["charged_over_cap"])
        mismatch = flash["counter_mismatch"] + flash["charged_mismatch"]
        print(
            f"{name:<12}{flash['sale_units']:>11}{flash['caps_reached']:>9}{over:>9}"
            f"{flash['over_limit']:>11}{mismatch:>9}{len(tally.reconfirmed):>12}"
        )
        failed = failed or over > 0 or flash["over_limit"] > 0 or mismatch > 0
    return failed


def report(results, args) -> int:
    if not args.scenario.startswith("flash"):
        print(
            f"\nhot: {args.hot_stock} units of one SKU; "
            f"spread: {args.orders_per_client} orders × {args.clients} "
            f"shoppers over {args.spread_skus} SKUs; latency in ms (placed orders only)"
        )
    else:
        print(
            f"\nflash: {args.orders_per_client} orders × {args.clients} shoppers of 1–2 units of "
            f"a random flash SKU; latency in ms (placed orders only)"
        )
    print(HEADER)
    for name, tally, wall, audit in results:
        print(row(name, tally, wall, audit))
    failed = any("flash" in audit for *_rest, audit in results) and report_flash(results, args)
    for name, tally, wall, audit in results:
        if audit["ledger_mismatches"]:
            print(f"{name}: stock differs from the ledger for {audit['ledger_mismatches']} SKU(s)")
        if audit["reserved_over_on_hand"] or audit["reserved_mismatch"]:
            print(
                f"{name}: reserved > on hand for {audit['reserved_over_on_hand']} SKU(s); "
                f"reserved ≠ units ordered for {audit['reserved_mismatch']} SKU(s)"
            )
        if tally.errors:
            print(f"{name}: first errors: {tally.errors[:3]}")
        print(
            f"{name}: this script used {tally.client_cpu:.1f} s of CPU during {wall:.1f} s "
            "(it shares the cores)"
        )
        if tally.reconnects:
            print(
                f"{name}: {tally.reconnects} kept-alive connection(s) closed by the server "
                "and reopened"
            )
        attempts = len(tally.place_ms) + len(tally.sold_out) + len(tally.errors)
        if name == "spread" and attempts < args.clients * args.orders_per_client:
            print(
                f"spread: stopped by the {args.duration:.0f} s time limit after {attempts} of "
                f"{args.clients * args.orders_per_client} checkouts"
            )
        if name == "hot" and audit["units"] < args.hot_stock:
            print(
                f"hot: only {audit['units']} of {args.hot_stock} units sold (time limit or errors)"
            )
        failed = (
            failed
            or audit["oversell"] > 0
            or audit["reserved_over_on_hand"] > 0
            or audit["ledger_mismatches"] > 0
        )
    # hot-burst sells a handful of units in one burst: it checks oversell, its rate means nothing.
    verdicts = [
        f"{name} {'met' if len(t.place_ms) / w >= 50 and a['oversell'] == 0 else 'NOT met'}"
        for name, t, w, a in results
        if name != "hot-burst"
    ]
    print(f"target ≥ 50 orders/s with zero oversell: {', '.join(verdicts)}")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("interrupted; gunicorn stopped")
