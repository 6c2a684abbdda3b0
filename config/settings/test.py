"""Test settings: fast hashing, in-memory mail, no throttling surprises between tests."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
AXES_ENABLED = False
MEDIA_ROOT = BASE_DIR / "media-test"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Serve static files straight from the source folders (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Parallel test workers (pytest-xdist) each get a Redis database of their own: every test
# clears the cache, and a shared database would be cleared under another worker's feet.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):  # noqa: F405
    _url = urlsplit(REDIS_URL)  # noqa: F405
    _database = int(_url.path.strip("/") or 0) - int(_worker[2:])
    CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{_database % 16}"))  # noqa: F405
