"""Threat: a service the site leans on goes away while visitors keep coming (Redis, then the database).

Degraded, not down: with Redis away a page costs what it costs with no cache at all (the same queries),
the log holds one warning, not a traceback per cache call, and the site uses Redis again once it answers,
after a purge (nothing stored before the outage comes back).
With the database away, pages the page cache holds keep answering and the others are the branded 503 in
the language of their address; never a traceback page; back to normal without a restart.

The in-process tests use a port where no Redis listens (tests/conftest.py) or a redis-server of their own
that they pause (SIGSTOP: a Redis that hangs) and resume. The load tests run gunicorn under production
settings (bin/start, as tests/test_resilience.py does, whose helpers and database outage they reuse) with
a redis-server of their own on a free port, which they stop and start again; the database is SQLite, or
PostgreSQL when the run's DATABASE_URL is PostgreSQL.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections import Counter

import pytest
import redis

from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from focus_industry.web import page_cache
from tests.test_operations import HTTPS, _free_port, fetch, production_env, start_server, stop_server
from tests.test_resilience import (  # noqa: F401 - static_root is a fixture used here
    Outage,
    _create_pg_database,
    _drop_pg_database,
    _pg_available,
    static_root,
)
from tests.waits import wait_for

PAGES = ["/", "/en/", "/en/success-stories/", "/en/toolbox/", "/om-focus-industry/", "/en/search/?q=industry"]


def away_options(**extra):
    """The options production gives both Redis caches (settings/base.py), with shorter waits for a test."""
    return {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
        "CONNECTION_POOL_KWARGS": {"retry": None},
        "AWAY_RETRY_SECONDS": 5,
        "AWAY_WARNING_SECONDS": 60,
        **extra,
    }


ALIASES = (("default", "t"), ("template_fragments", "t-fragments"), ("pagecache", "t-pages"))


def redis_caches(url, away_store=None, **options):
    """The Redis caches of production; `away_store`: the folder whose files stand in while Redis is away."""
    backend = "focus_industry.web.cache_backends.ResilientRedisCache"
    return {
        alias: {
            "BACKEND": backend,
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "OPTIONS": away_options(**options, **({"AWAY_STORE": str(away_store / alias)} if away_store else {})),
        }
        for alias, prefix in ALIASES
    }


def file_caches(folder):
    """The caches of production without Redis: folders of files."""
    backend = "django.core.cache.backends.filebased.FileBasedCache"
    return {alias: {"BACKEND": backend, "LOCATION": str(folder / alias)} for alias, _prefix in ALIASES}


NO_CACHE = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    for alias in ("default", "template_fragments", "pagecache")
}


def second_render_queries(url):
    """Queries of the second anonymous request to `url` (the first fills what the process keeps)."""
    client = Client()
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


# --- Redis away, in-process ------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(WAGTAIL_CACHE=True)
def test_with_redis_away_a_page_runs_the_queries_it_runs_with_no_cache_at_all(redis_down_url):
    with override_settings(CACHES=NO_CACHE):
        no_cache = {url: second_render_queries(url) for url in PAGES}
    with override_settings(CACHES=redis_caches(redis_down_url)):
        redis_away = {url: second_render_queries(url) for url in PAGES}
        assert caches["pagecache"].is_away()
    assert redis_away == no_cache


@pytest.mark.django_db
@override_settings(WAGTAIL_CACHE=True)
def test_with_redis_away_a_page_costs_what_it_costs_without_redis(redis_down_url, tmp_path):
    """The stand-in: this host's files keep pages, fragments and data while Redis is away, as they do
    where no Redis is configured, so an outage is not a slowdown to the cost of an uncached render."""
    with override_settings(CACHES=file_caches(tmp_path / "no-redis")):
        without_redis = {url: second_render_queries(url) for url in PAGES}
    with override_settings(CACHES=redis_caches(redis_down_url, away_store=tmp_path / "away")):
        redis_away = {url: second_render_queries(url) for url in PAGES}
        assert caches["pagecache"].is_away()
    assert redis_away == without_redis
    assert sum(redis_away.values()) == 0  # the second request of each is a page-cache hit


@pytest.mark.django_db
@override_settings(WAGTAIL_CACHE=True, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=True)
def test_with_redis_away_the_log_holds_one_warning_not_a_record_per_cache_call(redis_down_url, caplog):
    with override_settings(CACHES=redis_caches(redis_down_url)):
        client = Client()
        for number in range(10):
            for url in PAGES:
                assert client.get(url, {"n": number} if "?" not in url else {}).status_code == 200
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["cache"] == "degraded"
    warnings = [record for record in caplog.records if record.levelname != "INFO"]
    assert [(record.levelname, record.name) for record in warnings] == [
        ("WARNING", "focus_industry.web.cache_backends")
    ]
    assert "unreachable" in warnings[0].getMessage()
    assert not warnings[0].exc_info, "a line, not a traceback"
    assert "@" not in warnings[0].getMessage()  # the address, never a password in it


def _redis_ping(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _redis(port):
    """A plain redis-py client of the test's own, beside the site's cache."""
    return redis.Redis(host="127.0.0.1", port=port, socket_timeout=5)


class OwnRedis:
    """A redis-server of this test's own on a free loopback port, stopped and started again at will."""

    def __init__(self, workdir):
        self.port, self.workdir, self.process = _free_port(), workdir, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: _redis_ping(self.port) or self.process.poll() is not None, "redis-server to answer")
        assert self.process.poll() is None, "redis-server did not start"

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # in case a test paused it
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def own_redis(tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    own = OwnRedis(tmp_path)
    own.start()
    yield own
    own.stop()


def _commands_processed(port):
    return _redis(port).info("stats")["total_commands_processed"]


@pytest.mark.django_db
@override_settings(WAGTAIL_CACHE=True)
def test_a_hung_redis_is_waited_for_once_then_skipped_and_purged_when_it_answers_again(own_redis):
    with override_settings(CACHES=redis_caches(own_redis.url, SOCKET_TIMEOUT=0.3, AWAY_RETRY_SECONDS=0.5)):
        pages = caches["pagecache"]
        version = page_cache.content_version()
        pages.set("a page from before", "old", None)
        stored_key = pages.make_key("a page from before")
        before = _commands_processed(own_redis.port)
        own_redis.process.send_signal(signal.SIGSTOP)  # Redis hangs: connections open, nothing answers
        try:
            for number in range(30):
                pages.get(f"page-{number}")
            page_cache.purge("a publish while Redis hangs")
            assert page_cache.content_version() is None  # nothing is cached meanwhile
        finally:
            own_redis.process.send_signal(signal.SIGCONT)
        # Only the first call was sent; the others did not wait for Redis (nor queue up in it).
        assert _commands_processed(own_redis.port) - before <= 3
        assert _redis(own_redis.port).exists(stored_key) == 1  # the purge has not arrived
        wait_for(lambda: pages.get("anything") is None and not pages.is_away(), "the cache to use Redis again")
        # The first call that reached Redis again purged: nothing from before the outage comes back.
        assert _redis(own_redis.port).exists(stored_key) == 0
        assert page_cache.content_version() not in (None, version)


# --- Under load, gunicorn with production settings ----------------------------------------------------


class Load:
    """Threads fetching `paths` round robin (HTTPS as the proxy says) until stopped; bounded."""

    def __init__(self, url, paths, threads=4, limit=20000):
        self.url, self.paths, self.limit = url, paths, limit
        self.answers, self.failures = Counter(), []
        self.lock, self.stopping = threading.Lock(), threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(number,)) for number in range(threads)]

    def _run(self, number):
        for count in range(self.limit):
            if self.stopping.is_set():
                return
            path = self.paths[(count + number) % len(self.paths)].replace("{n}", f"{number}-{count}")
            try:
                status, _headers, body = fetch(self.url + path, HTTPS)
            except OSError as error:
                status, body = "no answer", str(error).encode()
            with self.lock:
                self.answers[status] += 1
                if status not in (200, 503):
                    self.failures.append((path, status, body[:300]))
                if status == 503:
                    self.check_503(path, body)

    def check_503(self, path, body):
        page = body.decode(errors="replace")
        english = path.startswith("/en/")
        heading = "The site is taking a short break" if english else "Webbplatsen tar en kort paus"
        if f'<html lang="{"en" if english else "sv"}">' not in page or heading not in page:
            self.failures.append((path, 503, body[:300]))

    def total(self):
        with self.lock:
            return sum(self.answers.values())

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)


def _log_since(server, offset):
    return server["log"].read_bytes()[offset:].decode(errors="replace")


def _records(text):
    records = []
    for line in text.splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            records.append({"level": "UNPARSED", "message": line})
    return records


def _readyz(server):
    status, _headers, body = fetch(server["url"] + "/readyz", HTTPS)
    return status, json.loads(body)


@pytest.fixture(scope="module")
def site_with_redis(tmp_path_factory, static_root):  # noqa: F811 - the fixture imported above
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    workdir = tmp_path_factory.mktemp("outages")
    own = OwnRedis(workdir)
    own.start()
    engine = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    databases, extra = [], {}
    if engine == "postgresql":
        if not _pg_available():
            pytest.skip("PostgreSQL does not answer")
        database_url = _create_pg_database(f"focus_ops_outages_{os.getpid()}")
        databases.append(database_url.rsplit("/", 1)[1])
    else:
        database_url = f"sqlite:///{workdir / 'var' / 'db.sqlite3'}"
        extra["DJANGO_CONN_MAX_AGE"] = "0"  # see tests/test_resilience.py
    env = production_env(
        workdir,
        database_url,
        _free_port(),
        DJANGO_STATIC_ROOT=str(static_root),
        REDIS_URL=own.url,
        REDIS_AWAY_RETRY_SECONDS="1",
        **extra,
    )
    server = start_server(workdir, env, ready_path="/readyz")
    yield {**server, "redis": own, "engine": engine, "database_url": database_url}
    stop_server(server)
    own.stop()
    for name in databases:
        _drop_pg_database(name)


def test_redis_going_away_under_load_costs_no_answer_and_logs_one_warning_per_worker(site_with_redis):
    server, own = site_with_redis, site_with_redis["redis"]
    assert _readyz(server) == (200, {"status": "ok", "database": "ok", "migrations": "ok", "cache": "ok"})
    offset = server["log"].stat().st_size
    started = time.monotonic()
    paths = [*PAGES, "/en/?n={n}", "/?n={n}"]  # the last two are new addresses: rendered every time
    with Load(server["url"], paths) as load:
        wait_for(lambda: load.total() >= 30, "load before the outage", 120)
        own.stop()
        at_stop = load.total()
        wait_for(lambda: load.total() >= at_stop + 150, "load while Redis is away", 180)
        status, ready = _readyz(server)
        assert status == 200 and ready["cache"] == "degraded" and ready["status"] == "degraded"
        own.start()
        wait_for(lambda: _readyz(server)[1]["cache"] == "ok", "the cache to use Redis again", 60)
        at_back = load.total()
        wait_for(lambda: load.total() >= at_back + 30, "load after Redis came back", 120)
    assert load.failures == []
    assert set(load.answers) == {200}, load.answers
    minutes = 1 + int((time.monotonic() - started) // 60)
    records = _records(_log_since(server, offset))
    assert "Traceback" not in _log_since(server, offset)
    noisy = [record for record in records if record["level"] not in ("INFO", "DEBUG")]
    assert all(record["level"] == "WARNING" and "Redis" in record["message"] for record in noisy), noisy[:3]
    assert 1 <= len(noisy) <= 2 * minutes  # two workers: at most one warning a minute each
    assert any("reachable again" in record["message"] for record in records)
    assert len(records) <= load.total() + 20  # one line per request (the request log), little more


def test_the_database_going_away_under_load_leaves_cached_pages_and_a_clear_503_then_recovers(site_with_redis):
    server = site_with_redis
    cached = ["/", "/en/", "/en/success-stories/"]
    for path in cached:  # in the page cache (Redis) from here on
        fetch(server["url"] + path, HTTPS)
        assert fetch(server["url"] + path, HTTPS)[1]["X-Wagtail-Cache"] == "hit"
    offset = server["log"].stat().st_size
    outage = Outage(server["engine"], server["database_url"])
    with Load(server["url"], [*cached, "/en/?n={n}", "/?n={n}", "/en/toolbox/?n={n}"]) as load:
        wait_for(lambda: load.total() >= 20, "load before the outage", 120)
        outage.begin()
        try:
            at_begin = load.total()
            wait_for(lambda: load.answers[503] >= 20 and load.total() >= at_begin + 60, "load in the outage", 120)
            for path in cached:  # what the page cache holds needs no database
                status, headers, _body = fetch(server["url"] + path, HTTPS)
                assert (status, headers["X-Wagtail-Cache"]) == (200, "hit"), path
            assert _readyz(server)[0] == 503
        finally:
            outage.end()
        wait_for(lambda: fetch(server["url"] + "/en/?n=back", HTTPS)[0] == 200, "the site to recover", 60)
        at_end = load.total()
        wait_for(lambda: load.total() >= at_end + 30, "load after the outage", 120)
    assert load.failures == []
    assert set(load.answers) <= {200, 503}, load.answers
    assert _readyz(server)[0] == 200
    log = _log_since(server, offset)
    assert "Traceback" not in log
    records = _records(log)
    # Per request at most: its line in the request log, the outage's warning and django.request's line
    # for the 503; never a stack trace (above).
    assert len(records) <= 3 * load.total() + 20
    unexpected = [
        record
        for record in records
        if record["level"] not in ("INFO", "DEBUG")
        and not record["message"].startswith(("Database unavailable", "Service Unavailable", "readyz: database"))
    ]
    assert unexpected == []
