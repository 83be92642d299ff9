"""How feature apps contribute content to core pages without the core importing them.

An app registers a function with a Wagtail hook:

    @hooks.register(HOME_SECTIONS)
    def latest_stories(request, page, **kwargs) -> Section | None: ...

    @hooks.register(TAGGED_SECTIONS)
    def stories_for(request, page, action_area=None, region=None, **kwargs) -> Section | None: ...

The core page collects the sections, drops empty ones and renders each with its own template.
Each function must run a bounded number of queries (one or two), whatever the amount of content.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.functional import SimpleLazyObject

from wagtail import hooks

from focus_industry.web.page_cache import cached

HOME_SECTIONS = "focus_industry_home_sections"
TAGGED_SECTIONS = "focus_industry_tagged_sections"
# `<link rel="alternate">`s for the home page's head (feeds): fn(request, page) -> [{"type", "title", "href"}]
HEAD_LINKS = "focus_industry_head_links"


@dataclass
class Section:
    key: str
    heading: str
    template: str
    items: list = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""
    order: int = 100
    extra: dict = field(default_factory=dict)


def collect_sections(hook_name, request, **kwargs):
    sections = []
    for contribute in hooks.get_hooks(hook_name):
        section = contribute(request, **kwargs)
        if section is not None and section.items:
            sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.key))


def lazy_sections(hook_name, request, skip=(), **kwargs):
    """The sections as collect_sections gives them (less the keys in `skip`), collected only when a
    template first uses them: a page whose sections come from the fragment cache (`{% wagtailcache %}`)
    runs none of their queries.
    """
    return SimpleLazyObject(
        lambda: [section for section in collect_sections(hook_name, request, **kwargs) if section.key not in skip]
    )


def head_links(request, **kwargs):
    """Every app's alternate links for a core page's head (no query: apps use cached addresses)."""
    return [link for contribute in hooks.get_hooks(HEAD_LINKS) for link in contribute(request, **kwargs)]


def tagged_filter(action_area=None, region=None):
    """("area"|"region", the taxonomy item) for a TAGGED_SECTIONS call, or (None, None).

    An action area wins over a region, as on an action area page that also knows its region.
    """
    if action_area is not None:
        return "area", action_area
    if region is not None:
        return "region", region
    return None, None


class CachedPageUrl:
    """The address of a one-of-a-kind page (a listing) in the current language, cached under the content
    version (page_cache.cached: publishing, moving or unpublishing a page purges).

    Sections on the home page and on tagged pages link to a listing; looking its address up would
    cost a query on every page.

        listing_url = CachedPageUrl(StoryIndexPage, "stories:listing-url")
        listing_url(request, "area=innovation")  # -> "/en/success-stories/?area=innovation"
    """

    def __init__(self, model, key):
        self.model, self.key = model, key

    def __call__(self, request, query=""):
        url = cached(self.key, [translation.get_language()], lambda: self._url(request), request=request)
        return f"{url}?{query}" if url and query else url

    def _url(self, request):
        page = self.model.objects.live().first()
        return (page.get_url(request=request) or "") if page else ""
