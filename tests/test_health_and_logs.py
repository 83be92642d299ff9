"""/healthz and /readyz, the request log with its request id (in-process, on the test database).

The real outages (a database that stops answering, then comes back) and backup and restore run
against gunicorn under production settings in tests/test_resilience.py.
"""

import json
import logging
import socket

import pytest

from django.db import connection
from django.test import override_settings

from focus_industry.web import views


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nothing listens there


@pytest.fixture(autouse=True)
def _fresh_migration_check(monkeypatch):
    monkeypatch.setitem(views._migrations_seen, "at", float("-inf"))


@pytest.mark.django_db
def test_readyz_answers_ok_as_json_never_cached_and_without_cookies(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_readyz_is_outside_the_language_prefixes(client):
    assert client.get("/en/readyz/").status_code == 404


@pytest.mark.django_db
def test_readyz_reports_a_cache_that_is_down_as_degraded_but_stays_ready(client, settings):
    redis_down = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    with override_settings(CACHES=redis_down):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["cache"] == "degraded"
    assert response.json()["status"] == "degraded"


@pytest.mark.django_db
def test_readyz_is_503_while_a_migration_is_not_applied(client):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, app, name FROM django_migrations WHERE app = 'stories' ORDER BY id DESC")
        latest = cursor.fetchone()
        cursor.execute("DELETE FROM django_migrations WHERE id = %s", [latest[0]])  # rolled back after the test
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"
    assert response.json()["status"] == "unavailable"


@pytest.mark.django_db
def test_readyz_reuses_its_look_at_the_migrations_for_a_few_seconds(client, django_assert_max_num_queries):
    client.get("/readyz")
    with django_assert_max_num_queries(3):  # SELECT 1 and the cache; the migration graph is not read again
        assert client.get("/readyz").status_code == 200


def test_healthz_needs_no_database(client):
    response = client.get("/healthz")  # no django_db mark: any query would fail the test
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


# --- The request log ------------------------------------------------------------------------------


def _request_records(caplog):
    return [record for record in caplog.records if record.name == "focus_industry.requests"]


@pytest.mark.django_db
def test_every_request_is_logged_once_with_its_id_method_path_status_and_duration(client, caplog):
    caplog.set_level(logging.DEBUG, logger="focus_industry.requests")
    response = client.get("/en/?page=2", HTTP_X_REQUEST_ID="proxy-4b1d-9c2e")
    assert response["X-Request-ID"] == "proxy-4b1d-9c2e"
    (record,) = _request_records(caplog)
    assert record.levelno == logging.INFO
    assert (record.request_id, record.method, record.path, record.status) == ("proxy-4b1d-9c2e", "GET", "/en/", 200)
    assert record.query == "page=2"
    assert 0 < record.duration_ms < 60_000


@pytest.mark.django_db
@pytest.mark.parametrize("sent", ["", "has spaces", "x" * 500, 'quote"s', "\u00e5\u00e4\u00f6"])
def test_an_unusable_request_id_is_replaced_by_a_new_one(client, caplog, sent):
    caplog.set_level(logging.INFO, logger="focus_industry.requests")
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)
    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 32
    other = client.get("/healthz", HTTP_X_REQUEST_ID=sent)["X-Request-ID"]
    assert other != response["X-Request-ID"]


def test_health_probes_are_logged_at_debug_only(client, caplog):
    caplog.set_level(logging.DEBUG, logger="focus_industry.requests")
    client.get("/healthz")
    (record,) = _request_records(caplog)
    assert record.levelno == logging.DEBUG


@pytest.mark.django_db
def test_application_log_lines_carry_the_request_id_and_format_as_one_json_object(client, caplog):
    from django.conf import settings

    from focus_industry.web.request_log import RequestIdFilter

    caplog.set_level(logging.INFO)
    client.get("/en/no-such-page/", HTTP_X_REQUEST_ID="trace-me")
    (record,) = _request_records(caplog)
    RequestIdFilter().filter(record)
    formatter = logging.config.dictConfigClass(settings.LOGGING).configure_formatter(
        settings.LOGGING["formatters"]["json"]
    )
    line = formatter.format(record)
    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed["request_id"] == "trace-me"
    assert parsed["status"] == 404
    assert parsed["path"] == "/en/no-such-page/"
    assert {"time", "level", "logger", "message", "duration_ms", "method"} <= set(parsed)
    # Outside a request, records say so rather than carrying a stale id.
    outside = logging.LogRecord("focus_industry", logging.INFO, __file__, 1, "hello", None, None)
    RequestIdFilter().filter(outside)
    assert outside.request_id is None
