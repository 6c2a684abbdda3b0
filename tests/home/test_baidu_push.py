"""Baidu link submission (F-36): ``manage.py baidu_push`` against a Baidu stand-in served over
real HTTP from a thread (same request and answers as data.zz.baidu.com/urls)."""

import json
import socket
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from home.baidu_push import baidu_push_changes, load_state, waiting_addresses
from tests.factories import GuidePageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db

TOKEN = "s3cret-token"


class FakeBaidu:
    """Answers as Baidu does: ``{"success", "remain"}``, or ``{"error", "message"}`` with an
    HTTP error; ``mode`` "silent" accepts the connection and never answers."""

    def __init__(self, quota: int = 100):
        self.quota = quota
        self.used = 0
        self.requests = []
        self.mode = "ok"
        self.not_same_site = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                fake.requests.append(
                    {
                        "path": urlsplit(self.path).path,
                        "query": parse_qs(urlsplit(self.path).query),
                        "content_type": self.headers["Content-Type"],
                        "urls": body.split("\n"),
                    }
                )
                if fake.mode == "silent":
                    time.sleep(3)
                    return
                if fake.mode == "bad_token":
                    return self.answer(401, {"error": 401, "message": "token is not valid"})
                urls = body.split("\n")
                if len(urls) > fake.quota - fake.used:
                    return self.answer(400, {"error": 400, "message": "over quota"})
                fake.used += len(urls)
                answer = {"success": len(urls), "remain": fake.quota - fake.used}
                if fake.not_same_site:
                    answer["not_same_site"] = fake.not_same_site
                return self.answer(200, answer)

            def answer(self, status, data):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/urls"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def pushed(self) -> list[str]:
        return [url for request in self.requests for url in request["urls"]]


@pytest.fixture
def baidu(settings, tmp_path):
    fake = FakeBaidu()
    fake.thread.start()
    settings.BAIDU_PUSH_TOKEN = TOKEN
    settings.BAIDU_PUSH_ENDPOINT = fake.url
    settings.BAIDU_PUSH_SITE = "https://shop.example"
    settings.BAIDU_PUSH_STATE_FILE = str(tmp_path / "baidu.json")
    settings.BAIDU_PUSH_TIMEOUT_SECONDS = 0.5
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def tea(site_tree):
    return make_product(
        name="Tea", category=make_category("Tea", "tea"), product_type=make_product_type()
    )


def push() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("baidu_push", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_without_a_token_nothing_is_sent(settings, tmp_path, tea):
    settings.BAIDU_PUSH_TOKEN = ""
    settings.BAIDU_PUSH_ENDPOINT = "http://127.0.0.1:9/urls"  # would fail if it were called
    settings.BAIDU_PUSH_STATE_FILE = str(tmp_path / "baidu.json")

    out, _err = push()

    assert "off" in out
    assert not (tmp_path / "baidu.json").exists()


def test_the_first_push_sends_every_page_and_product_in_both_languages(baidu, tea):
    guide = GuidePageFactory(slug="brewing")

    out, err = push()

    request = baidu.requests[0]
    assert request["path"] == "/urls"
    assert request["query"] == {"site": ["https://shop.example"], "token": [TOKEN]}
    assert request["content_type"] == "text/plain"
    pushed = baidu.pushed
    assert len(pushed) == len(set(pushed))
    for path in (f"/products/{tea.slug}/", f"/guides/{guide.slug}/"):
        assert f"https://shop.example{path}" in pushed
        assert f"https://shop.example/en{path}" in pushed
    assert all(url.startswith("https://shop.example/") for url in pushed)
    assert f"Pushed {len(pushed)} address(es) to Baidu; {100 - len(pushed)} left today." in out
    assert err == ""


def test_the_next_push_sends_only_what_was_published_since(baidu, tea):
    push()
    baidu.requests.clear()
    tea.save_revision().publish()

    push()

    assert baidu.pushed == [
        f"https://shop.example/products/{tea.slug}/",
        f"https://shop.example/en/products/{tea.slug}/",
    ]


def test_nothing_new_sends_nothing(baidu, tea):
    push()
    baidu.requests.clear()

    out, _err = push()

    assert baidu.requests == []
    assert "Pushed 0 address(es)" in out


def test_the_daily_quota_holds_back_the_rest_until_tomorrow(baidu, tea):
    baidu.quota = len(waiting_addresses()) + 4  # four left after the first push
    baidu_push_changes()
    category, product_type = tea.primary_category, tea.product_type
    new = [make_product(category=category, product_type=product_type) for _ in range(3)]
    baidu.requests.clear()

    today = baidu_push_changes()

    new_addresses = [
        f"https://shop.example{prefix}/products/{product.slug}/"
        for product in new
        for prefix in ("", "/en")
    ]
    assert (today.pushed, today.remain, today.waiting) == (4, 0, 2)
    assert baidu.pushed == new_addresses[:4]
    baidu.used, baidu.requests = 0, []  # Baidu's quota starts again the next day

    tomorrow = baidu_push_changes(now=timezone.now() + timedelta(days=1))

    assert (tomorrow.pushed, tomorrow.waiting) == (2, 0)
    assert baidu.pushed == new_addresses[4:]


def test_a_used_up_quota_sends_nothing_the_same_day(baidu, tea):
    baidu.quota = 2
    now = timezone.now()
    baidu_push_changes(now=now)
    baidu.requests.clear()
    tea.save_revision().publish()

    report = baidu_push_changes(now=now + timedelta(minutes=5))

    assert baidu.requests == []
    assert report.pushed == 0 and report.waiting > 0


def test_a_quota_cut_overnight_stops_the_day_and_the_next_day_asks_for_less(baidu, tea):
    baidu_push_changes()  # Baidu said its quota: 100 a day
    category, product_type = tea.primary_category, tea.product_type
    for _ in range(6):
        make_product(category=category, product_type=product_type)
    baidu.quota, baidu.used, baidu.requests = 8, 0, []
    tomorrow = timezone.now() + timedelta(days=1)

    refused = baidu_push_changes(now=tomorrow)  # asks for 12 at once: "over quota"

    assert (refused.pushed, refused.remain, refused.waiting) == (0, 0, 12)
    assert baidu_push_changes(now=tomorrow).pushed == 0  # nothing more asked that day
    baidu.used, baidu.requests = 0, []

    next_day = baidu_push_changes(now=tomorrow + timedelta(days=1))

    assert [len(request["urls"]) for request in baidu.requests] == [6, 2]
    assert (next_day.pushed, next_day.remain, next_day.waiting) == (8, 0, 4)


def test_a_refused_token_fails_clearly_and_remembers_nothing(baidu, tea):
    baidu.mode = "bad_token"

    with pytest.raises(CommandError, match=r"HTTP 401\): token is not valid"):
        push()

    assert load_state() == {}
    baidu.mode = "ok"
    baidu.requests.clear()
    push()
    assert f"https://shop.example/products/{tea.slug}/" in baidu.pushed


def test_an_endpoint_that_never_answers_times_out_quickly(baidu, tea):
    baidu.mode = "silent"
    started = time.monotonic()

    with pytest.raises(CommandError, match="did not answer"):
        push()

    assert time.monotonic() - started < 2.5
    assert load_state() == {}


def test_an_absent_endpoint_fails_at_once(baidu, settings, tea):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    settings.BAIDU_PUSH_ENDPOINT = f"http://127.0.0.1:{free_port}/urls"

    with pytest.raises(CommandError, match="did not answer"):
        push()


def test_addresses_baidu_refuses_are_reported(baidu, tea):
    baidu.not_same_site = ["https://other.example/x/"]

    _out, err = push()

    assert "Baidu refused https://other.example/x/" in err


def test_an_http_site_is_named_by_its_host(baidu, settings, tea):
    settings.BAIDU_PUSH_SITE = "http://shop.example/"

    push()

    assert baidu.requests[0]["query"]["site"] == ["shop.example"]
    assert all(url.startswith("http://shop.example/") for url in baidu.pushed)


def test_a_dry_run_lists_the_addresses_and_sends_nothing(baidu, tea):
    out = StringIO()
    call_command("baidu_push", "--dry-run", stdout=out)

    assert f"https://shop.example/en/products/{tea.slug}/" in out.getvalue()
    assert baidu.requests == []
    assert load_state() == {}
