"""The page cache and the content version: what is stored, what is never stored, and when it is purged.

One design (docs/decisions.md, "One cache design"):

- Whole pages: wagtail-cache (its two middlewares, the "pagecache" store) for anonymous visitors, and the
  edge cache (Varnish, a CDN) in front, purged by frontend_cache.py.
- Fragments: Wagtail's `{% wagtailcache %}` tag (Django's `{% cache %}` that skips previews) in the
  "template_fragments" store, keyed by `content_version` (a template variable) and the language.
- Data that every page needs (the taxonomy, a listing's address): `cached()` in the "default" store,
  under the same content version.

Every store is shared by all processes (files in var/cache/ or Redis, see settings), and everything is
invalidated the same way: a *purge* empties the page cache and starts a new content version, a token in
the shared "default" store, so no process reads a fragment or value stored before it. A purge follows
every change of published content: a page published, unpublished, moved or deleted, or a snippet, a
setting, an image, a document, a view restriction or a site saved or deleted (any of them can show on
many pages; a full purge is simple and always right), and a restore.
"""

import hashlib
import logging
import secrets
import threading
from contextlib import contextmanager

from wagtailcache import cache as wagtailcache
from wagtailcache.cache import clear_cache

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from wagtail import hooks
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from focus_industry.prefixes import ADMIN_PREFIX

logger = logging.getLogger(__name__)

#: Sent after the page cache was purged (by the same process, after the database transaction committed).
page_cache_purged = Signal()

# Paths whose answers are never stored: the admin, private documents, uploads, health probes.
NEVER_CACHED_PREFIXES = (ADMIN_PREFIX, "/documents/", "/media/", "/static/", "/healthz", "/readyz")
# Fields Wagtail fills in on its own while pages render (not an editor's change).
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})
VERSION_KEY = "content-version"
#: The store of `{% wagtailcache %}` (the alias Django's cache tag uses), also for rendered pieces of data.
FRAGMENTS = "template_fragments"


# --- The content version ------------------------------------------------------------------------


def content_version(request=None):
    """The version of the published content: a token in the shared "default" store that every purge
    replaces. Read once per request (kept on it); None when the store cannot be read, and then nothing
    is cached: slower, never stale."""
    if request is not None and hasattr(request, "_content_version"):
        return request._content_version
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, secrets.token_hex(8), None)  # add(): another process may have won
            version = cache.get(VERSION_KEY)
    except Exception:  # a cache that fails only costs speed
        logger.warning("content version unreadable; caching nothing", exc_info=True)
        version = None
    if request is not None:
        request._content_version = version
    return version


def content_version_context(request):
    """Template context processor: `content_version`, for the vary-on list of `{% wagtailcache %}`."""
    return {"content_version": content_version(request)}


def _version_for(request):
    """The content version to store under, or None for nothing stored: a preview shows a draft."""
    if request is not None and getattr(request, "is_preview", False):
        return None
    return content_version(request)


def cached(name, vary, compute, request=None, using="default"):
    """`compute()`'s result from the `using` store under the content version, else computed and stored
    (None is never stored). `vary` lists everything else the result depends on (the language, if so)."""
    version = _version_for(request)
    if version is None:
        return compute()
    parts = "\x1f".join(str(value) for value in vary)
    key = f"{name}:{hashlib.blake2b(parts.encode(), digest_size=12).hexdigest()}"
    store = caches[using]
    value = store.get(key, version=version)
    if value is None:
        value = compute()
        if value is not None:
            store.set(key, value, settings.FOCUS_PAGE_CACHE_SECONDS, version=version)
    return value


def cached_many(name, ids, compute_missing, request=None, using="default"):
    """`cached` for many ids in one round trip each way: {id: value} for every id, from the store where it
    has them, the others from one `compute_missing(missing_ids)` call. Keys include the language."""
    ids = list(dict.fromkeys(ids))
    version = _version_for(request)
    if version is None or not ids:
        return compute_missing(ids) if ids else {}
    store = caches[using]
    language = translation.get_language()
    keys = {item: f"{name}:{language}:{item}" for item in ids}
    found = store.get_many(keys.values(), version=version)
    values = {item: found[key] for item, key in keys.items() if key in found}
    missing = [item for item in ids if item not in values]
    if missing:
        computed = compute_missing(missing)
        store.set_many(
            {keys[item]: value for item, value in computed.items() if value is not None},
            settings.FOCUS_PAGE_CACHE_SECONDS,
            version=version,
        )
        values.update(computed)
    return values


# --- Purge --------------------------------------------------------------------------------------


def purge(reason=""):
    """Empty the page cache and start a new content version; every process sees both at once."""
    try:
        cache.set(VERSION_KEY, secrets.token_hex(8), None)
    except Exception:  # the page cache is still emptied; a failed purge is logged, not raised
        logger.warning("content version could not be replaced", exc_info=True)
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


# --- What takes part (wagtail-cache hooks) ------------------------------------------------------


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


@hooks.register("is_request_cacheable")
def request_is_cacheable(request, is_cacheable):
    if not takes_part(request):
        return False
    return is_cacheable


@hooks.register("is_response_cacheable")
def response_is_cacheable(response, is_cacheable):
    # Only complete, cookie-less 200s are stored: no redirect, 404 or error page, no response that
    # sets a cookie (a CSRF token for a form), none a view marked as not for shared caches, and none
    # whose CSP has a nonce (everyone who got the stored copy would share it).
    cache_control = response.get("Cache-Control", "")
    if response.status_code != 200 or response.cookies or "no-store" in cache_control:
        return False
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False
    return is_cacheable


# --- Where it is read and written ---------------------------------------------------------------


class FetchFromCacheMiddleware(wagtailcache.FetchFromCacheMiddleware):
    """wagtail-cache's fetch, placed before the session, locale, CSRF and authentication middleware, so
    that a hit costs none of their work; on a miss it reads the content version before any content is.

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
        response = super().process_request(request)
        if response is None and is_public_path(request.path):
            content_version(request)  # read before any content is (UpdateCacheMiddleware compares)
        return response


class UpdateCacheMiddleware(wagtailcache.UpdateCacheMiddleware):
    """wagtail-cache's store, which skips a page whose rendering began before a purge: it may show the
    content from before, and would stay until it expired."""

    def process_response(self, request, response):
        started_in = getattr(request, "_content_version", None)
        if getattr(request, "_wagtailcache_update", False) and started_in != content_version():
            request._wagtailcache_skip = True
        return super().process_response(request, response)


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


def _redis_reachable_again(sender, server, **kwargs):
    purge(f"Redis at {server} reachable again")


def connect():
    from .cache_backends import redis_reachable_again

    redis_reachable_again.connect(_redis_reachable_again, dispatch_uid="page_cache_redis_back")
    page_published.connect(_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="page_cache_moved")
    post_delete.connect(_page_deleted, dispatch_uid="page_cache_page_deleted")
    post_save.connect(_object_changed, dispatch_uid="page_cache_object_saved")
    post_delete.connect(_object_changed, dispatch_uid="page_cache_object_deleted")
