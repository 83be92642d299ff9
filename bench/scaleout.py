"""Requests per second through HAProxy with one and two app instances, and through Varnish.

    .venv/bin/python bench/scaleout.py [--seconds 8] [--concurrency 8]

Starts the same real stack as the scale-out tests (tests/scaleout/infra.py): SeaweedFS, a fresh
PostgreSQL database, Redis, two gunicorn instances (production settings, bin/start), HAProxy in front
of one and of both, and Varnish (deploy/varnish/default.vcl) in front of HAProxy. Prints, side by side,
the rate of the English home page and of a hashed static file (whitenoise) for each way in. Needs
haproxy and varnishd (bin/install-scaleout-tools), PostgreSQL and Redis; all run on this one machine,
so the figures compare the ways in, not a real cluster's capacity.
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scaleout import infra  # noqa: E402 - the stack the tests use, not a copy of it


def rate(url, path, seconds, concurrency):
    """Requests per second over keep-alive connections; counts non-200 answers as errors."""
    host, port = url.removeprefix("http://").split(":")
    done, counts, errors = threading.Event(), [0] * concurrency, [0] * concurrency

    def client(number):
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        while not done.is_set():
            try:
                connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
                response = connection.getresponse()
                response.read()
                counts[number] += 1
                errors[number] += response.status != 200
            except (OSError, http.client.HTTPException):
                errors[number] += 1
                connection.close()
                connection = http.client.HTTPConnection(host, int(port), timeout=30)
        connection.close()

    with ThreadPoolExecutor(concurrency) as pool:
        for number in range(concurrency):
            pool.submit(client, number)
        time.sleep(1)  # warm-up: connections, page cache, Varnish
        start_counts = sum(counts)
        started = time.monotonic()
        time.sleep(seconds)
        total = sum(counts) - start_counts
        elapsed = time.monotonic() - started
        done.set()
    return total / elapsed, sum(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="focus-bench-scaleout-"))
    workdir.chmod(0o755)
    started, name = [], f"fi_bench_scaleout_{os.getpid()}"
    try:
        weed = infra.start_seaweedfs(workdir)
        started.append(weed)
        env = infra.app_env(
            workdir,
            **infra.s3_env(weed.endpoint),
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DATABASE_URL=infra.create_pg_database(name),
            REDIS_URL=infra.fresh_redis(),
            FOCUS_LOAD_DEMO="1",
            GUNICORN_ACCESS_LOG="",
        )
        env["DJANGO_STATIC_ROOT"] = str(infra.collectstatic(workdir, env))
        infra.manage(env, "ensure_media_bucket")
        a = infra.start_app("app-a", workdir, env)
        b = infra.start_app("app-b", workdir, {**env, "FOCUS_MIGRATE": "0", "FOCUS_LOAD_DEMO": "0"})
        started += [a, b]
        health = infra.health_path(a.url)
        one = infra.start_haproxy(workdir, [("a", a.port)], health, name="haproxy-one")
        started.append(one)
        two = infra.start_haproxy(workdir, [("a", a.port), ("b", b.port)], health, name="haproxy-two")
        started.append(two)
        varnish = infra.start_varnish(workdir, int(two.url.rsplit(":", 1)[1]), infra.free_port())
        started.append(varnish)
        manifest = json.loads((Path(env["DJANGO_STATIC_ROOT"]) / "staticfiles.json").read_text())
        static = "/static/" + manifest["paths"]["css/site.css"]
        print(f"{'way in':<28}{'home /en/ req/s':>18}{'static file req/s':>20}   errors")
        for label, server in (("HAProxy, one instance", one), ("HAProxy, two instances", two), ("Varnish", varnish)):
            page, page_errors = rate(server.url, "/en/", args.seconds, args.concurrency)
            asset, asset_errors = rate(server.url, static, args.seconds, args.concurrency)
            print(f"{label:<28}{page:>18.0f}{asset:>20.0f}   {page_errors + asset_errors}")
        print(f"({args.concurrency} keep-alive clients, {args.seconds:g} s each, all on this machine)")
    finally:
        for process in reversed(started):
            process.stop()
        infra.drop_pg_database(name)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
