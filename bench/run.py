"""`make bench`: the site under load, with production settings, as a small server would run it.

    .venv/bin/python bench/run.py            # or: make bench  (BENCH_SECONDS=20 BENCH_ROUNDS=3 for the long run)

Builds a throwaway copy of the demo site (SQLite in a temporary folder; with DATABASE_URL set, a
PostgreSQL database named like it with `_bench` appended, emptied first), collects the static files
(hashed and compressed, as in production), starts gunicorn with production settings and two workers,
and prints for home, the story listing, a story, the toolbox and search, with the page cache on
(cached), off (uncached: rendered on every request, with the fragment cache, see
focus_industry/web/page_cache.py) and off without fragments (cold): requests per second, p50 and p99 latency,
errors, and the database queries one request runs; plus a static file served by the same gunicorn as
the yardstick.

Load comes from wrk (Debian package, `bin/install-bench-tools`) or, without it, a Python generator.
Environment: BENCH_SECONDS per measurement (default 5), BENCH_ROUNDS (1), BENCH_CONNECTIONS (64),
BENCH_WORKERS (2), BENCH_SCALE extra generated stories (100), BENCH_PAGES and BENCH_MODES to measure
only some lines (comma-separated: BENCH_PAGES=search,home BENCH_MODES=uncached). BENCH_REDIS chooses the
cache: unset, REDIS_URL as given (none: files); "none", no Redis even if REDIS_URL is set; "away", a
REDIS_URL where no Redis answers (a port just bound and closed again: Redis down for the whole run), to
compare with "none". Exits 1 when any request failed, 2 for an unknown page, mode or BENCH_REDIS.

After each mode the server's log is summed up (lines, bytes, warnings, errors, tracebacks): a degraded cache must
cost speed, not a log flood.

With BENCH_ROUNDS above 1 every mode measures all its lines (the static file included) once per round,
and each line shows its median round (rate, p50, p99) and the errors of all rounds: a shared machine's
slow spells then fall on every line alike instead of on whichever line ran during them.
"""

import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "home": "/en/",
    "story listing": "/en/success-stories/",
    "story": "/en/success-stories/service-driven-business-development/",
    "toolbox": "/en/toolbox/",
    "initiatives": "/en/initiatives/",
    "search": "/en/search/?q=industry",
}
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = max(1, int(os.environ.get("BENCH_ROUNDS", "1")))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
SCALE = int(os.environ.get("BENCH_SCALE", "100"))
HOST = "localhost"
REDIS_CHOICES = ("", "none", "away")
# cached: from the page cache. uncached: page cache off, every request rendered (with the fragment cache,
# as after a publish once it is warm). cold: no fragment cache either, every fragment rendered.
MODES = {
    "cached": {"FOCUS_PAGE_CACHE": "1", "FOCUS_FRAGMENT_CACHE": "1"},
    "uncached": {"FOCUS_PAGE_CACHE": "0", "FOCUS_FRAGMENT_CACHE": "1"},
    "cold": {"FOCUS_PAGE_CACHE": "0", "FOCUS_FRAGMENT_CACHE": "0"},
}


def chosen(variable, known):
    """The names a comma-separated environment variable picks from `known` (all of them when unset)."""
    names = [name.strip() for name in os.environ.get(variable, "").split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"{variable}: unknown {', '.join(unknown)}; choose from {', '.join(known)}", file=sys.stderr)
        sys.exit(2)
    return [name for name in known if name in names] if names else list(known)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_database_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return ""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_bench"))


def prepare(env, workdir):
    manage = [sys.executable, str(ROOT / "manage.py")]
    quiet = {"cwd": ROOT, "env": env, "check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    steps = [
        [*manage, "migrate", "--noinput"],
        [*manage, "update_translation_fields"],
        [*manage, "load_demo_content", "--scale", str(SCALE)],
        [*manage, "collectstatic", "--noinput"],
    ]
    if env.get("DATABASE_URL", "").startswith("postgres"):
        # A database of its own, made anew: `flush` would also empty the tree root that migrate made.
        steps.insert(0, [str(ROOT / "bin" / "ensure-postgres-db"), "--recreate", env["DATABASE_URL"]])
    started = time.monotonic()
    for step in steps:
        try:
            subprocess.run(step, **quiet)
        except subprocess.CalledProcessError as error:
            sys.stderr.write(error.stderr.decode(errors="replace")[-4000:])
            what = step[2] if step[: len(manage)] == manage else Path(step[0]).name
            raise SystemExit(f"bench: {what} failed (exit {error.returncode})") from None
    print(f"demo site with {SCALE} extra stories built in {time.monotonic() - started:.0f} s ({workdir})")


def query_counts(env, pages, modes):
    """Queries one request runs to each of `pages` in each of `modes`, in-process on the same database."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for mode in modes:
        mode_env = MODES[mode]
        page_cache, fragments = mode_env["FOCUS_PAGE_CACHE"] == "1", mode_env["FOCUS_FRAGMENT_CACHE"] == "1"
        no_fragments = {"template_fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
        caches_of_mode = settings.CACHES if fragments else {**settings.CACHES, **no_fragments}
        with override_settings(WAGTAIL_CACHE=page_cache, CACHES=caches_of_mode):
            caches["pagecache"].clear()
            client = Client(HTTP_HOST=HOST)
            for name in pages:
                url = PAGES[name]
                client.get(url)  # the first request fills per-process caches (and the page cache)
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
                if response.status_code != 200:
                    raise RuntimeError(f"{url} answered {response.status_code}")
                counts[name, mode] = len(queries)
    caches["pagecache"].clear()
    return counts


def static_url(env):
    manifest = Path(env["DJANGO_STATIC_ROOT"]) / "staticfiles.json"
    import json

    return "/static/" + json.loads(manifest.read_text())["paths"]["css/site.css"]


def start_server(env, port, log):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "focus_industry.wsgi:application"],
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(WORKERS)},
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            status, _ = fetch(port, "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise RuntimeError(f"gunicorn did not start, see {log.name}")
        time.sleep(0.3)


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --- Load generators ----------------------------------------------------------------------------


def _seconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def _percentile(out, percent):
    """A latency percentile from wrk's output; NaN when no request completed (wrk then prints none)."""
    found = re.search(rf"\s{percent}%\s+(\S+)", out)
    return _seconds(found[1]) if found else float("nan")


def load_with_wrk(port, path):
    result = subprocess.run(
        ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{SECONDS}s", "--timeout", "30s", "--latency"]
        + ["-H", f"Host: {HOST}"]
        + [f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    errors += int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or [0, 0])[1])
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": _percentile(out, 50),
        "p99": _percentile(out, 99),
        "errors": errors,
        "requests": int(re.search(r"(\d+) requests in", out)[1]),
    }


def load_with_python(port, path):
    """CONNECTIONS keep-alive connections in threads for SECONDS (the client limits the rate: a floor)."""
    latencies, errors, stop = [], [0], time.monotonic() + SECONDS
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < stop:
            started = time.monotonic()
            try:
                connection.request("GET", path, headers={"Host": HOST})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.monotonic() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rate": len(latencies) / (time.monotonic() - began),
        "p50": latencies[len(latencies) // 2],
        "p99": latencies[int(len(latencies) * 0.99)],
        "errors": errors[0],
        "requests": len(latencies),
    }


def measure(port, path):
    fetch(port, path)  # warm: renditions, per-process caches, the page cache
    return (load_with_wrk if shutil.which("wrk") else load_with_python)(port, path)


def redis_choice(env):
    """Sets REDIS_URL in `env` as BENCH_REDIS asks; the cache's name for the heading."""
    choice = os.environ.get("BENCH_REDIS", "").strip().lower()
    if choice not in REDIS_CHOICES:
        print(f"BENCH_REDIS: unknown {choice}; choose from none, away (or leave it unset)", file=sys.stderr)
        sys.exit(2)
    if choice == "none":
        env.pop("REDIS_URL", None)
    elif choice == "away":
        env["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
        return f"Redis that is down ({env['REDIS_URL']})"
    return "Redis" if env.get("REDIS_URL") else "files"


def log_summary(path, start):
    """Lines, bytes, warnings, errors and tracebacks the server logged since byte `start` of its log."""
    with open(path, "rb") as log:
        log.seek(start)
        text = log.read().decode(errors="replace")
    lines = text.splitlines()
    levels = {level: sum(1 for line in lines if f'"level": "{level}"' in line) for level in ("WARNING", "ERROR")}
    return (
        f"{len(lines)} lines, {len(text.encode())} bytes, {levels['WARNING']} warnings, {levels['ERROR']} errors, "
        f"{text.count('Traceback')} tracebacks"
    )


def median_round(runs):
    """The round with the median rate, with the errors of every round."""
    middle = sorted(runs, key=lambda figures: figures["rate"])[len(runs) // 2]
    return {**middle, "errors": sum(figures["errors"] for figures in runs)}


def row(name, figures, queries):
    return (
        f"| {name} | {figures['rate']:.0f} | {figures['p50'] * 1000:.1f} | {figures['p99'] * 1000:.1f} "
        f"| {figures['errors']} | {queries} |"
    )


def main():
    pages, modes = chosen("BENCH_PAGES", PAGES), chosen("BENCH_MODES", MODES)
    workdir = Path(tempfile.mkdtemp(prefix="focus-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "focus_industry.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "FOCUS_VAR_DIR": str(workdir),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "PYTHONUNBUFFERED": "1",
    }
    env["DATABASE_URL"] = bench_database_url() or f"sqlite:///{workdir / 'bench.sqlite3'}"
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    cache = redis_choice(env)
    prepare(env, workdir)
    counts = query_counts(env, pages, modes)
    generator = "wrk" if shutil.which("wrk") else "Python load generator (install wrk for real figures)"
    rounds = f", median of {ROUNDS} rounds" if ROUNDS > 1 else ""
    print(
        f"{database}, page cache in {cache}; gunicorn with {WORKERS} workers; {generator}, "
        f"{CONNECTIONS} connections, {SECONDS} s per line{rounds}\n"
    )
    print("| page | req/s | p50 ms | p99 ms | errors | queries |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    failures, logged = 0, []
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115
    try:
        for mode in modes:
            lines = [(f"{name}, {mode}", PAGES[name], counts[name, mode]) for name in pages]
            if mode == "cached":
                lines.insert(0, ("static file (site.css)", static_url(env), 0))
            port = free_port()
            log.flush()
            log_start = log.tell()
            server = start_server({**env, **MODES[mode]}, port, log)
            try:
                runs = {name: [] for name, _path, _queries in lines}
                for _round in range(ROUNDS):
                    for name, path, _queries in lines:
                        runs[name].append(measure(port, path))
                for name, _path, queries in lines:
                    figures = median_round(runs[name])
                    failures += figures["errors"]
                    print(row(name, figures, queries), flush=True)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:  # workers stuck in requests: do not hang the run
                    server.kill()
                    server.wait(timeout=30)
            log.flush()
            logged.append(f"{mode}: {log_summary(log.name, log_start)}")
    finally:
        log.close()
    print("\nThe server's log, per mode: " + "; ".join(logged))
    if failures:
        print(f"\n{failures} requests failed; the server's log: {workdir / 'gunicorn.log'}")
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
