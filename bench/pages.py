"""Storefront pages under load, side by side with a bare Django view in the same run.

Starts gunicorn twice on free ports — the shop, and the floor (``bench/floor_settings.py``:
the shop's settings and middleware with one view answering "ok") — then runs wrk on each
page in turn and prints requests per second, p50 and p99 latency, non-2xx answers and the
ratio to the floor. With ``--single`` it also times one connection (p50 of a lone visitor).

The shop is benchmarked on whatever ``DATABASE_URL`` and ``REDIS_URL`` say (SQLite and
local memory when unset), with its demo data (``make demo``; the script refuses an empty
catalogue). Nothing here is a test: the numbers are to compare changes and configurations.

    .venv/bin/python bench/pages.py                         # the embedded default
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/shop REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/pages.py --single
    .venv/bin/python bench/pages.py --pages home,product --duration 10

Needs Debian's ``wrk``.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SEARCH_WORD = "耳机"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn on a free port with the given settings module, DEBUG off, stopped on exit."""

    def __init__(self, settings: str, *, workers: int, threads: int):
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115 — open while gunicorn runs
            prefix="pages-bench-gunicorn-", suffix=".log", delete=False
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
            "DJANGO_SETTINGS_MODULE": settings,
            "DEBUG": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=self.log, start_new_session=True
        )

    def get(self, path: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", path, headers={"Accept-Language": "zh-CN"})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; its log: {self.log.name}")
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer within {timeout:.0f} s; log: {self.log.name}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def first_link(html: str, prefix: str) -> str | None:
    """The first link below ``prefix`` (e.g. a product page from the listing)."""
    match = re.search(rf'href="({re.escape(prefix)}[^"?#]+/)"', html)
    return match.group(1) if match else None


def page_paths(shop: Server) -> dict[str, str]:
    """Every page to load, found by following the demo shop's own links."""
    _status, listing = shop.get("/products/")
    _status, brands = shop.get("/brands/")
    _status, guides = shop.get("/guides/")
    _status, help_center = shop.get("/help/")
    product = first_link(listing, "/products/")
    if product is None:
        raise SystemExit("The catalogue is empty: load the demo shop first (make demo).")
    paths = {
        "home": "/",
        "listing": "/products/",
        "product": product,
        "brand": first_link(brands, "/brands/"),
        "guide": first_link(guides, "/guides/"),
        "help": first_link(help_center, "/help/"),
        "search": f"/search/?q={quote(SEARCH_WORD)}",
        "suggest": f"/search/suggest/?q={quote(SEARCH_WORD[0])}",
    }
    return {name: path for name, path in paths.items() if path}


@dataclass
class Result:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    errors: int


UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNIT_MS[unit]


def run_wrk(url: str, *, connections: int, threads: int, duration: int) -> Result:
    output = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-H",
            "Accept-Language: zh-CN",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Result(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(re.search(r"\s50%\s+(\S+)", output).group(1)),
        p99_ms=_ms(re.search(r"\s99%\s+(\S+)", output).group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds per page (20)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    parser.add_argument("--pages", default="", help="comma-separated subset, e.g. home,product")
    parser.add_argument(
        "--single", action="store_true", help="also time one connection (a lone visitor's p50)"
    )
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk).")

    shop = Server("config.settings.dev", workers=options.workers, threads=1)
    floor = Server("bench.floor_settings", workers=options.workers, threads=1)
    try:
        shop.wait_ready()
        floor.wait_ready()
        paths = page_paths(shop)
        if options.pages:
            wanted = options.pages.split(",")
            paths = {name: path for name, path in paths.items() if name in wanted}
        for path in paths.values():  # warm: renditions, caches, compiled templates
            for _ in range(3):
                shop.get(path)
        database = os.environ.get("DATABASE_URL", "sqlite (db.sqlite3)").split("@")[-1]
        cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
        print(f"database {database}, cache {cache}; gunicorn -w {options.workers} (sync)")
        print(f"wrk -t{options.threads} -c{options.connections} -d{options.duration}s")
        print(f"load average before: {load_average()}")

        def measure(server: Server, path: str, connections: int) -> Result:
            return run_wrk(
                f"http://127.0.0.1:{server.port}{path}",
                connections=connections,
                threads=min(options.threads, connections),
                duration=options.duration,
            )

        floor_result = measure(floor, "/", options.connections)
        header = f"{'page':<9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'× floor':>9}"
        if options.single:
            header += f"{'1-conn p50':>12}"
        print(header)
        print(
            f"{'floor':<9}{floor_result.requests_per_second:>9.1f}{floor_result.p50_ms:>9.1f}"
            f"{floor_result.p99_ms:>9.1f}{floor_result.non_2xx:>9}{1:>9.2f}"
        )
        for name, path in paths.items():
            result = measure(shop, path, options.connections)
            line = (
                f"{name:<9}{result.requests_per_second:>9.1f}{result.p50_ms:>9.1f}"
                f"{result.p99_ms:>9.1f}{result.non_2xx + result.errors:>9}"
                f"{result.requests_per_second / floor_result.requests_per_second:>9.2f}"
            )
            if options.single:
                line += f"{measure(shop, path, 1).p50_ms:>12.1f}"
            print(line, flush=True)
        print(f"load average after: {load_average()}")
    finally:
        shop.stop()
        floor.stop()


if __name__ == "__main__":
    main()
