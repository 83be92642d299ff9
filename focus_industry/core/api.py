"""The read-only API: Wagtail API v2 at /api/v2/, public stories, initiatives and toolbox resources.

- Which page types: the ones the apps register for search (`register_search_result_type`), so the core
  names no app. Every other page, and every page under a view restriction (internal resources), is
  never listed, found or shown, whoever asks: the API serves the public site's content only.
- Language: `?lang=sv` (default) or `?lang=en`. Translated fields (title, slug, lead …) and page
  addresses come in that language; a missing English text falls back to Swedish, as on the site.
- Only pages: no images or documents endpoint (internal documents live in a private collection).
- Bad parameters get a 400 with a message, never a 500. Search terms are cleaned like the search page's.
  Whole numbers a database column cannot hold (ids, filters, an offset past MAX_OFFSET) are refused
  before they reach a query (PostgreSQL would fail with "bigint out of range").
- CORS: any origin may GET (django-cors-headers, limited to /api/ in settings); nothing else is allowed.
"""

from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from focus_industry.search.types import content_type_id, registered_types
from focus_industry.search.views import MAX_QUERY_LENGTH, clean_query

LANGUAGE_PARAMETER = "lang"
BIGINT_MAX = 2**63 - 1  # the largest id any column holds (BigAutoField)
MAX_OFFSET = 1_000_000  # far past any listing's end; offset + limit stays a small number


def _whole_number(value):
    """The whole number a parameter spells (None if it is not one); too many digits for Python: too big."""
    text = value.strip()
    if not text.removeprefix("-").isdigit():
        return None
    try:
        return int(text)
    except ValueError:
        return BIGINT_MAX + 1


class BoundedPagination(WagtailPagination):
    """Wagtail's offset/limit paging with an upper bound on the offset."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = _whole_number(request.GET.get("offset", "0"))
        if offset is not None and offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]  # no browsable HTML pages (they would want a session and CSRF cookie)
    pagination_class = BoundedPagination
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
        for name, value in request.GET.items():
            number = _whole_number(value)
            if number is not None and abs(number) > BIGINT_MAX:
                raise BadRequestError(f"{name} is out of range")
        if "pk" in kwargs and not 0 < (_whole_number(str(kwargs["pk"])) or 0) <= BIGINT_MAX:
            raise NotFound()
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")  # Wagtail would answer 500
        if "search" in request.GET:
            raw = request.GET["search"]
            if len(raw) > MAX_QUERY_LENGTH:
                raise BadRequestError(f"search may have at most {MAX_QUERY_LENGTH} characters")
            params = request._request.GET.copy()
            params["search"] = " ".join(clean_query(raw))
            request._request.GET = params

    def listing_view(self, request):
        try:
            return super().listing_view(request)
        except ValidationError as error:  # a filter value the field cannot read (a date, a number)
            raise BadRequestError("; ".join(error.messages)) from error

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
