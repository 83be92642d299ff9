"""One log record per request, with a request id that every other log line of the request carries.

`RequestLogMiddleware` is the site's access log (gunicorn's own access log is off by default, so a
request is logged once): it takes the request id from a sane `X-Request-ID` header (set by the proxy)
or makes one, echoes it in the response, times the request and logs method, path, status and
duration in milliseconds to the `focus_industry.requests` logger. `/healthz` and `/readyz` are
logged at DEBUG: a load balancer asks them every few seconds.

`RequestIdFilter` puts the id of the request being served into every log record (`request_id`), so
that an application's warning can be found next to its request. The formatters are in the
`# --- Logging ---` block of settings/base.py (JSON, or plain text with `DJANGO_LOG_FORMAT=plain`).
"""

import contextvars
import logging
import os
import re
import time

logger = logging.getLogger("focus_industry.requests")

REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy or a client may hand us: uuids, hex, HAProxy's unique-id and the like. Anything else
# (too long, spaces, quotes, control characters) is replaced rather than written into the logs.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+=/-]{0,127}")
QUIET_PATHS = frozenset({"/healthz", "/readyz"})

_current_request_id = contextvars.ContextVar("request_id", default=None)


def request_id_from(value):
    """The caller's id when it is sane, otherwise a new one."""
    if value and SANE_REQUEST_ID.fullmatch(value):
        return value
    return os.urandom(16).hex()  # as random as uuid4().hex, without building a UUID


class RequestIdFilter(logging.Filter):
    """Adds `request_id` (or None outside a request) to every record that passes the handler."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = _current_request_id.get()
        return True


class RequestLogMiddleware:
    """The outermost middleware: it times everything, the static files and the error pages included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        token = _current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            level = logging.DEBUG if request.path in QUIET_PATHS else logging.INFO
            if logger.isEnabledFor(level):
                logger.log(
                    level,
                    "%s %s %s %sms",
                    request.method,
                    request.path,
                    response.status_code,
                    duration_ms,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "query": request.META.get("QUERY_STRING", "")[:500],
                        "status": response.status_code,
                        "duration_ms": duration_ms,
                    },
                )
            return response
        finally:
            _current_request_id.reset(token)
