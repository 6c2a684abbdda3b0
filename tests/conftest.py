"""Fixtures every test package shares.

The site tree (home page with its brands, guides and help sections) and the staff
role groups are created by data migrations, so they already exist in every test
database; fixtures here look them up instead of building them.
"""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import connection
from django.dispatch import receiver
from django.urls import clear_url_caches
from django.utils import translation

from guides.models import GuideIndexPage
from help_center.models import HelpCenterPage
from home.models import HomePage
from products.models import BrandIndexPage

from .factories import UserFactory

ROLES = [
    "Editors",
    "Merchandisers",
    "Designers",
    "Customer service",
    "Finance",
    "Logistics",
    "Managers",
]


@receiver(setting_changed)
def _addresses_follow_the_default_language(*, setting, **kwargs):
    """Tests that make English the default language (``settings.LANGUAGE_CODE = "en"``) move
    the unprefixed addresses to English and Chinese under ``/zh-hans/``; addresses reversed
    under the other default (cached per language by Django's resolver) must be forgotten."""
    if setting == "LANGUAGE_CODE":
        clear_url_caches()


def pytest_runtest_setup(item):
    """Skip tests marked ``postgres`` unless the test database is PostgreSQL."""
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    """Uploaded files go to a temporary folder; no cached value leaks between tests.

    The cache may be a shared Redis (REDIS_URL in CI), where Wagtail's cached site
    root paths would otherwise survive from one test, or run, to the next.
    """
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_between_tests():
    """Every test starts in the default language (whatever the test's settings make it): a
    request leaves its language active in the thread, and ``reverse()`` would otherwise give the
    next test that language's address."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def site_tree(db):
    """The migration-made home page and its three sections, as ``home``, ``brands``, ``guides``,
    ``help``."""
    home = HomePage.objects.get(slug="home")
    return SimpleNamespace(
        home=home,
        brands=BrandIndexPage.objects.child_of(home).get(),
        guides=GuideIndexPage.objects.child_of(home).get(),
        help=HelpCenterPage.objects.child_of(home).get(),
    )


@pytest.fixture
def staff_user(db):
    """Make a user in the named role group: ``staff_user("Editors")``; ``None`` for no group."""

    def make(role: str | None, **kwargs):
        if role is not None and role not in ROLES:
            raise ValueError(f"unknown role {role!r}; roles are {ROLES}")
        return UserFactory(groups=[role] if role else [], **kwargs)

    return make
