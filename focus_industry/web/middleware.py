"""Public pages get their Wagtail site from the kept values (fragments.py). (The admin's headers:
http_headers.PublicHeadersMiddleware.)"""

from django.db import DatabaseError

from wagtail.models import Site

from focus_industry.web import fragments
from focus_industry.web.page_cache import is_public_path


class KeptSiteMiddleware:
    """The request's Wagtail site, its home page already in its own type, from the kept values.

    Wagtail looks the site up (one query) and loads the home page's own fields (another) on every
    request; both change only when content does, so they are kept like fragments (fragments.py: per
    process, dropped at every purge). Wagtail uses whatever `request._wagtail_site` holds. Not for
    the admin, documents or media: only the public pages the page cache deals with.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_public_path(request.path) and fragments.is_enabled(request):
            try:
                site = fragments.kept(request, "site", [], lambda: _site_with_home(request))
            except DatabaseError:
                # The database is away: the view meets it too, and outage.py answers with the 503 page
                # (an error raised here, in a middleware, would be logged as a crash first).
                site = None
            if site is not None:
                request._wagtail_site = site
            with fragments.serving(request):
                return self.get_response(request)
        return self.get_response(request)


def _site_with_home(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018  (fetched now, so it is kept with the site)
    return site
