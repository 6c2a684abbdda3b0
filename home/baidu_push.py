"""Baidu's link submission (F-36): new and changed storefront addresses, in both languages, are
pushed to Baidu's "普通收录" API so they are crawled without waiting for the sitemap.

Off until ``BAIDU_PUSH_TOKEN`` is set. "New and changed" means pages and products published
since the last successful push; that moment and the daily quota Baidu last reported are kept
in a small JSON file (``BAIDU_PUSH_STATE_FILE``), not in the cache (the embedded default's
cache lives in one process and is gone when the command exits, and an evicted key would push
the whole shop again) nor in a model (two values do not need a table and a migration).

Every address is built from ``BAIDU_PUSH_SITE`` (default ``WAGTAILADMIN_BASE_URL``, the address
e-mails link to): Baidu refuses addresses of any other host than the site it verified.
"""

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.client import HTTPException
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Page, Site

from core.languages import language_codes
from products.models import Product

# Baidu takes at most 2,000 addresses a request.
BATCH_SIZE = 2000
# Before Baidu has told us the quota, a first request stays within the smallest one it gives.
FIRST_BATCH = 10
ONE_MICROSECOND = timedelta(microseconds=1)


class BaiduPushError(Exception):
    """Baidu could not be reached or refused the push; nothing is marked as pushed."""

    def __init__(self, message: str, *, over_quota: bool = False):
        super().__init__(message)
        self.over_quota = over_quota


@dataclass(frozen=True)
class PushAnswer:
    """What Baidu says about one request: how many it took, how many more it takes today,
    and the addresses it refused."""

    success: int
    remain: int
    not_same_site: list
    not_valid: list


@dataclass
class PushReport:
    pushed: int = 0
    waiting: int = 0
    remain: int | None = None
    refused: tuple = ()


def baidu_push_enabled() -> bool:
    return bool(settings.BAIDU_PUSH_TOKEN)


def changed_addresses(since: datetime | None) -> list[tuple[datetime, str]]:
    """(publish time, absolute address) of every live page and product published after
    ``since`` (all of them without a ``since``), in each language, oldest first."""
    base = settings.BAIDU_PUSH_SITE.rstrip("/")
    items = [*_changed_pages(since), *_changed_products(since)]
    items.sort(key=lambda item: (item[0], item[1]))
    found = []
    for published, location in items:
        for language in language_codes():
            with translation.override(language):
                path = location()
            if path:
                found.append((published, f"{base}{path}"))
    return found


def _changed_pages(since):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live().public()
    if since is not None:
        pages = pages.filter(last_published_at__gt=since)
    return [
        (page.last_published_at, lambda page=page: _page_path(page))
        for page in pages.specific().exclude(last_published_at=None)
    ]


def _page_path(page) -> str:
    parts = page.get_url_parts()
    return parts[2] if parts else ""


def _changed_products(since):
    products = Product.objects.live().exclude(last_published_at=None)
    if since is not None:
        products = products.filter(last_published_at__gt=since)
    return [
        (product.last_published_at, product.get_absolute_url)
        for product in products.only("slug", "last_published_at")
    ]


def waiting_addresses() -> list[tuple[datetime, str]]:
    """What the next push would send (before the quota), oldest first."""
    return changed_addresses(_parse_time(load_state().get("pushed_until")))


def baidu_push_urls(urls: list[str]) -> PushAnswer:
    """POST ``urls`` (one per line) to Baidu's link submission API and read its answer."""
    base = urlsplit(settings.BAIDU_PUSH_SITE)
    # Baidu names an http site by its host and an https site by its full origin.
    site = base.netloc if base.scheme == "http" else f"{base.scheme}://{base.netloc}"
    query = urlencode({"site": site, "token": settings.BAIDU_PUSH_TOKEN})
    request = Request(
        f"{settings.BAIDU_PUSH_ENDPOINT}?{query}",
        data="\n".join(urls).encode(),
        headers={"Content-Type": "text/plain"},
        method="POST",
    )
    try:
        with urlopen(request, timeout=settings.BAIDU_PUSH_TIMEOUT_SECONDS) as response:
            answer = _json(response.read())
    except HTTPError as error:
        answer = _json(error.read())
        message = answer.get("message") or error.reason
        raise BaiduPushError(
            f"Baidu refused the push (HTTP {error.code}): {message}",
            over_quota=message == "over quota",
        ) from error
    except (URLError, TimeoutError, ConnectionError, HTTPException) as error:
        reason = getattr(error, "reason", error)
        raise BaiduPushError(
            f"Baidu's link submission did not answer ({settings.BAIDU_PUSH_ENDPOINT}): {reason}"
        ) from error
    if "error" in answer or "success" not in answer:
        raise BaiduPushError(f"Baidu refused the push: {answer.get('message') or answer}")
    return PushAnswer(
        success=int(answer["success"]),
        remain=int(answer.get("remain", 0)),
        not_same_site=list(answer.get("not_same_site", [])),
        not_valid=list(answer.get("not_valid", [])),
    )


def _json(body: bytes) -> dict:
    try:
        answer = json.loads(body.decode("utf-8", "replace") or "{}")
    except ValueError:
        return {"message": body[:200].decode("utf-8", "replace")}
    return answer if isinstance(answer, dict) else {"message": str(answer)}


def baidu_push_changes(*, now: datetime | None = None) -> PushReport:
    """Push what was published since the last successful push, within today's quota.

    Addresses go oldest first, so when the quota runs out the remembered moment stops just
    before the first address left out, and the next run (tomorrow's quota) starts there. A
    failed request remembers nothing: the same addresses are pushed next time.
    """
    now = now or timezone.now()
    state = load_state()
    since = _parse_time(state.get("pushed_until"))
    addresses = changed_addresses(since)
    today = timezone.localdate(now).isoformat()
    budget = state["remain"] if state.get("quota_day") == today else state.get("daily_quota")
    budget = FIRST_BATCH if budget is None else budget
    report = PushReport(remain=budget if state.get("quota_day") == today else None)
    refused = []
    sent = 0
    while sent < len(addresses) and budget > 0:
        batch = addresses[sent : sent + min(budget, BATCH_SIZE)]
        try:
            answer = baidu_push_urls([url for _published, url in batch])
        except BaiduPushError as error:
            if not error.over_quota:
                raise
            state.update(quota_day=today, remain=0, daily_quota=max(1, len(batch) // 2))
            save_state(state)
            report.remain = 0
            break
        if state.get("quota_day") != today:
            state["daily_quota"] = answer.success + answer.remain
        state.update(quota_day=today, remain=answer.remain)
        sent += len(batch)
        budget = answer.remain
        refused += answer.not_same_site + answer.not_valid
        state["pushed_until"] = (
            now.isoformat() if sent == len(addresses) else _before(addresses[sent][0])
        )
        save_state(state)
        report.pushed += answer.success
        report.remain = answer.remain
    if not addresses:
        state["pushed_until"] = now.isoformat()
        save_state(state)
    report.waiting = len(addresses) - sent
    report.refused = tuple(refused)
    return report


def _before(moment: datetime) -> str:
    return (moment - ONE_MICROSECOND).isoformat()


def _parse_time(value):
    return datetime.fromisoformat(value) if value else None


def load_state() -> dict:
    """The last push's moment and quota; empty before the first push (or if the file is
    unreadable, which pushes everything again rather than nothing)."""
    try:
        state = json.loads(Path(settings.BAIDU_PUSH_STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def save_state(state: dict) -> None:
    """Written to a temporary file and renamed, so a crash never leaves half a file."""
    path = Path(settings.BAIDU_PUSH_STATE_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as file:
        json.dump(state, file)
    os.replace(file.name, path)
