import logging

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def language_from_path(path):
    """The language of a URL, decided from its prefix alone (no database, no cookies)."""
    return "en" if path == "/en" or path.startswith("/en/") else "sv"


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


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
    return _standalone_error(
        request,
        500,
        gettext_noop("Something went wrong"),
        gettext_noop(
            "An error on our side stopped the page from loading. Nothing you did caused it. "
            "Please try again in a moment."
        ),
    )
