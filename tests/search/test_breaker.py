"""A hung Elasticsearch costs one short wait, then the breaker skips it until its cooldown is over.

The cluster here is a real local TCP server that accepts connections and never answers
(a socket in a thread), so every timeout is real; the number of connections it
accepted tells how often the shop tried it.
"""

import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

from products.listing import ListingFilters
from search.elasticsearch import breaker
from search.elasticsearch import client as es_client
from search.elasticsearch.matching import search_facet_counts, search_product_ids
from search.matching import match_guides

ROOT = Path(__file__).resolve().parents[2]
# What a search may take on top of the same search without Elasticsearch: one request timeout
# (settings.ELASTICSEARCH_TIMEOUT_SECONDS, 1 s) and some slack for a busy machine.
MAX_EXTRA_SECONDS = 2.0


def elasticsearch_backends(url: str, database: dict) -> dict:
    """WAGTAILSEARCH_BACKENDS as config.settings.base builds them with ELASTICSEARCH_URL set."""
    return {
        "default": {
            "BACKEND": "search.elasticsearch.backend",
            "URLS": [url],
            "INDEX": "wagtail",
            "TIMEOUT": 1.0,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            "INDEX_SETTINGS": {},
        },
        "database": database,
    }


@pytest.fixture
def hung_cluster(settings):
    """Elasticsearch switched on, at a server that accepts connections and never says a word."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            accepted.append(connection)  # held open, never read from nor written to

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    database = settings.WAGTAILSEARCH_BACKENDS["default"]
    es_client._client_for.cache_clear()
    settings.ELASTICSEARCH_URL = url
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backends(url, database)

    def connections() -> int:
        time.sleep(0.2)  # let the thread accept what is waiting in the backlog
        return len(accepted)

    yield SimpleNamespace(url=url, connections=connections)
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()
    es_client._client_for.cache_clear()


def timed_search(client, query: str):
    started = time.monotonic()
    response = client.get(reverse("search"), {"q": query})
    return response, time.monotonic() - started


def product_names(response) -> list[str]:
    return [product.name for product in response.context["products"].object_list]


@pytest.fixture
def searched_without_elasticsearch(client, shop):
    """The time the results page takes for 蓝牙耳机 from the database alone, and its products."""
    timed_search(client, "蓝牙耳机")  # warm caches
    response, seconds = timed_search(client, "蓝牙耳机")
    return SimpleNamespace(seconds=seconds, names=product_names(response))


@pytest.mark.django_db
def test_a_hung_cluster_costs_one_short_wait_then_is_skipped_until_the_cooldown_is_over(
    client, searched_without_elasticsearch, hung_cluster, monkeypatch, caplog
):
    baseline = searched_without_elasticsearch

    with caplog.at_level(logging.INFO, logger="search.elasticsearch.breaker"):
        first, seconds = timed_search(client, "蓝牙耳机")

    assert first.status_code == 200 and product_names(first) == baseline.names
    assert seconds < baseline.seconds + MAX_EXTRA_SECONDS
    assert hung_cluster.connections() == 1  # one request, not retried; the guides skipped it
    warnings = [
        record
        for record in caplog.records
        if record.levelno == logging.WARNING and record.name.startswith("search")
    ]
    assert len(warnings) == 1
    assert "Elasticsearch product search failed; using the database backend" in warnings[0].message
    assert "skipped for the next 30 seconds" in warnings[0].message

    second, _seconds = timed_search(client, "蓝牙耳机")

    assert product_names(second) == baseline.names
    assert hung_cluster.connections() == 1  # the breaker is open: not even a connection

    later = time.time() + 31
    monkeypatch.setattr(breaker, "_now", lambda: later)
    third, seconds = timed_search(client, "蓝牙耳机")

    assert product_names(third) == baseline.names
    assert hung_cluster.connections() == 2  # the cooldown is over: tried again, failed again
    assert seconds < baseline.seconds + MAX_EXTRA_SECONDS
    assert breaker.is_open()


@pytest.mark.django_db
def test_guides_answer_from_the_database_when_wagtails_backend_hangs(shop, hung_cluster):
    started = time.monotonic()
    guides = match_guides("蓝牙耳机")

    assert [guide.title for guide in guides] == ["2024 蓝牙耳机选购指南"]
    assert time.monotonic() - started < MAX_EXTRA_SECONDS
    assert hung_cluster.connections() == 1 and breaker.is_open()

    assert [guide.title for guide in match_guides("蓝牙耳机")] == ["2024 蓝牙耳机选购指南"]
    assert hung_cluster.connections() == 1


@pytest.mark.django_db
def test_publishing_with_a_hung_cluster_waits_once_and_later_index_updates_skip_it(
    shop, hung_cluster, django_capture_on_commit_callbacks
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        shop.products["draft"].save_revision().publish()

    assert time.monotonic() - started < MAX_EXTRA_SECONDS + 1
    assert hung_cluster.connections() == 1 and breaker.is_open()

    with django_capture_on_commit_callbacks(execute=True):
        shop.products["speaker"].unpublish()
        shop.products["wired"].save_revision().publish()

    assert hung_cluster.connections() == 1


class _CountingCluster:
    def __init__(self):
        self.calls = 0

    def search(self, **kwargs):
        self.calls += 1
        return {"hits": {"hits": []}}


@pytest.mark.django_db
def test_while_the_breaker_is_open_neither_matching_nor_facets_ask_the_cluster(
    settings, monkeypatch
):
    cluster = _CountingCluster()
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    monkeypatch.setattr(es_client, "get_client", lambda: cluster)
    breaker.trip(ConnectionError("down"), "a test")

    assert search_product_ids(["耳机"], 10) is None
    assert search_facet_counts(["耳机"], ListingFilters(), {}) is None
    assert cluster.calls == 0

    breaker.close()
    assert search_product_ids(["耳机"], 10) == [] and cluster.calls == 1


def test_the_breaker_warns_once_per_opening_and_closes_after_its_cooldown(settings, caplog):
    settings.ELASTICSEARCH_COOLDOWN_SECONDS = 1

    with caplog.at_level(logging.INFO, logger="search.elasticsearch.breaker"):
        assert breaker.trip(TimeoutError("read timed out"), "Search failed") is True
        assert breaker.trip(TimeoutError("read timed out"), "Search failed") is False

    assert breaker.is_open()
    assert [record.levelname for record in caplog.records] == ["WARNING", "INFO"]
    time.sleep(1.1)
    assert not breaker.is_open()
    assert breaker.trip(TimeoutError("read timed out"), "Search failed") is True


def test_the_client_has_a_short_timeout_and_never_retries(settings):
    es_client._client_for.cache_clear()
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    es = es_client.get_client()

    assert (es._request_timeout, es._max_retries, es._retry_on_timeout) == (1.0, 0, False)
    es_client._client_for.cache_clear()


def _settings_with(environment: dict) -> dict:
    """Some values of config.settings.base as a fresh process with this environment reads them."""
    script = (
        "import json, config.settings.base as s; print(json.dumps({"
        "'backends': s.WAGTAILSEARCH_BACKENDS, 'cooldown': s.ELASTICSEARCH_COOLDOWN_SECONDS,"
        "'timeout': s.ELASTICSEARCH_TIMEOUT_SECONDS, 'email_timeout': s.EMAIL_TIMEOUT}))"
    )
    env = {**os.environ, **environment}
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert output.returncode == 0, output.stderr
    return json.loads(output.stdout)


def test_settings_give_wagtails_backend_the_breaker_short_timeouts_and_no_retries():
    values = _settings_with({"ELASTICSEARCH_URL": "http://search.internal:9200"})

    database = values["backends"]["database"]
    assert values["backends"] == elasticsearch_backends("http://search.internal:9200", database)
    assert (values["timeout"], values["cooldown"], values["email_timeout"]) == (1.0, 30, 10)


def test_timeouts_and_the_cooldown_come_from_the_environment():
    values = _settings_with(
        {
            "ELASTICSEARCH_URL": "http://search.internal:9200",
            "ELASTICSEARCH_TIMEOUT_SECONDS": "0.5",
            "ELASTICSEARCH_COOLDOWN_SECONDS": "60",
            "EMAIL_TIMEOUT": "5",
        }
    )

    assert values["backends"]["default"]["TIMEOUT"] == 0.5
    assert (values["timeout"], values["cooldown"], values["email_timeout"]) == (0.5, 60, 5)


@pytest.mark.django_db
def test_the_first_admin_search_against_a_hung_cluster_is_answered_from_the_database(
    client, shop, hung_cluster
):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="root", is_superuser=True))

    started = time.monotonic()
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "蓝牙耳机"})

    assert response.status_code == 200
    assert "2024 蓝牙耳机选购指南" in response.content.decode()
    assert time.monotonic() - started < MAX_EXTRA_SECONDS + 1
    assert breaker.is_open()
    again = client.get(reverse("wagtailadmin_pages:search"), {"q": "蓝牙耳机"})
    assert again.status_code == 200 and hung_cluster.connections() == 1
