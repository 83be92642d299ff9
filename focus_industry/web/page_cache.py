"""The page cache for anonymous visitors: what is stored, what is never stored, and when it is purged.

wagtail-cache does the storing and serving (its UpdateCache/FetchFromCache middleware, see settings);
this module decides, through its hooks, which requests and responses take part, and purges the whole
page cache when published content changes: a page is published, unpublished, moved or deleted, or a
snippet, a setting, an image, a document, a view restriction or a site is saved or deleted (all of them
can appear on many pages, so a precise purge would have to know every listing; a full purge is simple
and always right). A purge also drops the generation of the kept fragments (fragments.py).

Other caches in front of the site (a CDN, Varnish) can follow the purge through `page_cache_purged`.
"""

import logging
import threading
from contextlib import contextmanager

from wagtailcache import cache as wagtailcache
from wagtailcache.cache import clear_cache

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.middleware.locale import LocaleMiddleware

from wagtail import hooks
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from focus_industry.prefixes import ADMIN_PREFIX
from focus_industry.web import fragments

logger = logging.getLogger(__name__)

#: Sent after the page cache was purged (by the same process, after the database transaction committed).
page_cache_purged = Signal()

# Paths whose answers are never stored: the admin, private documents, uploads, health probes.
NEVER_CACHED_PREFIXES = (ADMIN_PREFIX, "/documents/", "/media/", "/static/", "/healthz", "/readyz")
# Fields Wagtail fills in on its own while pages render (not an editor's change).
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def purge(reason=""):
    """Empty the page cache now; other processes see it at once (the cache is shared, see settings).

    The rendered fragments (fragments.py) start a new generation too, also when the page cache is off.
    """
    fragments.new_generation()
    clear_cache()
    logger.info("page cache purged", extra={"reason": reason})
    page_cache_purged.send(sender=None, reason=reason)


_held = threading.local()


@contextmanager
def one_purge(reason):
    """Purge once when the block ends instead of after every change in it (the demo loader publishes
    some ninety pages: ninety purges and log lines before). Only for blocks that commit on their own."""
    _held.active = True
    try:
        yield
    finally:
        _held.active = False
    purge(reason)


def purge_after_commit(reason):
    """Purge once the change is visible to other connections, so no request re-caches the old content."""
    if getattr(_held, "active", False):
        return
    transaction.on_commit(lambda: purge(reason))


def has_session_cookie(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_public_path(path):
    return not path.startswith(NEVER_CACHED_PREFIXES)


def takes_part(request):
    """Whether the request may read or fill the page cache: an anonymous read of a public page.

    A session cookie means an editor or a visitor who unlocked a password-protected page: their pages
    may differ from everyone else's, so they neither read from nor write to the page cache.
    """
    return request.method in ("GET", "HEAD") and not has_session_cookie(request) and is_public_path(request.path)


# --- What takes part (wagtail-cache hooks) ------------------------------------------------------


@hooks.register("is_request_cacheable")
def request_is_cacheable(request, is_cacheable):
    if not takes_part(request):
        return False
    return is_cacheable


@hooks.register("is_response_cacheable")
def response_is_cacheable(response, is_cacheable):
    # Only complete, cookie-less 200s are stored: no redirect, 404 or error page, no response that
    # sets a cookie (a CSRF token for a form) and none a view marked as not for shared caches.
    cache_control = response.get("Cache-Control", "")
    if response.status_code != 200 or response.cookies or "no-store" in cache_control:
        return False
    return is_cacheable


# --- Where it is read ---------------------------------------------------------------------------


class FetchFromCacheMiddleware(wagtailcache.FetchFromCacheMiddleware):
    """wagtail-cache's fetch, placed before the session, locale, CSRF and authentication middleware, so
    that a hit costs none of their work.

    wagtail-cache asks for it after AuthenticationMiddleware to leave editors out. Here only a session
    makes anyone other than an anonymous visitor, and a request with a session cookie neither reads
    nor fills the page cache (`takes_part`); so what the later middleware would find out
    changes nothing. Two things they do are done here first, as they would do them: the host is checked
    (an unknown one is a 400, not a cache error in the log), and the language is activated from the
    path, which is part of the key.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.locale = LocaleMiddleware(get_response)

    def process_request(self, request):
        if takes_part(request):
            request.get_host()  # DisallowedHost: a 400, as CommonMiddleware would answer
            self.locale.process_request(request)
        return super().process_request(request)


# --- When it is purged --------------------------------------------------------------------------


def _page_changed(sender, instance, **kwargs):
    purge_after_commit(f"{type(instance).__name__} {instance.pk}")


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_after_commit(f"{type(instance).__name__} {instance.pk} deleted")


def _purges_on_save(model):
    # A page made private (a view restriction) or a site changed shows differently everywhere too.
    return model in get_snippet_models() or issubclass(
        model, (BaseGenericSetting, BaseSiteSetting, AbstractImage, AbstractDocument, PageViewRestriction, Site)
    )


def _object_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not _purges_on_save(sender):
        return
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    purge_after_commit(f"{sender.__name__} {instance.pk}")


def connect():
    page_published.connect(_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="page_cache_moved")
    post_delete.connect(_page_deleted, dispatch_uid="page_cache_page_deleted")
    post_save.connect(_object_changed, dispatch_uid="page_cache_object_saved")
    post_delete.connect(_object_changed, dispatch_uid="page_cache_object_deleted")
