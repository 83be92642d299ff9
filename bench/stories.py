"""Benchmark the success stories with a thousand extra stories.

    .venv/bin/python bench/stories.py [--scale 1000] [--requests 200] [--concurrency 4] [--workers 2]

Builds a throwaway SQLite database in a temporary folder (or uses DATABASE_URL when set), migrates it,
loads the demo content with `--scale N`, serves it with gunicorn and prints, for home, the listing, a
filtered listing, a story and a feed: requests per second against the server and the number of database
queries one request runs (counted in-process with Django's test client on the same database).
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "home": "/en/",
    "listing": "/en/success-stories/",
    "filtered listing": "/en/success-stories/?region=dalarna&area=innovation",
    "listing, page 40": "/en/success-stories/?page=40",
    "story": "/en/success-stories/service-driven-business-development/",
    "feed (RSS)": "/en/success-stories/feed/rss/?area=skills",
    "feed (Atom, sv)": "/framgangsexempel/feed/atom/",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command, env):
    started = time.monotonic()
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310  (our own local server)
        response.read()
        return response.status


def requests_per_second(url, total, concurrency):
    fetch(url)  # warm up (renditions, caches)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        statuses = list(pool.map(fetch, [url] * total))
    elapsed = time.monotonic() - started
    if any(status != 200 for status in statuses):
        raise RuntimeError(f"{url} answered {sorted(set(statuses))}")
    return total / elapsed


def query_counts(env):
    """One request per page through Django's test client on the same database: queries per request."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for name, url in PAGES.items():
        client.get(url, HTTP_HOST="localhost")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, HTTP_HOST="localhost")
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        counts[name] = len(queries)
    from stories.models import StoryPage

    return counts, StoryPage.objects.live().count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="focus-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "focus_industry.settings.e2e",
        "FOCUS_VAR_DIR": str(workdir),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    database = "SQLite (throwaway)" if "DATABASE_URL" not in os.environ else env["DATABASE_URL"].split("@")[-1]
    manage = [sys.executable, str(ROOT / "manage.py")]
    print(f"Database: {database}; work folder {workdir}")
    run([*manage, "migrate", "--noinput", "-v", "0"], env)
    run([*manage, "update_translation_fields"], env)
    seconds = run([*manage, "load_demo_content", "--scale", str(args.scale)], env)
    print(f"load_demo_content --scale {args.scale}: {seconds:.1f} s")
    seconds = run([*manage, "load_demo_content", "--scale", str(args.scale)], env)
    print(f"…run again (idempotent, nothing new): {seconds:.1f} s")

    counts, stories = query_counts(env)
    port = free_port()
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "focus_industry.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--no-control-socket",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((workdir / "gunicorn.log").read_text()) from None
                time.sleep(0.3)
        print(
            f"{stories} live stories; gunicorn with {args.workers} workers; "
            f"{args.requests} requests per page, {args.concurrency} at a time\n"
        )
        print(f"{'page':<20} {'req/s':>8} {'queries':>8}  address")
        for name, url in PAGES.items():
            rate = requests_per_second(base + url, args.requests, args.concurrency)
            print(f"{name:<20} {rate:>8.1f} {counts[name]:>8}  {url}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


if __name__ == "__main__":
    main()
