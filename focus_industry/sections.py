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

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from wagtail import hooks

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
    template first uses them: a page whose sections are a kept fragment (`{% fragment %}`) runs none
    of their queries.
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
    """The address of a one-of-a-kind page (a listing) in the current language, from the cache.

    Sections on the home page and on tagged pages link to a listing; looking its address up would
    cost a query on every page. The cache is cleared whenever a page of `model` is saved (publishing
    and unpublishing save too) or deleted.

        listing_url = CachedPageUrl(StoryIndexPage, "stories:listing-url")
        listing_url(request, "area=innovation")  # -> "/en/success-stories/?area=innovation"
    """

    def __init__(self, model, key, timeout=300):
        self.model, self.key, self.timeout = model, key, timeout
        for signal in (post_save, post_delete):
            signal.connect(self.clear, sender=model, weak=False, dispatch_uid=f"{key}:{signal is post_save}")

    def __call__(self, request, query=""):
        key = f"{self.key}:{translation.get_language()}"
        url = cache.get(key)
        if url is None:
            page = self.model.objects.live().first()
            url = (page.get_url(request=request) or "") if page else ""
            cache.set(key, url, self.timeout)
        return f"{url}?{query}" if url and query else url

    def clear(self, **kwargs):
        cache.delete_many([f"{self.key}:{code}" for code, _name in settings.LANGUAGES])
