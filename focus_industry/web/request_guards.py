"""Turn hostile or malformed requests into a clear 4xx before any view or database sees them."""

from django.http import HttpResponseNotAllowed

from focus_industry.prefixes import ADMIN_PREFIX

from .views import bad_request

# Public pages are read with GET/HEAD; forms (and the admin) POST; OPTIONS is harmless.
ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


def _has_control_characters(value):
    return "\x00" in value


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS and not request.path.startswith(ADMIN_PREFIX):
            response = HttpResponseNotAllowed(ALLOWED_METHODS)
            response.content = b"Method not allowed / Metoden stods inte"
            response["Content-Type"] = "text/plain; charset=utf-8"
            return response
        if _has_control_characters(request.path) or any(
            _has_control_characters(key) or any(_has_control_characters(v) for v in values)
            for key, values in request.GET.lists()
        ):
            return bad_request(request)
        return self.get_response(request)
