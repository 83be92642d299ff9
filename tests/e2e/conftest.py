"""Browser tests: a real server process on its own fresh database, driven by Debian's Chromium.

The demo site is built once per session with the project's own commands (migrate, demo content) on a
SQLite file in a temporary folder; each server (gunicorn) runs on a copy of its own, so browser tests
never share the pytest-django test database nor what another server's tests changed. Screenshots go
to test-artifacts/screenshots/.
"""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.browser


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chromium_available():
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def e2e_server(tmp_path_factory, _demo_sqlite):
    """Base URL of a gunicorn server with the demo site; yields (url, env, accounts)."""
    yield from _serve(tmp_path_factory, demo=_demo_sqlite)


@pytest.fixture(scope="session")
def e2e_server_paged(tmp_path_factory, _demo_sqlite):
    """A second demo server with generated stories on top (`--scale 14`), so listings have a page 2.

    Separate from `e2e_server`, whose tests count the six demo stories.
    """
    yield from _serve(tmp_path_factory, "--scale", "14", demo=_demo_sqlite)


def require_chromium():
    if not chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing (make install installs it).")
        pytest.skip(f"No Chromium at {CHROMIUM}: install Debian's chromium to run browser tests.")


def _server_env(workdir, database_url=None):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "focus_industry.settings.e2e",
        "FOCUS_VAR_DIR": str(workdir),
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'e2e.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
    }


def _build_demo(env, *demo_args):
    """migrate, the translated columns, the demo content with its logins and the test film, as `make run`
    does: the logins and TOTP keys the loader printed."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], check=True, env=env, cwd=ROOT)
    subprocess.run([*manage, "update_translation_fields"], check=True, env=env, cwd=ROOT, capture_output=True)
    result = subprocess.run(
        [*manage, "load_demo_content", "--accounts", *demo_args],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    # The demo has no film (no real address is known): the player's tests get a test film (tests/films.py).
    subprocess.run(
        [*manage, "shell", "-c", "from tests.films import add_test_film; add_test_film()"],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    accounts, totp_keys = {}, {}
    for line in result.stdout.splitlines():
        if "demo login created:" in line:
            username, password = line.split("demo login created:")[1].strip().split(" / ")
            accounts[username] = password
        elif "demo 2FA key created:" in line:
            username, key = line.split("demo 2FA key created:")[1].split("(")[0].strip().split(" / ")
            totp_keys[username] = key
    return accounts, totp_keys


@pytest.fixture(scope="session")
def _demo_sqlite(tmp_path_factory):
    """The demo site on SQLite, built once per session; each server gets a copy of its own (database and
    files), so servers still never share what their tests change."""
    require_chromium()
    workdir = tmp_path_factory.mktemp("e2e-demo")
    accounts, totp_keys = _build_demo(_server_env(workdir))
    return {"workdir": workdir, "accounts": accounts, "totp_keys": totp_keys}


def _copy_demo(demo, workdir):
    source, copy = sqlite3.connect(demo["workdir"] / "e2e.sqlite3"), sqlite3.connect(workdir / "e2e.sqlite3")
    try:
        source.backup(copy)  # consistent whatever the source's journal holds
    finally:
        source.close()
        copy.close()
    shutil.copytree(demo["workdir"] / "media", workdir / "media")


def _serve(tmp_path_factory, *demo_args, database_url=None, demo=None):
    """Starts gunicorn on a copy of the session's demo database (`demo`, the `_demo_sqlite` fixture), with
    `load_demo_content *demo_args` run on it when given; or, with `database_url` (an empty database the
    caller made), on the demo built there."""
    require_chromium()
    workdir = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    env = _server_env(workdir, database_url)
    if database_url is None:
        _copy_demo(demo, workdir)
        accounts, totp_keys = demo["accounts"], demo["totp_keys"]
        if demo_args:
            load = [sys.executable, str(ROOT / "manage.py"), "load_demo_content", *demo_args]
            subprocess.run(load, check=True, env=env, cwd=ROOT, capture_output=True)
    else:
        accounts, totp_keys = _build_demo(env, *demo_args)
    log = open(workdir / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "focus_industry.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--no-control-socket",
            "--timeout",
            "60",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.close()
                raise RuntimeError("The e2e server did not start:\n" + (workdir / "server.log").read_text()) from None
            time.sleep(0.3)
    yield {"url": url, "env": env, "accounts": accounts, "totp_keys": totp_keys, "workdir": workdir}
    server.terminate()
    try:  # gunicorn lets its workers finish (graceful timeout 30 s), slower on a busy machine
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


def server_shell(server, code):
    """The last line `manage.py shell -c code` prints, run against `server`'s database."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env=server["env"], cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """new_page(width=1280) -> a fresh page in its own context (no shared cookies)."""
    contexts = []

    def make(width=1280, height=900, **kwargs):
        context = browser.new_context(viewport={"width": width, "height": height}, **kwargs)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


_LAST_TOTP_STEP = {}


def totp_code(key):
    """The code an authenticator app shows for `key` (base32), never one already used in this run:
    django-otp refuses a code twice, so a second sign-in within 30 seconds takes the next step's code
    (accepted: one step of clock drift is allowed) or waits for it."""
    import base64

    from django_otp.oath import hotp

    while True:
        now = int(time.time()) // 30
        step = max(now, _LAST_TOTP_STEP.get(key, -1) + 1)
        if step <= now + 1:
            break
        time.sleep(1)
    _LAST_TOTP_STEP[key] = step
    return f"{hotp(base64.b32decode(key), step):06d}"


def admin_log_in(page, e2e_server, username):
    """Signs in through Wagtail's login page, and through the two-step verification page when asked."""
    base = e2e_server["url"]
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", e2e_server["accounts"][username])
    page.locator("form.login-form button[type=submit]").first.click()
    page.wait_for_load_state()
    if "/admin/2fa/verify/" in page.url:
        page.fill("#id_code", totp_code(e2e_server["totp_keys"][username]))
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_load_state()
