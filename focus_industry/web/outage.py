"""When the database cannot be reached, visitors get a branded 503 in their language, not a 500.

Nothing is kept between requests: Django closes a broken connection at the end of the request and
checks a persistent one before reusing it (`CONN_HEALTH_CHECKS`), so the site recovers by itself as
soon as the database answers again. The page and the list of errors live in `views.py`, beside the
other error pages (handler500 gives the same 503 for an outage met in a middleware).
"""

from .views import database_unavailable, is_database_unavailable


class DatabaseUnavailableMiddleware:
    """Turns a view's database outage into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return database_unavailable(request, exception)
        return None
