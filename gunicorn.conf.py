"""Gunicorn settings for production and the container image (read by bin/start).

Every value comes from the environment with a default fit for one small container; the table in
docs/operations.md lists them. Gunicorn reads this file with `-c gunicorn.conf.py`.
"""

import os

from gunicorn.glogging import Logger


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _cores():
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may use (honours cpusets)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- Where to listen --------------------------------------------------------------------------
# GUNICORN_BIND wins (e.g. "unix:/run/focus/gunicorn.sock"); otherwise HOST:PORT.
bind = [os.environ.get("GUNICORN_BIND") or f"{os.environ.get('HOST', '0.0.0.0')}:{_int('PORT', 8000)}"]  # noqa: S104

# --- Workers ----------------------------------------------------------------------------------
# 2 × cores + 1 processes, at most 8 (each Wagtail worker holds 100-200 MB), each with a few threads
# so that a slow client or a slow upload does not block a whole process.
workers = _int("GUNICORN_WORKERS", min(2 * _cores() + 1, 8))
threads = _int("GUNICORN_THREADS", 2)
worker_class = "gthread"
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then so a slow leak can never grow without bound; the jitter keeps them
# from all restarting at the same moment. Not every 1,000 requests: measured with `make bench`, a
# worker recycled that often (every second or two under load) cut cached pages from ~1,600 to ~600
# requests per second. 50,000 is a few minutes of full load, hours of normal traffic.
max_requests = _int("GUNICORN_MAX_REQUESTS", 50000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 5000)
# Import the application once, in the master, and fork the workers from it: a new or recycled worker
# is ready in milliseconds and shares the loaded code, instead of importing Django and Wagtail again
# (seconds of CPU, while it competes with the other workers for the same cores). Code changes then
# need a restart, not a HUP: the image is replaced on deploy anyway.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1").strip().lower() not in {"0", "false", "no", "off"}


def pre_fork(server, worker):
    """No database connection may be shared by the forked workers (none is opened at import today)."""
    from django.db import connections

    connections.close_all()


if os.path.isdir("/dev/shm"):  # noqa: S108 - heartbeat files in memory, not on a (possibly slow) overlay disk
    worker_tmp_dir = "/dev/shm"  # noqa: S108

# --- Slow clients -----------------------------------------------------------------------------
# gunicorn must sit behind a proxy that buffers whole requests (HAProxy `option http-buffer-request`,
# Varnish `std.cache_req_body`, nginx by default; deploy/): a thread reading a request is held for as
# long as its client takes to send it, so a few clients trickling bodies would hold every thread.
# Without such a proxy, a client that sends nothing for GUNICORN_CLIENT_TIMEOUT seconds while its
# request body is read is cut off (the site answers 400) instead of holding a thread for ever.
_client_timeout = float(os.environ.get("GUNICORN_CLIENT_TIMEOUT", "").strip() or 10)


def pre_request(worker, req):
    """Bounds every wait for the client while its body is read (headers are in by now)."""
    sock = getattr(req.unreader, "sock", None)
    if sock is not None:
        sock.settimeout(_client_timeout)


# --- Proxy ------------------------------------------------------------------------------------
# Addresses of the reverse proxy whose X-Forwarded-* headers gunicorn believes (comma-separated,
# "*" for any: only when the app port is reachable from the proxy alone). Django decides HTTPS
# from X-Forwarded-Proto itself (SECURE_PROXY_SSL_HEADER in settings/production.py).
forwarded_allow_ips = (
    os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS") or os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"
)

# --- Control socket ---------------------------------------------------------------------------
# Gunicorn 25.1+ opens a control socket in $XDG_RUNTIME_DIR or ~/.gunicorn by default. The image's
# user has no writable home and nothing here uses `gunicornc`: off (the CLI's --no-control-socket).
control_socket_disable = True

# --- Logs -------------------------------------------------------------------------------------
# The application logs every request itself, as JSON with its request id (focus_industry/web/request_log.py),
# so gunicorn's access log is off unless GUNICORN_ACCESS_LOG names a destination ("-" for stdout).
# Gunicorn's own messages (start, workers, timeouts) go to stderr, as JSON objects too unless
# DJANGO_LOG_FORMAT=plain: one format for whatever collects the container's output.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "").strip() or None


class AccessLogOnlyWhenAsked(Logger):
    """gunicorn's logger, minus the access record it builds for every request (and then drops) whenever
    a logging configuration is given, as below: the site logs each request itself (request_log.py)."""

    def access(self, resp, req, environ, request_time):
        if self.cfg.accesslog:
            super().access(resp, req, environ, request_time)


logger_class = AccessLogOnlyWhenAsked
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s" %({x-request-id}o)s'
capture_output = False
proc_name = "focus-industry"

if os.environ.get("DJANGO_LOG_FORMAT", "json").strip().lower() == "json":
    _json = {
        "class": "logging.StreamHandler",
        "formatter": "json",
    }
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "root": {"level": "WARNING", "handlers": []},
        "loggers": {
            "gunicorn.error": {"level": loglevel.upper(), "handlers": ["error_console"], "propagate": False},
            "gunicorn.access": {
                "level": "INFO" if accesslog else "CRITICAL",
                "handlers": ["console"] if accesslog else [],
                "propagate": False,
            },
        },
        "handlers": {
            "console": {**_json, "stream": "ext://sys.stdout"}
            if accesslog in (None, "-")
            else {**_json, "class": "logging.FileHandler", "filename": accesslog},
            "error_console": {**_json, "stream": "ext://sys.stderr"},
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger", "process": "pid"},
                "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            }
        },
    }
