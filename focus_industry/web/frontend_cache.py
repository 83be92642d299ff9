"""Purge the edge cache (Varnish, a CDN) when a page is published or unpublished, in both languages.

Wagtail's frontend cache app purges `page.get_full_url()` in the language that happens to be active
in the editor's request: with translated slugs (`/om-focus-industry/` and `/en/about-focus-industry/`)
the other language would stay stale. So the project does not install `wagtail.contrib.frontend_cache`
as an app (its signal handlers are the language-blind ones); it uses Wagtail's purge machinery
(`PurgeBatch`, the HTTP backend configured in `WAGTAILFRONTENDCACHE`) from the handlers below, which
collect the page's URL in every language, plus the pages that list it: its parent (the story or
initiative listing) and the site's home page (latest stories and initiatives).

Settings: `WAGTAILFRONTENDCACHE` (settings/base.py fills it from `FOCUS_FRONTEND_CACHE_URLS`).
"""

import logging

from django.conf import settings
from django.utils import translation

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger(__name__)


def page_urls(page, cache_object=None):
    """Every public URL of `page` (with its cached sub-paths) in every site language."""
    urls = set()
    specific = page.specific_deferred
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            base = specific.get_full_url(cache_object)
            if base:
                urls.update(base + path.lstrip("/") for path in specific.get_cached_paths())
    return urls


def pages_to_purge(page):
    """The page, the page that lists it (its parent) and the home page of its site."""
    pages = {page.pk: page}
    parent = page.get_parent()
    if parent is not None and not parent.is_root():
        pages.setdefault(parent.pk, parent)
    site = page.get_site()
    if site is not None:
        pages.setdefault(site.root_page_id, site.root_page)
    return list(pages.values())


def purge_page_everywhere(instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    for page in pages_to_purge(instance):
        batch.add_urls(page_urls(page, cache_object=batch))
    try:
        batch.purge()
    except Exception:  # a cache that cannot be reached never stops an editor from publishing
        logger.exception("Purging %d URLs from the frontend cache failed", len(batch.urls))


def connect():
    page_published.connect(purge_page_everywhere, dispatch_uid="focus_frontend_cache_published")
    page_unpublished.connect(purge_page_everywhere, dispatch_uid="focus_frontend_cache_unpublished")
