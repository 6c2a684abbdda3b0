"""Recording what shoppers do (views, cart, checkout, searches, clicks) without slowing a page.

Any layer records an event with ``event_record(request, kind, **fields)``; nothing is written
to the database on the request. The event goes to a buffer in the cache (local memory in the
embedded default, Redis with ``REDIS_URL``) as one numbered slot: ``incr`` of a sequence,
then ``set`` of the slot. The analytics app drains the buffer in batches
(``manage.py analytics_flush``) and owns the table, the rollups and the reports.

Recording never raises: when the cache is unreachable or the buffer is full the event is
dropped and ``dropped_count()`` goes up by one, and the page is served as if nothing happened.

Left out on purpose: bots (by user agent), staff (anyone who may enter the admin), and
visitors whose browser sends ``DNT: 1`` or ``Sec-GPC: 1``. No address of the connection is
kept; the session key is kept only as a keyed hash, so events of one visit can be grouped
but not tied back to a cookie.

Two hooks let higher layers take part without this module importing them:
``event_buffer_ready`` (called with no arguments when a batch is worth flushing: analytics
queues its flush task) and ``event_province`` (called with the request, returns the
shopper's province code or "").
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import re
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from wagtail import hooks

logger = logging.getLogger(__name__)

BUFFER_READY_HOOK = "event_buffer_ready"
PROVINCE_HOOK = "event_province"

SEQUENCE_KEY = "events:seq"
FLUSHED_KEY = "events:flushed"
SLOT_KEY = "events:slot:{}"
# A slot lives a week in the cache: long enough for any flush schedule, short enough that a
# shop that never flushes does not fill its cache.
SLOT_TIMEOUT = 7 * 24 * 3600
# More than this many unflushed events means the flush is not running: drop instead of
# growing without bound.
MAX_BUFFERED = 200_000
# Ask for a flush every this many events, or this many seconds after the last ask.
FLUSH_EVERY = 200
FLUSH_AFTER_SECONDS = 60

KINDS = (
    "visit",
    "product_view",
    "cart_add",
    "cart_remove",
    "favourite_add",
    "favourite_remove",
    "checkout_start",
    "order_placed",
    "order_paid",
    "search",
    "recommendation_click",
    "banner_click",
)
FIELDS = (
    "product_id",
    "sku",
    "quantity",
    "order_id",
    "amount",
    "query",
    "results",
    "row",
    "position",
    "label",
    "user_id",
    "province",
)
UTM_PARAMETERS = ("utm_source", "utm_medium", "utm_campaign")
VISIT_SESSION_KEY = "visit"

_BOT = re.compile(
    r"bot|crawl|spider|slurp|baiduspider|bingpreview|yandex|sogou|360spider|bytespider|"
    r"petalbot|facebookexternalhit|headless|python-requests|curl/|wget/|httpclient|"
    r"lighthouse|pingdom|uptime|monitor|scrapy|go-http-client|java/|okhttp",
    re.IGNORECASE,
)
_TABLET = re.compile(r"ipad|tablet|kindle|silk|playbook|(android(?!.*mobile))", re.IGNORECASE)
_MOBILE = re.compile(r"mobi|iphone|ipod|android|micromessenger|harmonyos", re.IGNORECASE)

_state = threading.local()
_dropped = {"count": 0}
_dropped_lock = threading.Lock()
_last_ready = {"at": 0.0}


def buffer():
    """The cache the events wait in (the default cache)."""
    return caches["default"]


def dropped_count() -> int:
    """Events this process dropped because the buffer was unreachable or full."""
    return _dropped["count"]


def _drop(reason: str) -> None:
    with _dropped_lock:
        _dropped["count"] += 1
        count = _dropped["count"]
    if count == 1 or count % 1000 == 0:
        logger.warning("event buffer %s: %d events dropped so far", reason, count)


def is_bot(user_agent: str) -> bool:
    """Crawlers, monitors and scripts, by their user agent (an empty one counts as a script)."""
    return not user_agent or bool(_BOT.search(user_agent))


def device_class(user_agent: str) -> str:
    """ "mobile", "tablet" or "desktop" from the user agent."""
    if _TABLET.search(user_agent or ""):
        return "tablet"
    if _MOBILE.search(user_agent or ""):
        return "mobile"
    return "desktop"


def opted_out(request) -> bool:
    """The browser asks not to be tracked (Do Not Track or Global Privacy Control)."""
    return request.headers.get("DNT") == "1" or request.headers.get("Sec-GPC") == "1"


def _is_staff(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def recordable(request) -> bool:
    """Whether events of this request are recorded at all (see the module docstring)."""
    if request is None:
        return True
    cached = getattr(request, "_events_recordable", None)
    if cached is None:
        user_agent = request.headers.get("User-Agent", "")
        cached = not (is_bot(user_agent) or opted_out(request) or _is_staff(request))
        request._events_recordable = cached
    return cached


def session_hash(session_key: str | None) -> str:
    """A keyed hash of the session key: groups a visit's events, reveals no cookie."""
    if not session_key:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, session_key.encode(), hashlib.sha256).hexdigest()[:32]


def _referrer_host(request) -> str:
    """The host of an outside page that linked here ("" for our own pages or none)."""
    referrer = request.headers.get("Referer", "")
    try:
        host = (urlsplit(referrer).hostname or "").lower()
    except ValueError:
        return ""
    return "" if not host or host == request.get_host().split(":")[0].lower() else host[:100]


def visit_source(request) -> dict:
    """Where this visit came from: an outside referrer host and the UTM parameters.

    Read from the request when it carries them (a landing), else from the session, where
    the landing stored them (``VisitMiddleware``).
    """
    landing = {"referrer_host": _referrer_host(request)}
    for name in UTM_PARAMETERS:
        landing[name] = request.GET.get(name, "")[:100]
    if any(landing.values()):
        return landing
    session = getattr(request, "session", None)
    stored = session.get(VISIT_SESSION_KEY) if session is not None else None
    if isinstance(stored, dict):
        return {name: str(stored.get(name, ""))[:100] for name in landing}
    return landing


def _province(request) -> str:
    for resolve in hooks.get_hooks(PROVINCE_HOOK):
        try:
            return resolve(request) or ""
        except Exception:  # a lookup failure must not cost the page
            logger.exception("province lookup for an event failed")
    return ""


def event_payload(request, kind: str, fields: dict) -> dict:
    """The row an event becomes: its fields plus what the request says about the visit."""
    payload = {"kind": kind, "at": timezone.now().isoformat()}
    payload.update({name: fields[name] for name in FIELDS if fields.get(name) is not None})
    if "amount" in payload:
        payload["amount"] = str(payload["amount"])
    if request is not None:
        session = getattr(request, "session", None)
        payload["session"] = session_hash(session.session_key if session is not None else None)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            payload.setdefault("user_id", user.pk)
        payload["device"] = device_class(request.headers.get("User-Agent", ""))
        payload.update(visit_source(request))
        if "province" not in payload:
            payload["province"] = _province(request)
    return payload


def event_record(request, kind: str, **fields) -> bool:
    """Record one event of ``kind`` for ``request`` (``None`` for server-side events such as a
    payment notification; then pass ``user_id``/``province`` yourself). Returns whether it
    was buffered; never raises."""
    try:
        if not recordable(request):
            return False
        return _append(event_payload(request, kind, fields))
    except Exception:  # recording must never break what the shopper is doing
        _drop("unavailable")
        return False


def _append(payload: dict) -> bool:
    cache = buffer()
    try:
        cache.add(SEQUENCE_KEY, 0, timeout=None)
        number = cache.incr(SEQUENCE_KEY)
        if number - (cache.get(FLUSHED_KEY) or 0) > MAX_BUFFERED:
            _drop("full")
            return False
        cache.set(SLOT_KEY.format(number), json.dumps(payload), timeout=SLOT_TIMEOUT)
    except Exception:
        _drop("unavailable")
        return False
    now = time.monotonic()
    if number % FLUSH_EVERY == 0 or now - _last_ready["at"] > FLUSH_AFTER_SECONDS:
        _last_ready["at"] = now
        _buffer_ready()
    return True


def _buffer_ready() -> None:
    for ready in hooks.get_hooks(BUFFER_READY_HOOK):
        try:
            ready()
        except Exception:
            logger.exception("asking for an event flush failed")


# Slots numbered after the last one found may still be being written by the request that
# took the number; a drain leaves this many missing slots at the end for the next drain.
IN_FLIGHT_GRACE = 50


def buffer_take(*, limit: int) -> tuple[list[dict], int]:
    """Up to ``limit`` buffered events in order, and the slot number to ``buffer_commit`` once
    they are stored. Slots a request numbered but never wrote (it failed) are skipped, except
    the last few, which may still be in flight."""
    cache = buffer()
    flushed = cache.get(FLUSHED_KEY) or 0
    last = min(cache.get(SEQUENCE_KEY) or 0, flushed + limit)
    if last <= flushed:
        return [], flushed
    numbers = list(range(flushed + 1, last + 1))
    found = cache.get_many([SLOT_KEY.format(number) for number in numbers])
    events, upto = [], flushed
    for number in numbers:
        raw = found.get(SLOT_KEY.format(number))
        if raw is None:
            if last - number < IN_FLIGHT_GRACE:
                break
            upto = number
            continue
        with contextlib.suppress(ValueError):  # a slot that is not JSON is skipped
            events.append(json.loads(raw))
        upto = number
    return events, upto


def buffer_commit(upto: int) -> None:
    """Forget the slots up to ``upto`` (they are stored)."""
    cache = buffer()
    flushed = cache.get(FLUSHED_KEY) or 0
    cache.delete_many([SLOT_KEY.format(number) for number in range(flushed + 1, upto + 1)])
    cache.set(FLUSHED_KEY, upto, timeout=None)


def buffered_count() -> int:
    """Events waiting in the buffer (0 when it is unreachable)."""
    try:
        cache = buffer()
        return max((cache.get(SEQUENCE_KEY) or 0) - (cache.get(FLUSHED_KEY) or 0), 0)
    except Exception:
        return 0


# Links of recommendation rows and banners carry ``?rec=<row>-<position>`` (1-based), so a
# click is counted on the page it opens, with no redirect in between.
CLICK_PARAMETER = "rec"
CLICK_PARAMETER_VALUE = re.compile(r"^(?P<row>[a-z_]{1,40})-(?P<position>[1-9][0-9]{0,2})$")


def click_query(row: str, position: int) -> str:
    """The query string a row's link carries for its ``position``."""
    return f"{CLICK_PARAMETER}={row}-{position}"


# Pages a landing is counted on: pages a browser asks for as HTML, not the admin or files.
_NOT_A_LANDING = (
    "/admin/",
    "/static/",
    "/media/",
    "/healthz",
    "/payments/",
    "/en/payments/",
    "/search/suggest/",
    "/en/search/suggest/",
)


class VisitMiddleware:
    """Counts a visit when a shopper lands: the first storefront page of a session, or a
    page reached from another site or a campaign link. The landing's referrer host and UTM
    parameters are kept in the session, so later events of the visit carry them, and the
    session exists before the page's own events are recorded (so they share its hash).
    Also counts the click of a recommendation or banner link (``?rec=``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            if self._is_page_view(request):
                self._count(request)
        except Exception:
            _drop("unavailable")
        return self.get_response(request)

    @staticmethod
    def _is_page_view(request) -> bool:
        return (
            request.method == "GET"
            and "text/html" in request.headers.get("Accept", "")
            and not request.headers.get("X-Requested-With")
            and not request.path_info.startswith(_NOT_A_LANDING)
            and hasattr(request, "session")
            and recordable(request)
        )

    def _count(self, request) -> None:
        source = visit_source(request)
        if request.session.get(VISIT_SESSION_KEY) != source:
            request.session[VISIT_SESSION_KEY] = source
            if request.session.session_key is None:
                request.session.save()
            event_record(request, "visit")
        click = CLICK_PARAMETER_VALUE.match(request.GET.get(CLICK_PARAMETER, ""))
        if click:
            row, position = click["row"], int(click["position"])
            kind = "banner_click" if row.startswith("banner") else "recommendation_click"
            event_record(request, kind, row=row, position=position, label=request.path[:120])
