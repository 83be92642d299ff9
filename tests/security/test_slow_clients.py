"""Threat: clients that send their request slowly, or say they came over HTTPS when they did not.

Gunicorn's threads are few (two workers with two threads here): a client that trickles a POST body holds
one for as long as it likes, so a dozen of them would leave /healthz and every visitor waiting. The proxy
in front buffers whole requests (HAProxy `option http-buffer-request`, `timeout http-request`) and gunicorn
cuts off a client that stalls while its body is read (gunicorn.conf.py). The proxy also decides
X-Forwarded-Proto, which Django believes: a client's own "https" over plain HTTP must not make a request
secure (production redirects plain HTTP to HTTPS, so a secure-looking request is one that is not
redirected).

Run against the real programs: gunicorn through bin/start under production settings, and Debian's HAProxy
with the shipped deploy/haproxy/haproxy.cfg and the scale-out tests' configuration (tests/scaleout/infra.py).
A visitor who is not the TLS-ending proxy in front comes from 127.0.0.2 (loopback too).
"""

import http.client
import re
import socket
import threading
from pathlib import Path

import pytest

from tests.scaleout import infra
from tests.test_operations import ROOT, _free_port, production_env, start_server, stop_server
from tests.test_resilience import static_root  # noqa: F401 - a fixture used here

TRICKLERS = 12
VISITOR = "127.0.0.2"  # not the proxy in front that ends TLS (127.0.0.1)
# A form POST as a browser sends it over HTTPS (its origin, its CSRF cookie), so that the site reads its
# body before answering; the body never comes in full.
POST_HEAD = (
    b"POST /en/search/ HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\nOrigin: https://localhost\r\n"
    b"Cookie: csrftoken=" + b"c" * 32 + b"\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    b"Content-Length: 1000\r\n\r\nq="
)


@pytest.fixture(scope="module")
def app(tmp_path_factory, static_root):  # noqa: F811 - the fixture imported above
    workdir = tmp_path_factory.mktemp("slow-clients")
    env = production_env(
        workdir,
        f"sqlite:///{workdir / 'var' / 'db.sqlite3'}",
        _free_port(),
        DJANGO_STATIC_ROOT=str(static_root),
        GUNICORN_CLIENT_TIMEOUT="2",
        GUNICORN_ACCESS_LOG="-",
    )
    server = start_server(workdir, env)
    yield {**server, "port": int(env["PORT"])}
    stop_server(server)


def deploy_haproxy_cfg(port, app_port):
    """deploy/haproxy/haproxy.cfg as shipped, pointed at this machine instead of Docker's network."""
    config = (ROOT / "deploy" / "haproxy" / "haproxy.cfg").read_text()
    replacements = [
        ("bind :8080", f"bind 127.0.0.1:{port}"),
        (" resolvers docker init-addr none", ""),
        ("server-template app 10 app:8000 check", f"server app 127.0.0.1:{app_port} check"),
    ]
    for old, new in replacements:
        assert old in config, old
        config = config.replace(old, new)
    return re.sub(r"\nresolvers docker\n(    .*\n)+", "\n", config)


@pytest.fixture(scope="module", params=["deploy/haproxy/haproxy.cfg", "tests/scaleout/infra.py"])
def proxy(request, app, tmp_path_factory):
    if not infra.tool("haproxy"):
        infra.require(False, "HAProxy is missing (bin/install-scaleout-tools installs Debian's haproxy)")
    workdir = tmp_path_factory.mktemp("haproxy")
    if request.param.startswith("deploy/"):
        port = _free_port()
        config = workdir / "deploy.cfg"
        config.write_text(deploy_haproxy_cfg(port, app["port"]))
        process = infra.Process("haproxy-deploy", [infra.tool("haproxy"), "-db", "-f", str(config)], workdir)
        process.url = f"http://127.0.0.1:{port}"
        process.wait_until(
            lambda: infra.fetch(process.url + "/healthz", infra.HTTPS_HEADERS, timeout=3).status == 200,
            "pass requests on",
        )
    else:
        process = infra.start_haproxy(workdir, [("app", app["port"])], "/healthz")
    process.port = int(process.url.rsplit(":", 1)[1])
    yield process
    process.stop()


def get(port, path, headers=None, source="127.0.0.1", timeout=15):
    """(status, headers) of a GET from `source`; the wait for the answer is bounded by `timeout`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    try:
        connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        response.read()
        return response.status, response.headers
    finally:
        connection.close()


class Tricklers:
    """TRICKLERS connections, each sending a POST's headers and then its body a byte at a time."""

    def __init__(self, port, every=0.5):
        self.port, self.every, self.stop = port, every, threading.Event()
        self.sockets, self.threads = [], []

    def _trickle(self, sock):
        try:
            for _ in range(200):  # bounded: 100 s at most
                if self.stop.wait(self.every):  # the pace of a slow client, ended by the test
                    return
                sock.sendall(b"a")
        except OSError:  # cut off: what a proxy or gunicorn may do to it
            return

    def __enter__(self):
        for _ in range(TRICKLERS):
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
            sock.sendall(POST_HEAD)
            self.sockets.append(sock)
            self.threads.append(threading.Thread(target=self._trickle, args=(sock,)))
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=10)
        for sock in self.sockets:
            sock.close()


@pytest.mark.scaleout
def test_clients_trickling_a_post_through_the_proxy_leave_healthz_answering(app, proxy):
    with Tricklers(proxy.port):
        for _ in range(4):  # whichever worker and thread answers
            assert get(proxy.port, "/healthz", {"X-Forwarded-Proto": "https"})[0] == 200
            assert get(app["port"], "/healthz", {"X-Forwarded-Proto": "https"})[0] == 200


def test_without_a_proxy_gunicorn_cuts_off_a_client_that_stalls_while_sending_its_body(app):
    stalled = []
    try:
        for _ in range(TRICKLERS):
            sock = socket.create_connection(("127.0.0.1", app["port"]), timeout=30)
            sock.sendall(POST_HEAD)
            stalled.append(sock)
        # Each stalled client gets an answer (or its connection closed) once GUNICORN_CLIENT_TIMEOUT passed.
        for sock in stalled:
            answer = sock.recv(64)  # bounded by the socket's 30 s timeout
            assert answer == b"" or answer.startswith(b"HTTP/1.1 4"), answer
        assert get(app["port"], "/healthz", {"X-Forwarded-Proto": "https"})[0] == 200
    finally:
        for sock in stalled:
            sock.close()
    assert "Traceback" not in Path(app["log"]).read_text()


@pytest.mark.scaleout
def test_a_visitors_own_x_forwarded_proto_does_not_make_plain_http_secure(app, proxy):
    spoofed = get(proxy.port, "/en/", {"X-Forwarded-Proto": "https"}, source=VISITOR)
    assert spoofed[0] == 301 and spoofed[1]["Location"].startswith("https://"), spoofed
    assert get(proxy.port, "/en/", source=VISITOR)[0] == 301
    # The TLS-ending proxy in front (127.0.0.1 here) is believed: its requests are served.
    assert get(proxy.port, "/en/", {"X-Forwarded-Proto": "https"})[0] == 200
