"""`make run` (config.settings.dev) is for trying the shop: the shop's own 404, not Django's
debug page, and uploads and renditions still served without a web server in front."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

CHECK = """
import django
django.setup()
from django.conf import settings
from django.test import Client
print("DEBUG", settings.DEBUG)
response = Client(HTTP_HOST="127.0.0.1").get("/media/probe.txt")
print("MEDIA", response.status_code, b"".join(response.streaming_content).decode())
"""


def test_make_run_settings_hide_the_debug_page_and_serve_media(tmp_path):
    (tmp_path / "probe.txt").write_text("served")
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DATABASE_URL", "REDIS_URL", "SERVE_MEDIA"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        MEDIA_ROOT=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=Path(settings.BASE_DIR),
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout
    assert "MEDIA 200 served" in result.stdout
