"""The embedded default (SQLite) holds a small team working at once.

gunicorn (4 workers × 2 threads, ``config.wsgi``, DEBUG off) serves a small shop from
a temporary SQLite file while 16 clients work for 30 s: shoppers browse, add to the
cart and check out; staff save a product and a guide page in the admin. Before the
SQLite options in config/settings/base.py (write-ahead log, IMMEDIATE transactions,
a 20 s busy timeout) this answered 500 "database is locked"; now nothing may answer
5xx or fail to answer.

The database is a copy of the test database when that is SQLite (already migrated);
on PostgreSQL the helper migrates a fresh file first, which takes longer.
"""

import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories.forms import guide_form_data

ROOT = Path(__file__).resolve().parents[2]
DURATION = float(os.environ.get("TRUST_LOAD_SECONDS", "30"))
SHOPPERS, STAFF = 12, 4
KEY_RE = re.compile(r'name="checkout_key" value="([^"]+)"')
REVIEWED_RE = re.compile(r'name="reviewed" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_migrated_database(path: Path) -> None:
    """The test database (migrated, with the migrations' data) copied into ``path`` when it
    is SQLite.

    The test is transactional: SQLite cannot back up a database from a connection
    holding its write lock inside a test transaction (the backup would wait for ever),
    and ``serialized_rollback`` restores the migrations' data (site tree, roles) that
    an earlier transactional test flushed.
    """
    if connection.vendor != "sqlite":
        return
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def server_environment(database: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
    }


class Server:
    """gunicorn on a free port, in its own process group (stopped with the whole group)."""

    def __init__(self, env: dict, log: Path):
        self.port = free_port()
        self.log = log.open("w")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "4",
                "--threads",
                "2",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "gunicorn exited early"
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("gunicorn did not answer /healthz")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


class Client:
    """One person's keep-alive connection, signed in by session cookie, with the CSRF token."""

    def __init__(self, port: int, session: str, csrf: str):
        self.port, self.csrf = port, csrf
        self.cookie = f"sessionid={session}; csrftoken={csrf}"
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def send(self, method: str, path: str, data=None, *, accept_json=False):
        headers = {"Host": "127.0.0.1", "Cookie": self.cookie, "X-CSRFToken": self.csrf}
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if accept_json:
            headers["Accept"] = "application/json"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            return f"{type(error).__name__}: {error}", ""
        finally:
            self.last_seconds = time.perf_counter() - started


def product_form(shop: dict, round_number: int) -> dict:
    product = shop["product"]
    return nested_form_data(
        {
            # Each translated field in both languages' columns (products/translation.py).
            "name_zh_hans": f"乌龙 0（第 {round_number} 次保存）",
            "name_en": f"Oolong 0 (saved {round_number})",
            "slug": product["slug"],
            "brand": "",
            "product_type": product["product_type"],
            "primary_category": product["category"],
            "extra_categories": [],
            "summary_zh_hans": "卷曲的茶叶。",
            "summary_en": "Rolled leaves.",
            "description_zh_hans": rich_text("<p>焙火。</p>"),
            "description_en": rich_text("<p>Roasted.</p>"),
            "images": inline_formset([]),
            "variants": inline_formset(
                [
                    {
                        "id": product["variant"],
                        "sku": product["sku"],
                        "barcode": "",
                        "option_1_zh_hans": "规格 0",
                        "option_1_en": "Option 0",
                        "option_2_zh_hans": "",
                        "option_2_en": "",
                        "price": "59.00",
                        "compare_at_price": "",
                        "weight_grams": "500",
                    }
                ],
                initial=1,
            ),
            "attribute_values": inline_formset([]),
            "tips_zh_hans": streamfield([]),
            "tips_en": streamfield([]),
            "tags": "",
            "meta_title_zh_hans": "",
            "meta_title_en": "",
            "meta_description_zh_hans": "",
            "meta_description_en": "",
        }
    )


def shopper_round(client: Client, shop: dict, person: dict, n: int, record) -> None:
    """Browse, add to the cart, check out and place the order."""
    sku = shop["skus"][n % len(shop["skus"])]
    record("home", 200, client.send("GET", "/"))
    record("listing", 200, client.send("GET", "/products/"))
    record("product", 200, client.send("GET", f"/products/{shop['product']['slug']}/"))
    added = client.send("POST", "/cart/add/", {"sku": sku, "quantity": "1"}, accept_json=True)
    record("cart add", 200, added)
    checkout = {
        "address": person["address"],
        "shipping_method": shop["method"],
        "payment_method": "cod",
        "red_packet": "",
        "note": "",
    }
    record("checkout", 302, client.send("POST", "/checkout/", checkout))
    status, body = client.send("GET", "/checkout/review/")
    record("review", 200, (status, body))
    key, reviewed = KEY_RE.search(body), REVIEWED_RE.search(body)
    if key and reviewed:
        form = {"checkout_key": key.group(1), "reviewed": reviewed.group(1)}
        placed = client.send("POST", "/checkout/place/", form)
        record("place", 302, placed)


def staff_round(client: Client, shop: dict, n: int, record) -> None:
    """Open and save the product, then the guide page, as an editor's browser would."""
    product_url = f"/admin/snippets/products/product/edit/{shop['product']['pk']}/"
    record("product edit", 200, client.send("GET", product_url))
    record("product save", 302, client.send("POST", product_url, product_form(shop, n)))
    page_url = f"/admin/pages/{shop['guide']['pk']}/edit/"
    record("page edit", 200, client.send("GET", page_url))
    form = guide_form_data(title=f"Brewing oolong ({n})", slug=shop["guide"]["slug"])
    record("page save", 302, client.send("POST", page_url, form))


def run_clients(port: int, shop: dict, duration: float) -> tuple[dict, list[str], list[str]]:
    """Every person works in a loop until ``duration`` is over. (answers per step, 5xx and
    failures to answer, other unexpected answers)."""
    answers, errors, unexpected, slowest = {}, [], [], {}
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def work(person: dict) -> None:
        client = Client(port, person["session"], shop["csrf"])

        def record(step: str, expected: int, answer) -> None:
            status, body = answer
            with lock:
                answers[step] = answers.get(step, 0) + 1
                slowest[step] = max(slowest.get(step, 0.0), client.last_seconds)
                if not isinstance(status, int) or status >= 500:
                    errors.append(f"{step}: {status} {body[:300]!r}")
                elif status != expected:
                    unexpected.append(f"{step}: {status} (expected {expected})")

        n = 0
        while time.monotonic() < deadline:
            if person["kind"] == "staff":
                staff_round(client, shop, n, record)
            else:
                shopper_round(client, shop, person, n, record)
            n += 1

    threads = [threading.Thread(target=work, args=(person,)) for person in shop["people"]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 120)
    print("slowest answer per step (s):", {k: round(v, 2) for k, v in slowest.items()})
    return answers, errors, unexpected


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sixteen_people_at_once_get_no_server_error(tmp_path):
    database = tmp_path / "shop.sqlite3"
    copy_migrated_database(database)
    env = server_environment(database)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.trust.small_shop",
            str(database),
            str(tmp_path / "shop.json"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    shop = json.loads((tmp_path / "shop.json").read_text())
    assert len(shop["people"]) == SHOPPERS + STAFF == 16
    server = Server(env, tmp_path / "gunicorn.log")
    try:
        server.wait_ready()
        answers, errors, unexpected = run_clients(server.port, shop, DURATION)
    finally:
        server.stop()
    log = (tmp_path / "gunicorn.log").read_text()
    orders = sqlite3.connect(database).execute("SELECT count(*) FROM commerce_order").fetchone()

    print(
        f"16 clients, {DURATION:.0f} s: {sum(answers.values())} answers {answers}; "
        f"{orders[0]} orders; {len(errors)} errors; {len(unexpected)} unexpected"
    )
    assert errors == [], "\n".join(errors[:10])
    assert "database is locked" not in log
    assert unexpected == [], "\n".join(unexpected[:10])
    assert answers.get("product save", 0) > 0 and answers.get("page save", 0) > 0
    assert orders[0] > 0
