"""A change made in one gunicorn worker shows at once in every other: the caches every worker reads
(pages, fragments, the taxonomy) live where a purge reaches them all, with and without Redis.

A real gunicorn with several workers under production settings, on a database of its own with the demo
content; tests/worker_app.py names the worker behind each answer and renames a region or an action area
inside whichever worker receives the request.
"""

import itertools
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis

from tests.test_operations import HTTPS, ROOT, _free_port, production_env, start_server, stop_server
from tests.test_resilience import static_root  # noqa: F401 - a fixture used here

WORKERS = 3
PAGE = "/en/success-stories/"
AREA = "Increase innovation capacity in small and medium-sized enterprises"
REDIS_URL = "redis://127.0.0.1:6379/1"


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, check=True, timeout=600, capture_output=True
    )


@pytest.fixture(scope="module")
def database(tmp_path_factory, static_root):  # noqa: F811 - the fixture imported above
    """A SQLite file with the demo content, built once for both cache set-ups."""
    workdir = tmp_path_factory.mktemp("cache-workers")
    env = production_env(workdir, f"sqlite:///{workdir / 'db.sqlite3'}", 0, DJANGO_STATIC_ROOT=str(static_root))
    manage(env, "migrate", "--noinput")
    manage(env, "update_translation_fields")
    manage(env, "load_demo_content")
    return env


def redis_available():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(params=["files", "redis"])
def server(request, database, tmp_path):
    extra = {"FOCUS_CACHE_DIR": str(tmp_path / "cache")}
    if request.param == "redis":
        if not redis_available():
            pytest.skip(f"no Redis answers at {REDIS_URL}")
        extra["REDIS_URL"] = REDIS_URL
    env = {**database, **extra, "PORT": str(_free_port()), "GUNICORN_WORKERS": str(WORKERS)}
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "--chdir", str(ROOT)]
    gunicorn.append("tests.worker_app:application")
    started = start_server(tmp_path, env, command=gunicorn)
    try:
        if request.param == "redis":
            client = redis.Redis.from_url(REDIS_URL)
            for prefix in ("focus", "focus-fragments", "focus-pages"):  # what an earlier run left
                for key in client.scan_iter(f"{prefix}:*"):
                    client.delete(key)
        yield started["url"]
    finally:
        stop_server(started)


def fetch(url):
    """(status, headers, body); a first render on a busy machine (images cut to size) may take long."""
    request = urllib.request.Request(url, headers=HTTPS)
    with urllib.request.urlopen(request, timeout=180) as response:  # noqa: S310 - our own test server
        return response.status, response.headers, response.read()


def wait_until(condition, what, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


def from_every_worker(url, fresh=False):
    """{worker: page} once every worker has answered `url` (concurrent requests, so a busy worker leaves
    the next connection to another); each worker's first answer counts. `fresh`: an address of its own
    for every request (`?n=…`, an unknown parameter the listing ignores), so that the page cache misses
    and the worker renders the page with what its caches hold."""
    pages, numbers = {}, itertools.count()

    def one(_):
        status, headers, body = fetch(f"{url}?n={next(numbers)}" if fresh else url)
        assert status == 200, (status, body[:300])
        return headers["X-Worker"], body.decode()

    def every_worker_answered():
        for worker, page in pool.map(one, range(WORKERS * 2)):
            pages.setdefault(worker, page)
        return len(pages) >= WORKERS

    with ThreadPoolExecutor(WORKERS * 2) as pool:
        wait_until(every_worker_answered, f"all {WORKERS} workers to answer")
    return pages


def rename(url, model, slug, name):
    query = urllib.parse.urlencode({"model": model, "slug": slug, "name": name})
    request = urllib.request.Request(f"{url}/__rename__/?{query}", method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own test server
        assert response.status == 200


def test_a_region_and_an_area_renamed_in_one_worker_show_at_once_in_every_worker(server):
    page = server + PAGE
    fetch(page)  # the first render cuts the demo images to size: once, not in every worker at the same time
    # Every worker renders the page (filling whatever it caches) and serves it from the page cache.
    for pages in (from_every_worker(page, fresh=True), from_every_worker(page)):
        assert all("Dalarna" in html and AREA in html for html in pages.values())

    rename(server, "region", "dalarna", "Dalecarlia")
    rename(server, "area", "innovation", "Newness")
    try:
        # Each worker's first answers after the renames: the page from the page cache, and rendered afresh.
        for pages in (from_every_worker(page), from_every_worker(page, fresh=True)):
            for worker, html in pages.items():
                assert "Dalecarlia" in html and "Newness" in html, f"worker {worker} shows the old names"
    finally:  # the database serves the next set-up too
        rename(server, "region", "dalarna", "Dalarna")
        rename(server, "area", "innovation", AREA)
