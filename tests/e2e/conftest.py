"""Browser-test plumbing: one headless Debian Chromium for the package, a fresh context per test.

The tests talk to pytest-django's ``live_server``. That fixture needs a transactional
database, which Django empties after each test; the tests therefore ask for serialized
rollback (``django_db(transaction=True, serialized_rollback=True)``) so they start with
the site tree, role groups and workflow the data migrations made, and this file puts
that data back after each module, so tests that run later still find it.
"""

import mimetypes
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
NOT_INSTALLED = "Debian chromium not installed (apt-get install chromium)"
SCREENSHOT_PATH = "/tmp/e2e-{name}.png"
TIMEOUT_MS = 10_000

call_failed_key = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember whether the test body failed, so the page fixture knows to take a screenshot."""
    report = yield
    if report.when == "call":
        item.stash[call_failed_key] = report.failed
    return report


@pytest.fixture(scope="package")
def chromium():
    """Headless Chromium, started once for all browser tests and stopped when they are done.

    Package scope rather than session scope: while Playwright's sync API is started it
    keeps an asyncio event loop running in the main thread, and pytest-django runs the
    tests without a database after the transactional ones; they must not inherit it.

    That running loop is also why DJANGO_ALLOW_ASYNC_UNSAFE is set for exactly as long
    as Playwright runs: the tests, and pytest-django's flush between them, use the ORM
    from the main thread, and Django would otherwise refuse ("SynchronousOnlyOperation")
    because it sees an event loop. Nothing runs concurrently with that code in this
    thread: Playwright's loop only turns while a browser call is waiting.

    The same loop would also hand the main thread new database connections, see
    ``_keep_using``.
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{NOT_INSTALLED}; CI must install it", pytrace=False)
        pytest.skip(NOT_INSTALLED)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as env:
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        thread_connections = {alias: connections[alias] for alias in connections}
        playwright = sync_playwright().start()
        _keep_using(thread_connections)
        try:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
        finally:
            playwright.stop()


def _keep_using(thread_connections) -> None:
    """Make the main thread go on with the database connections it had before Playwright started.

    Django keeps connections per thread, but while an event loop runs in a thread it
    keeps them per asyncio context instead, so after Playwright starts the main thread
    would open second connections. pytest-django's serialized rollback and flush look
    for the test data on the first ones (``_test_serialized_contents``): without
    this, the data would silently not be restored.
    """
    for alias, connection in thread_connections.items():
        connections[alias] = connection


@pytest.fixture(scope="module", autouse=True)
def _restore_migration_data(django_db_blocker):
    """Reload the data the migrations made once a module's tests have run.

    Serialized rollback restores that data before each test, not after: the last
    test leaves the database flushed (even without content types), which would break
    later transactional tests and the next ``--reuse-db`` run, whose serialized copy
    is taken from the database as it finds it.
    """
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents and not ContentType.objects.using(connection.alias).exists():
                connection.creation.deserialize_db_from_string(contents)


def _serve_media(route):
    """Answer a /media/ request from MEDIA_ROOT, as the web server does in production.

    The test settings have DEBUG off, so Django does not serve uploads itself.
    """
    relative = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / relative).resolve()
    if root in path.parents and path.is_file():
        route.fulfill(
            path=path,
            content_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream",
        )
    else:
        route.fulfill(status=404, body="")


@pytest.fixture
def page(chromium, live_server, request):
    """A page in a fresh browser context (no cookies) that speaks English first, like most test
    machines.

    On a failing test a full-page screenshot goes to /tmp/e2e-<test name>.png.
    """
    context = chromium.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.route(re.compile(r"^https?://[^/]+/media/"), _serve_media)
    browser_page = context.new_page()
    yield browser_page
    if request.node.stash.get(call_failed_key, False):
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        browser_page.screenshot(path=SCREENSHOT_PATH.format(name=name), full_page=True)
    context.close()


@pytest.fixture
def console_errors(page):
    """Every console error and uncaught script error of ``page``, as text (failed loads show up
    here too)."""
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors
