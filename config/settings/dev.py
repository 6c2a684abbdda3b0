"""Local development: the embedded default (SQLite, in-process tasks, console mail)."""

import os

from .base import *  # noqa: F403
from .base import env_bool

# Off unless asked for (DEBUG=1): the embedded default is for trying the shop, so a missing
# page shows the shop's own 404, not Django's list of URL patterns.
DEBUG = env_bool("DEBUG", False)
# runserver has no web server in front of it to serve uploads and renditions.
SERVE_MEDIA = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-secret-key-not-for-production"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
