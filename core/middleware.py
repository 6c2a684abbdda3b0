"""Refuse requests carrying characters no page of the shop can use, before any view runs.

A NUL byte in a search, a slug, a SKU or a form field reached PostgreSQL, which
refuses NUL in text ("A string literal cannot contain NUL (0x00) characters"), and
the shopper got a 500. No person types control characters, so rather than teach
every view, one middleware answers 400 with a short page in the visitor's language
when any of these holds:

* the path, a query-string name or value, a cookie or a header value holds a
  control character (C0, DEL or C1; headers may hold a tab);
* a urlencoded or multipart form field name or value holds one, tab, carriage
  return and line feed excepted (textareas send those);
* a JSON body holds NUL, another control character or a lone surrogate
  (``"\\ud800"``, which no encoder can write back out) in a key or a string.

Bodies that are not valid JSON, and everything else, are left to the views.
"""

import json
import re

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _

# C0 controls, DEL, C1 controls, and lone surrogates (only JSON escapes can make those).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The same, allowing the tab, line feed and carriage return that text areas send.
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Cookie values once unquoted (``"\000"`` unquotes to NUL): C0 controls and DEL.
_CONTROL_IN_COOKIE = re.compile(r"[\x00-\x1f\x7f]")
# Raw header values: C0 controls but the tab, and DEL. Not C1: WSGI hands headers over
# as Latin-1, so UTF-8 text some clients send raw shows up as C1 characters.
_CONTROL_IN_HEADER = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Nesting deeper than this is not data any page of the shop reads.
MAX_JSON_DEPTH = 32


def _any_match(pattern: re.Pattern, items) -> bool:
    """Whether any (name, values) pair of a QueryDict-like ``lists()`` holds a match."""
    return any(
        pattern.search(name) or any(pattern.search(value) for value in values)
        for name, values in items
    )


def _json_is_clean(value, depth: int = 0) -> bool:
    """Whether no key or string of a decoded JSON document holds a control or surrogate."""
    if depth > MAX_JSON_DEPTH:
        return False
    if isinstance(value, str):
        return not _CONTROL_IN_TEXT.search(value)
    if isinstance(value, list):
        return all(_json_is_clean(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(
            _json_is_clean(key, depth + 1) and _json_is_clean(item, depth + 1)
            for key, item in value.items()
        )
    return True


def _keep_raw_body(request) -> None:
    """Read a small multipart body before parsing it, so views may still read
    ``request.body`` (a payment notification checks its signature on the raw bytes).

    Parsing a multipart stream consumes it; Django parses the kept copy instead. Bodies
    larger than DATA_UPLOAD_MAX_MEMORY_SIZE (uploads) are parsed as a stream, as they
    would be without this middleware.
    """
    if request.content_type != "multipart/form-data":
        return
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None or length <= limit:
        request.body  # noqa: B018 - read and kept by Django


def hostile_part(request) -> str | None:
    """Which part of the request holds a refused character ("address", "form" or "data"),
    or None when none does."""
    if _CONTROL.search(request.path_info) or _any_match(_CONTROL, request.GET.lists()):
        return "address"
    cookies = [(name, [value]) for name, value in request.COOKIES.items()]
    headers = [
        value
        for name, value in request.META.items()
        if name.startswith("HTTP_") and isinstance(value, str)
    ]
    if _any_match(_CONTROL_IN_COOKIE, cookies) or any(
        _CONTROL_IN_HEADER.search(value) for value in headers
    ):
        return "address"
    if request.method != "POST":
        return None
    content_type = request.content_type or ""
    if content_type in FORM_TYPES:
        _keep_raw_body(request)
        # Upload file names need no check: Django drops their unprintable characters.
        if _any_match(_CONTROL_IN_TEXT, request.POST.lists()):
            return "form"
    elif content_type == "application/json" or content_type.endswith("+json"):
        try:
            document = json.loads(request.body)
        except (ValueError, RecursionError):
            return None  # not JSON at all: the view answers for that
        if not _json_is_clean(document):
            return "data"
    return None


def refusal(request, part: str) -> HttpResponse:
    """The 400 page in the visitor's language, rendered without context processors: no
    database, no session, as nothing else of this request is to be trusted."""
    with translation.override(translation.get_language_from_request(request)):
        reason = {
            "address": _(
                "The address contains a character that cannot be used, such as an invisible "
                "control character. Please check the link or type it again."
            ),
            "form": _(
                "A field of the form contains a character that cannot be used, such as an "
                "invisible control character. Please go back, check what you entered and "
                "send it again."
            ),
            "data": _("The data sent contains characters that cannot be used."),
        }[part]
        body = loader.get_template("400.html").render({"reason": reason})
    response = HttpResponse(body, status=400)
    response["Cache-Control"] = "no-store"
    return response


class HostileInputMiddleware:
    """Answers 400 for requests holding control characters (see the module docstring).

    Placed before the session middleware: a session cookie holding NUL would
    otherwise reach the database too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        part = hostile_part(request)
        if part is not None:
            return refusal(request, part)
        return self.get_response(request)
