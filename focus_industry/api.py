"""The read-only API: Wagtail API v2 at /api/v2/, public stories, initiatives and toolbox resources.

- Which page types: the ones the apps register for search (`register_search_result_type`), so the core
  names no app. Every other page, and every page under a view restriction (internal resources), is
  never listed, found or shown, whoever asks: the API serves the public site's content only.
- Language: `?lang=sv` (default) or `?lang=en`. Translated fields (title, slug, lead …) and page
  addresses come in that language; a missing English text falls back to Swedish, as on the site.
- Only pages: no images or documents endpoint (internal documents live in a private collection).
- Bad parameters get a 400 with a message, never a 500. Search terms are cleaned like the search page's.
- CORS: any origin may GET (django-cors-headers, limited to /api/ in settings); nothing else is allowed.
"""

from rest_framework.renderers import JSONRenderer

from django.conf import settings
from django.utils import translation

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from .search.types import content_type_id, registered_types
from .search.views import MAX_QUERY_LENGTH, clean_query

LANGUAGE_PARAMETER = "lang"


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]  # no browsable HTML pages (they would want a session and CSRF cookie)
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union([LANGUAGE_PARAMETER]) - {
        "site",
        "locale",
        "translation_of",
    }
    find_query_parameters = PagesAPIViewSet.find_query_parameters.union([LANGUAGE_PARAMETER])
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "search_description"]

    def dispatch(self, request, *args, **kwargs):
        with translation.override(translation.get_language()):  # whatever initial() activates ends here
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        language = request.GET.get(LANGUAGE_PARAMETER) or settings.LANGUAGE_CODE
        if language not in dict(settings.LANGUAGES):
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            raise BadRequestError(f"lang must be one of: {codes}")
        translation.activate(language)
        request._request.LANGUAGE_CODE = language
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")  # Wagtail would answer 500
        if "search" in request.GET:
            raw = request.GET["search"]
            if len(raw) > MAX_QUERY_LENGTH:
                raise BadRequestError(f"search may have at most {MAX_QUERY_LENGTH} characters")
            params = request._request.GET.copy()
            params["search"] = " ".join(clean_query(raw))
            request._request.GET = params

    @staticmethod
    def public_content_type_ids():
        return [content_type_id(result_type) for result_type in registered_types() if result_type.model is not None]

    def get_base_queryset(self):
        """Live, public pages of the registered types on this site: nothing restricted, for anyone."""
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        return (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .filter(content_type_id__in=self.public_content_type_ids())
        )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
