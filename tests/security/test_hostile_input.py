"""No input makes the storefront answer 5xx.

Every URL pattern outside the admin is requested with a fixed list of hostile values
(NUL and other control characters, lone surrogates in JSON, 10 kB strings, digits
that are not ASCII, numbers too big for any column, repeated parameters), in the
path converters (next to real slugs and ids), in the query string and in POSTed
forms and JSON bodies, as an anonymous visitor and as a signed-in shopper.

What holds control characters is refused by core.middleware.HostileInputMiddleware
with a 400 page; everything else reaches the views, which must answer 2xx-4xx.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from tests.factories import DocumentFactory, UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import (
    make_address,
    make_red_packet_type,
    make_shipping_method,
    place_order,
)

pytestmark = pytest.mark.django_db

NUL = "ab\x00cd"
# Refused by the middleware whatever the endpoint (tests/security/test_middleware.py tries
# every kind of control character; one of each family is enough here).
CONTROL = [NUL, "\x1b[2J", "\x85"]
# Reach the views.
TEXT = [
    "x" * 10_000,
    "²",
    "١٢",
    "１２",
    " +3",
    "1_0",
    "1e3",
    "-1",
    "9" * 40,
    "<script>alert(1)</script>",
    "'\"%;--",
    "../../etc/passwd",
    "😀𝕏\u202e",
]
HOSTILE = CONTROL + TEXT
# Values a path segment can carry (a "/" would change which pattern matches).
HOSTILE_SEGMENTS = [value for value in HOSTILE if "/" not in value]
JSON_BODIES = [
    '{"q": "\\ud800"}',
    '{"sku": "\\u0000", "quantity": 1}',
    '["\\udfff"]',
    '{"\\u0000": 1}',
    '{"sku": "x", "quantity": "²"}',
    "[" * 200 + "]" * 200,
    "not json",
]
# Every field and query-string name the storefront's views read.
PARAMETERS = [
    "q",
    "page",
    "p",
    "sort",
    "category",
    "brand",
    "price_min",
    "price_max",
    "storage",
    "tag",
    "sku",
    "quantity",
    "next",
    "checkout_key",
    "token",
    "province",
    "address",
    "shipping_method",
    "payment_method",
    "red_packet",
    "note",
    "reason",
    "confirm",
    "email",
    "mobile",
    "username",
    "password",
    "password1",
    "password2",
    "old_password",
    "new_password1",
    "new_password2",
    "first_name",
    "recipient",
    "city",
    "district",
    "street",
    "postcode",
    "make_default",
    "language",
    "amount",
    "trade_no",
    "out_trade_no",
    "trade_status",
    "sign",
    "result",
]
SKIPPED_PREFIXES = ("admin/",)
_CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def storefront_routes() -> list[tuple[str, str]]:
    """(name, route) of every URL pattern outside the admin."""
    routes = []
    for route, pattern in _walk(get_resolver().url_patterns):
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern.pattern, RegexPattern) and pattern.name != "wagtail_serve":
            route = REGEX_EXAMPLES.get(pattern.name, route)
        routes.append((pattern.name or route, route))
    return routes


# Patterns written as regular expressions, spelled as routes with the same parameters.
REGEX_EXAMPLES = {"wagtaildocs_serve": "documents/<int:document_id>/<str:document_filename>"}


def _params(route: str) -> list[tuple[str, str]]:
    return [(m["kind"] or "str", m["name"]) for m in _CONVERTER.finditer(route)]


def concrete_paths(route: str, real: dict[str, str]) -> tuple[str, list[str]]:
    """The route with real values, and with each hostile value in each parameter."""
    if route.startswith("^"):  # Wagtail's page catch-all
        return "/guides/", ["/", *(f"/guides/{value}/" for value in HOSTILE_SEGMENTS)]

    def fill(values: dict[str, str]) -> str:
        return "/" + _CONVERTER.sub(lambda m: values[m["name"]], route)

    params = _params(route)
    real_values = {name: real.get(name, "1") for _, name in params}
    hostile_paths = []
    for kind, name in params:
        hostile = ["0", "9" * 40] if kind == "int" else HOSTILE_SEGMENTS
        hostile_paths += [fill({**real_values, name: value}) for value in hostile]
    return fill(real_values), hostile_paths


@pytest.fixture
def shop(site_tree):
    """A live product with stock, a delivery method, a shopper with an address and an order."""
    category = make_category("Tea", "tea")
    product = make_product(
        name="Oolong", category=category, product_type=make_product_type(), prices=["59.00"]
    )
    variant = product.variants.get()
    method = make_shipping_method()
    shopper = UserFactory(username="shopper", mobile="13800138001")
    address = make_address(shopper)
    order = place_order(user=shopper, quantities={variant.sku: 1}, method=method)
    packet_type = make_red_packet_type()
    document = DocumentFactory()
    real = {
        "slug": product.slug,
        "sku": variant.sku,
        "pk": str(address.pk),
        "product_id": str(product.pk),
        "type_id": str(packet_type.pk),
        "number": order.number,
        "code": "demo",
        "section": "products",
        "uidb64": "MQ",
        "document_id": str(document.pk),
        "document_filename": "price-list.txt",
    }
    return real, shopper


def requests_for(path: str, hostile_paths: list[str]):
    """(method, path, data, content_type) of every request sent for one URL pattern: the real
    path with every hostile query string, form and JSON body, then each hostile path."""
    yield "get", path, {}, None
    yield "get", path, {name: ["a", "b"] for name in PARAMETERS}, None
    yield "post", path, {name: ["a", "b"] for name in PARAMETERS}, None
    for value in HOSTILE:
        yield "get", path, dict.fromkeys(PARAMETERS, value), None
        yield "post", path, dict.fromkeys(PARAMETERS, value), None
    for body in JSON_BODIES:
        yield "post", path, body, "application/json"
    for hostile_path in hostile_paths:
        yield "get", hostile_path, {}, None
        yield "post", hostile_path, {}, None


def send(client: Client, method: str, path: str, data, content_type):
    if content_type:
        return getattr(client, method)(path, data, content_type=content_type)
    return getattr(client, method)(path, data)


def failures_of(client: Client, requests, *, relogin=None) -> list[str]:
    """Every request of ``requests`` that answered 5xx (or raised), described in one line."""
    problems = []
    for method, url, data, content_type in requests:
        try:
            status = send(client, method, url, data, content_type).status_code
        except Exception as error:  # the view raised: what a visitor sees as a 500
            status = f"{type(error).__name__}: {str(error)[:120]}"
        if not isinstance(status, int) or status >= 500:
            shown = repr(data)[:60] if data else ""
            problems.append(f"{method.upper()} {url[:80]!r} {shown} -> {status}")
        if relogin:
            relogin()
    return problems


def _cases():
    return [pytest.param(name, route, id=name) for name, route in storefront_routes()]


@pytest.mark.parametrize(("name", "route"), _cases())
def test_no_hostile_value_makes_a_storefront_url_answer_5xx(shop, name, route):
    real, shopper = shop
    path, hostile_paths = concrete_paths(route, real)
    visitor = Client()
    signed_in = Client()
    signed_in.force_login(shopper)
    # Signing out ends the session the next requests need.
    relogin = (lambda: signed_in.force_login(shopper)) if name == "logout" else None

    problems = failures_of(visitor, requests_for(path, hostile_paths))
    problems += failures_of(signed_in, requests_for(path, hostile_paths), relogin=relogin)

    assert problems == [], "\n".join(problems[:20])


def test_the_walk_covers_the_storefront():
    names = {name for name, _ in storefront_routes()}

    for expected in ["search", "product_list", "product_detail", "cart_add", "checkout_place"]:
        assert expected in names
    assert not any(route.startswith("admin/") for _, route in storefront_routes())
