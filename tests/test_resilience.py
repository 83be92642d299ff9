"""Faults for real: the database stops answering and comes back; a backup is restored into an empty one.

Each test runs against gunicorn started by bin/start under production settings, once on SQLite and
once on PostgreSQL (a database of its own on the server at DATABASE_URL, or 127.0.0.1:5432; where no
PostgreSQL answers, those skip locally and fail in CI).

- SQLite outage: the database file is moved away and a directory put in its place, so opening it
  fails. The server runs with DJANGO_CONN_MAX_AGE=0 here: an SQLite file that is already open stays
  readable after a rename, so only new connections notice.
- PostgreSQL outage: `ALTER DATABASE … ALLOW_CONNECTIONS false` and `pg_terminate_backend` for every
  session, then connections are allowed again. Persistent connections (CONN_MAX_AGE=60 with health
  checks) must recover without a restart.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_operations import (
    HTTPS,
    ROOT,
    _free_port,
    collect_static,
    fetch,
    production_env,
    start_server,
    stop_server,
)
from tests.waits import wait_for

PG_BASE = os.environ.get("DATABASE_URL", "").split("?")[0].rsplit("/", 1)[0]
if not PG_BASE.startswith(("postgres://", "postgresql://")):
    PG_BASE = "postgres://postgres@127.0.0.1:5432"
RETRY_AFTER = "30"


def _pg_admin():
    import psycopg

    return psycopg.connect(f"{PG_BASE}/postgres", autocommit=True, connect_timeout=5)


def _pg_available():
    try:
        with _pg_admin():
            return True
    except Exception:  # any failure to connect means: no PostgreSQL here
        return False


def _create_pg_database(name):
    with _pg_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_BASE}/{name}"


def _drop_pg_database(name):
    with _pg_admin() as conn:
        conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Outage:
    """Make the site's database unreachable, and reachable again."""

    def __init__(self, engine, database_url):
        self.engine, self.database_url = engine, database_url

    def begin(self):
        if self.engine == "sqlite":
            path = Path(self.database_url.removeprefix("sqlite:///"))
            path.rename(path.with_suffix(".away"))
            path.mkdir()  # "unable to open database file"
        else:
            name = self.database_url.rsplit("/", 1)[1]
            with _pg_admin() as conn:
                conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid()",
                    [name],
                )

    def end(self):
        if self.engine == "sqlite":
            path = Path(self.database_url.removeprefix("sqlite:///"))
            path.rmdir()
            path.with_suffix(".away").rename(path)
        else:
            name = self.database_url.rsplit("/", 1)[1]
            with _pg_admin() as conn:
                conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("resilience-static")
    collect_static(production_env(workdir, "sqlite://", 0), workdir)
    return workdir / "static"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request, tmp_path_factory, static_root):
    engine = request.param
    workdir = tmp_path_factory.mktemp(f"resilience-{engine}")
    databases = []
    if engine == "postgresql":
        if not _pg_available():
            if os.environ.get("CI") == "true":
                pytest.fail(f"PostgreSQL does not answer at {PG_BASE} (required in CI)")
            pytest.skip(f"PostgreSQL does not answer at {PG_BASE}")
        database_url = _create_pg_database(f"fi_resilience_site_{os.getpid()}")
        databases.append(database_url.rsplit("/", 1)[1])
        extra = {}
    else:
        database_url = f"sqlite:///{workdir / 'var' / 'db.sqlite3'}"
        extra = {"DJANGO_CONN_MAX_AGE": "0"}  # see the module's docstring
    env = production_env(workdir, database_url, _free_port(), DJANGO_STATIC_ROOT=str(static_root), **extra)
    server = start_server(workdir, env, ready_path="/readyz")
    yield {**server, "engine": engine, "database_url": database_url, "databases": databases}
    stop_server(server)
    for name in databases:
        _drop_pg_database(name)


def _answers(url, status):
    try:
        return fetch(url, HTTPS)[0] == status
    except OSError:
        return False


# --- The database goes away and comes back ---------------------------------------------------------


def test_a_database_outage_gives_a_branded_503_in_the_visitors_language_then_the_site_recovers(site):
    url = site["url"]
    assert fetch(url + "/en/", HTTPS)[0] == 200
    outage = Outage(site["engine"], site["database_url"])
    outage.begin()
    try:
        for attempt in range(3):  # every worker and thread meets the outage, not only the first
            for path, lang, heading in (
                (f"/?outage={attempt}", "sv", "Webbplatsen tar en kort paus"),
                (f"/en/?outage={attempt}", "en", "The site is taking a short break"),
                (f"/en/about-focus-industry/?outage={attempt}", "en", "The site is taking a short break"),
                (f"/om-focus-industry/?outage={attempt}", "sv", "Webbplatsen tar en kort paus"),
            ):
                status, headers, body = fetch(url + path, HTTPS)
                assert status == 503, (path, body[:500])
                page = body.decode()
                assert f'<html lang="{lang}">' in page
                assert heading in page and "Focus Industry" in page
                assert headers["Retry-After"] == RETRY_AFTER
                assert "no-store" in headers["Cache-Control"]
                assert "Set-Cookie" not in headers
        status, headers, body = fetch(url + "/readyz", HTTPS)
        assert status == 503
        assert json.loads(body)["database"] == "unavailable"
        assert "no-store" in headers["Cache-Control"]
        assert fetch(url + "/healthz", HTTPS)[0] == 200  # the process itself is fine
        # compose's check (/readyz) turns unhealthy; the image's liveness check (/healthz) does not.
        healthcheck = [sys.executable, str(ROOT / "bin" / "healthcheck")]
        assert subprocess.run([*healthcheck, "/readyz"], env=site["env"], capture_output=True).returncode == 1
        assert subprocess.run(healthcheck, env=site["env"], capture_output=True).returncode == 0
    finally:
        outage.end()
    # Back: no restart, the next requests are served again.
    wait_for(lambda: _answers(url + "/en/?outage=over", 200), "the site to recover after the database came back", 15)
    for _ in range(8):  # every worker recovers, whichever answers
        assert fetch(url + "/?outage=over", HTTPS)[0] == 200
        assert fetch(url + "/readyz", HTTPS)[0] == 200
    log = site["log"].read_text()
    assert "Database unavailable" in log
    assert "Traceback" not in log, "an outage is a warning line, not a stack trace per request"


# --- Backup and restore ----------------------------------------------------------------------------

INVENTORY = """
import hashlib, json
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
pages = sorted(
    [p.id, p.content_type.model, p.url_path, p.title_sv, p.title_en, p.live]
    for p in Page.objects.select_related("content_type")
)
files = {}
for model in (get_document_model(), get_image_model()):
    for item in model.objects.order_by("pk"):
        with item.file.open("rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        files[f"{model.__name__}:{item.pk}:{item.title}:{item.file.name}"] = digest
print("INVENTORY " + json.dumps({"pages": pages, "files": files}))
"""


def _manage(env, *args, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def _inventory(env):
    output = _manage(env, "shell", "-c", INVENTORY).stdout
    return json.loads(next(line for line in output.splitlines() if line.startswith("INVENTORY ")).split(" ", 1)[1])


def _empty_database(site, tmp_path):
    if site["engine"] == "sqlite":
        return f"sqlite:///{tmp_path / 'restored' / 'db.sqlite3'}"
    url = _create_pg_database(f"fi_resilience_restored_{os.getpid()}")
    site["databases"].append(url.rsplit("/", 1)[1])
    return url


def test_a_backup_restores_into_an_empty_database_with_every_page_and_file(site, tmp_path):
    backups = tmp_path / "backups"
    result = subprocess.run(
        [str(ROOT / "bin" / "backup"), "--output-dir", str(backups)],
        env=site["env"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (archive,) = backups.glob("focus-industry-*.tar.gz")
    assert f"Backup written: {archive}" in result.stdout
    assert archive.stat().st_mode & 0o077 == 0, "the archive holds password hashes: owner only"

    original = _inventory(site["env"])
    kinds = {page[1] for page in original["pages"]}
    assert {"storypage", "initiativepage", "resourcepage", "homepage", "standardpage"} <= kinds
    assert any(key.startswith("Document:") for key in original["files"])
    assert any(key.startswith("Image:") for key in original["files"])

    restored_env = {
        **site["env"],
        "DATABASE_URL": _empty_database(site, tmp_path),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "restored" / "media"),
        "FOCUS_VAR_DIR": str(tmp_path / "restored"),
    }
    result = subprocess.run(
        [str(ROOT / "bin" / "restore"), str(archive)], env=restored_env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Restored from {archive}" in result.stdout
    restored = _inventory(restored_env)
    assert restored["pages"] == original["pages"]
    assert restored["files"] == original["files"]
    # The restored database is complete and migrated: nothing left for migrate to do.
    assert "No migrations to apply" in _manage(restored_env, "migrate", "--noinput").stdout

    # A second restore into the now filled database is refused, naming the way out.
    result = subprocess.run(
        [str(ROOT / "bin" / "restore"), str(archive)], env=restored_env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    assert "is not empty" in result.stderr and "--force" in result.stderr
    # …and goes through with --force, leaving the same content and no page cached before it.
    _manage(restored_env, "shell", "-c", "from django.core.cache import caches; caches['pagecache'].set('old', 1)")
    result = subprocess.run(
        [str(ROOT / "bin" / "restore"), str(archive), "--force"],
        env=restored_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _inventory(restored_env)["pages"] == original["pages"]
    kept = _manage(
        restored_env, "shell", "-c", "from django.core.cache import caches; print(caches['pagecache'].get('old'))"
    )
    assert kept.stdout.strip().endswith("None")


def test_restore_refuses_an_archive_that_is_not_a_backup(site, tmp_path):
    bogus = tmp_path / "focus-industry-bogus.tar.gz"
    subprocess.run(["tar", "-czf", str(bogus), "-C", str(ROOT), "README.md"], check=True)
    result = subprocess.run(
        [str(ROOT / "bin" / "restore"), str(bogus)], env=site["env"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "not a Focus Industry backup" in result.stderr
