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
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scaleout import infra  # noqa: E402 - the stack the tests use, not a copy of it

WRK_SCRIPT = """
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Accept-Encoding"] = "gzip"  -- as every browser sends: Varnish answers with its gzipped copy
local uncached = %s
request = function()
  if uncached then
    return wrk.format(nil, wrk.path .. "?bench=" .. math.random(1, 1000000000))
  end
  return wrk.format(nil, wrk.path)
end
"""


def rate_wrk(wrk, url, path, seconds, concurrency, uncached):
    """wrk (Debian, C): the load generator takes little of the machine the servers share."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ("true" if uncached else "false"))
    try:
        command = [wrk, "-t2", f"-c{concurrency}", f"-d{max(seconds, 1):g}s", "-s", script.name, url + path]
        subprocess.run(command[:4] + ["-d2s"] + command[5:], capture_output=True, timeout=60)  # warm-up
        output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    finally:
        os.unlink(script.name)
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failed = int(errors.group(1)) if errors else 0
    failed += sum(map(int, socket_errors.groups())) if socket_errors else 0
    return requests, failed


def rate_python(url, path, seconds, concurrency, uncached):
    """Requests per second over keep-alive connections from Python threads (where wrk is missing)."""
    host, port = url.removeprefix("http://").split(":")
    done, counts, errors = threading.Event(), [0] * concurrency, [0] * concurrency

    def client(number):
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        while not done.is_set():
            target = f"{path}?bench={random.randrange(10**9)}" if uncached else path
            try:
                connection.request("GET", target, headers={"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"})
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
        time.sleep(2)  # warm-up: workers, connections, page cache, Varnish
        start_counts = sum(counts)
        started = time.monotonic()
        time.sleep(seconds)
        total = sum(counts) - start_counts
        elapsed = time.monotonic() - started
        done.set()
    return total / elapsed, sum(errors)


def rate(url, path, seconds, concurrency, uncached=False):
    wrk = shutil.which("wrk")
    if wrk:
        return rate_wrk(wrk, url, path, seconds, concurrency, uncached)
    return rate_python(url, path, seconds, concurrency, uncached)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--workers", type=int, default=1, help="gunicorn workers per instance (1: an instance is one CPU's worth)"
    )
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
            GUNICORN_WORKERS=str(args.workers),
            GUNICORN_MAX_REQUESTS="0",  # no worker recycling in the middle of a measurement
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
        # The first render of the home page makes its image renditions (read from the bucket, resized,
        # stored): done once, before any measurement, as on a site that has been running a while.
        infra.fetch(a.url + "/en/", {"X-Forwarded-Proto": "https"}, timeout=120)
        infra.fetch(b.url + "/en/", {"X-Forwarded-Proto": "https"}, timeout=120)
        rate(two.url, "/en/", 10, args.concurrency, uncached=True)  # both instances warm (templates, caches)
        columns = ("home rendered", "home cached", "static file")
        print(f"{'requests/s':<26}" + "".join(f"{name:>16}" for name in columns) + "   errors")
        for label, server in (("HAProxy, one instance", one), ("HAProxy, two instances", two), ("Varnish", varnish)):
            rendered, rendered_errors = rate(server.url, "/en/", args.seconds, args.concurrency, uncached=True)
            cached, cached_errors = rate(server.url, "/en/", args.seconds, args.concurrency)
            asset, asset_errors = rate(server.url, static, args.seconds, args.concurrency)
            figures = "".join(f"{value:>16.0f}" for value in (rendered, cached, asset))
            print(f"{label:<26}{figures}   {rendered_errors + cached_errors + asset_errors}")
        tool = "wrk" if shutil.which("wrk") else "Python threads"
        print(
            f"({tool}, {args.concurrency} keep-alive connections, {args.seconds:g} s each; {args.workers} gunicorn "
            f"worker(s) per instance; 'rendered' adds a unique query string, so neither the page cache nor Varnish "
            f"can answer; all on this one machine of {os.cpu_count()} CPUs)"
        )
    finally:
        for process in reversed(started):
            process.stop()
            shutil.rmtree(getattr(process, "instance", workdir / "none"), ignore_errors=True)  # Varnish's folder
        infra.drop_pg_database(name)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
