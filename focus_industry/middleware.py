"""Admin responses are never indexed and never cached (by browsers, proxies or our own page cache)."""

from django.utils.cache import add_never_cache_headers

ADMIN_PREFIX = "/admin/"


class AdminNoIndexNoCacheMiddleware:
    """Adds `X-Robots-Tag: noindex, nofollow` and `Cache-Control: no-store, private` under /admin/."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            response["X-Robots-Tag"] = "noindex, nofollow"
            add_never_cache_headers(response)
            response["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
        return response
