"""The floor of the pages benchmark: the shop's own settings and middleware, one view that
answers "ok" (bench/floor_urls.py). Whatever a page costs above this is the shop's work."""

from config.settings.dev import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
