"""Fixtures for analytics: a two-product catalogue and a browser-like visitor."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from tests.factories.catalogue import make_category, make_product, make_product_type

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)
PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English; the shop's default language is Chinese."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def products(site_tree):
    """Three live products in one category (``a``, ``b``, ``c``), ten of each in stock."""
    category = make_category("Tea", "tea")
    kind = make_product_type("Tea")
    made = [
        make_product(category=category, product_type=kind, name=name, prices=[price])
        for name, price in (("Green tea", "30.00"), ("Black tea", "50.00"), ("Oolong", "80.00"))
    ]
    return SimpleNamespace(a=made[0], b=made[1], c=made[2], category=category, kind=kind)


@pytest.fixture
def browser(client):
    """The test client sending what a desktop browser sends: its user agent, and Accept."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    client.defaults["HTTP_ACCEPT"] = "text/html,application/xhtml+xml,*/*;q=0.8"
    return client
