import logging
import posixpath
import re
import sys
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.cache import never_cache
from django.views.static import serve

logger = logging.getLogger(__name__)

try:
    import psycopg
except ImportError:  # pragma: no cover - psycopg is a dependency; SQLite-only installs work without it
    DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
else:
    # Django wraps the driver's errors; the driver's own classes cover the few paths it does not wrap.
    DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError)


def language_from_path(path):
    """The language of a URL, decided from its prefix alone (no database, no cookies)."""
    return "en" if path == "/en" or path.startswith("/en/") else "sv"


# What /media/ may hand out: renditions only (what pages show). Originals (`original_images/`) are
# private, as in the bucket, and documents always go through Wagtail's serve view, which checks the
# collection's privacy. Stored names are plain ASCII (Wagtail and Django clean them on upload).
PUBLIC_MEDIA_FOLDERS = ("images/",)
_STORED_NAME = re.compile(r"[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*")


def public_media_name(path):
    """The stored name a /media/ request may be served, or None.

    Decided on the normalised path: a name is served only when it is already in its plain form
    (no `.`/`..` segments, empty segments, backslashes, percent signs left after Django decoded the
    URL once, NUL or characters outside ASCII, which includes the look-alike Unicode dots) and lies in
    a public folder. Anything else is not a file we publish, so the caller answers 404.
    """
    if not _STORED_NAME.fullmatch(path):
        return None
    normalised = posixpath.normpath(path)
    if normalised != path or not normalised.startswith(PUBLIC_MEDIA_FOLDERS):
        return None
    return normalised


def serve_document(request, document_id, document_filename):
    """Wagtail's document download (it checks the collection's privacy), with honest headers.

    Wagtail's sendfile writes `Content-Encoding: None` for every file whose type has no encoding, and
    one that does (a .gz) would make the browser unpack the file it should save. The stored name may
    carry the random suffix Django adds when a name is taken, so the saved file is named after the
    document's title instead.
    """
    from wagtail.documents import get_document_model
    from wagtail.documents.views.serve import serve as wagtail_serve

    response = wagtail_serve(request, document_id, document_filename)
    if "Content-Encoding" in response:
        del response["Content-Encoding"]
    if response.status_code == 200 and response.has_header("Content-Disposition"):
        title = get_document_model().objects.filter(pk=document_id).values_list("title", flat=True).first()
        stem, extension = posixpath.splitext(document_filename)
        name = f"{slugify(title or '') or stem}{extension.lower()}"
        attachment = response["Content-Disposition"].startswith("attachment")
        response["Content-Disposition"] = content_disposition_header(attachment, name)
    return response


def media(request, path):
    """Renditions from the local disk (a single server without a proxy).

    A rendition's name changes with its image file and its filter, so browsers may keep it for
    `FOCUS_MEDIA_MAX_AGE` (a day). Only `public_media_name` decides what is served: documents and
    originals never come through here, however the path is written.
    """
    name = public_media_name(path)
    if name is None:
        raise Http404("Not a public media file.")
    response = serve(request, name, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        patch_cache_control(response, public=True, max_age=settings.FOCUS_MEDIA_MAX_AGE)
    return response


@never_cache
def healthz(request):
    """The process is alive and serving: no database, no cache."""
    return JsonResponse({"status": "ok"})


_migrations_seen = {"pending": None, "at": float("-inf")}


def _migrations_pending():
    """Whether migrations on disk are not applied yet; the answer is reused for a few seconds."""
    now = time.monotonic()
    if now - _migrations_seen["at"] > settings.FOCUS_READYZ_MIGRATIONS_TTL:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        _migrations_seen["pending"] = bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
        _migrations_seen["at"] = now
    return _migrations_seen["pending"]


def _check_database():
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok", "pending" if _migrations_pending() else "ok"
    except DATABASE_UNAVAILABLE_ERRORS as error:
        logger.warning("readyz: database unavailable: %s", _first_line(error))
        return "unavailable", "unknown"


def _check_cache():
    """ "ok" when a value written to the cache reads back from it; "degraded" otherwise, also while this
    process leaves an unreachable Redis alone (cache_backends.ResilientRedisCache): slower, correct."""
    key, token = "focus:readyz", f"{time.monotonic_ns()}"
    try:
        cache.set(key, token, 10)
        if cache.get(key) == token and not getattr(cache, "is_away", bool)():
            return "ok"
    except Exception as error:  # any backend, any failure: the cache is optional
        logger.warning("readyz: cache unavailable: %s", _first_line(error))
    return "degraded"


@never_cache
def readyz(request):
    """Ready for traffic: the database answers and is migrated (else 503); the cache works or the
    site runs degraded without it (still 200)."""
    database, migrations = _check_database()
    cache_state = _check_cache()
    ready = database == "ok" and migrations == "ok"
    status = "unavailable" if not ready else "ok" if cache_state == "ok" else "degraded"
    return JsonResponse(
        {"status": status, "database": database, "migrations": migrations, "cache": cache_state},
        status=200 if ready else 503,
    )


def _first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def is_database_unavailable(exception):
    return isinstance(exception, DATABASE_UNAVAILABLE_ERRORS)


def database_unavailable(request, exception):
    """The branded 503 for a database outage: no database needed to render it, in the language of
    the URL, with Retry-After, never cached."""
    logger.warning("Database unavailable (%s): %s", type(exception).__name__, _first_line(exception))
    response = _standalone_error(
        request,
        503,
        gettext_noop("The site is taking a short break"),
        gettext_noop(
            "We cannot reach our database right now, so the page cannot be shown. "
            "Nothing is lost: please try again in a minute."
        ),
    )
    response["Retry-After"] = str(settings.FOCUS_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _error_page(request, template_name, status):
    language = language_from_path(request.path)
    with translation.override(language):
        return render(request, template_name, {"request_language": language}, status=status)


def _standalone_error(request, status, title, message):
    """An error page rendered without the database, context processors or request lookups.

    Used when the site may be down (500) or when the request itself cannot be trusted, such as
    a Host header outside ALLOWED_HOSTS: anything that calls request.get_host() would raise again.
    """
    language = language_from_path(request.path)
    try:
        with translation.override(language):
            html = loader.get_template("500.html").render(
                {"request_language": language, "code": status, "title": gettext(title), "message": gettext(message)}
            )
    except Exception:  # pragma: no cover - last resort
        logger.exception("The %s page could not be rendered", status)
        html = f"{status} / Focus Industry"
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        return _standalone_error(
            request,
            400,
            gettext_noop("Bad request"),
            gettext_noop(
                "We could not understand the address or the information that was sent. Check the address and try again."
            ),
        )
    return _error_page(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _error_page(request, "403.html", 403)


def page_not_found(request, exception=None):
    return _error_page(request, "404.html", 404)


def server_error(request):
    """Rendered without the database or context processors: the site may be down."""
    exception = sys.exc_info()[1]  # Django calls handler500 while handling the exception
    if is_database_unavailable(exception):
        return database_unavailable(request, exception)
    return _standalone_error(
        request,
        500,
        gettext_noop("Something went wrong"),
        gettext_noop(
            "An error on our side stopped the page from loading. Nothing you did caused it. "
            "Please try again in a moment."
        ),
    )
