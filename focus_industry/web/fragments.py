"""Pieces of pages kept rendered between requests: `{% fragment "name" vary… %}…{% endfragment %}`.

The page cache (page_cache.py) stores whole answers, one per address; every other address (a listing
with other filters, another page of results, a search, an editor's visit) renders the page again.
Much of what it renders is the same everywhere: the footer, a story's card, the home page's sections.
Those pieces are kept here, rendered once per process and content version:

- The rendered HTML lives in each process's memory (the "fragments" cache, local memory: reading it
  costs microseconds, where a file or Redis would cost a round trip per card).
- Its keys carry a *generation*, a random token kept in the shared page-cache store (files or Redis).
  Every purge of the page cache (a publish, unpublish, move, delete; a snippet, setting, image,
  document, view restriction or site saved; a restore) drops the token, so every process starts a
  new generation at its next request and never shows a piece rendered before the change. The token
  also expires with the page cache's lifetime, so nothing is older than FOCUS_PAGE_CACHE_SECONDS.
- When the shared store cannot be read, nothing is read or kept: the pieces are rendered on every
  request, as if there were no cache. Slower, never stale, never an error. (With Redis down, the
  project's Redis backend keeps the token in each process's memory for a few seconds instead:
  cache_backends.ResilientRedisCache.)
- Previews always render afresh (a draft is not what the cache holds), and so does everything when
  FOCUS_FRAGMENT_CACHE is off (the tests, except those of this module).

A fragment's HTML must not hold anything that differs between requests beyond its key: the language
and the host are part of every key; a piece holding the request's CSP nonce is never stored.
"""

import hashlib
import logging
import secrets
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.utils import translation

logger = logging.getLogger(__name__)

GENERATION_KEY = "fragment-generation"
# The cache alias of the store every process shares (files or Redis, see settings): it holds the token
# and the pages (cache_backends.KeptPageCache).
SHARED_STORE = "pagecache"

# The public request being served (set by middleware.KeptSiteMiddleware), for code Wagtail calls
# without it, such as Page.get_view_restrictions.
_current_request = ContextVar("focus_current_request", default=None)
# Any request being handled (GenerationMiddleware), for the page cache.
_handled_request = ContextVar("focus_handled_request", default=None)


def current_request():
    return _current_request.get()


@contextmanager
def serving(request):
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


def _shared():
    return caches[SHARED_STORE]


def _local():
    return caches["fragments"]


def is_enabled(request):
    return bool(getattr(settings, "FOCUS_FRAGMENT_CACHE", False)) and not getattr(request, "is_preview", False)


def generation(request):
    """This request's content generation (read once per request from the shared store), or None."""
    current = getattr(request, "_focus_fragment_generation", "")
    if current == "":
        current = _read_generation()
        request._focus_fragment_generation = current
    return current


def current_generation():
    """The generation of the request being handled (GenerationMiddleware), else read from the store now."""
    request = _handled_request.get()
    return _read_generation() if request is None else generation(request)


def _read_generation():
    try:
        current = _shared().get(GENERATION_KEY)
        if current is None:
            fresh = secrets.token_hex(8)
            # add() keeps a token another process set in the meantime; read back whichever won.
            _shared().add(GENERATION_KEY, fresh)
            current = _shared().get(GENERATION_KEY)
    except Exception:  # any failure of the store only costs speed
        logger.warning("content generation unreadable; rendering without fragments", exc_info=True)
        current = None
    # django-redis answers None while Redis is down: then this request keeps nothing.
    return current


class GenerationMiddleware:
    """Makes the request being handled known to the page cache (cache_backends.KeptPageCache), which
    then reads the generation once per request, and stores a page under the one it was rendered in.
    Placed outside wagtail-cache's two middlewares."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _handled_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _handled_request.reset(token)


def new_generation():
    """Forget every stored fragment, in every process (called by the page cache's purge)."""
    try:
        _shared().delete(GENERATION_KEY)
    except Exception:  # the token also expires on its own; a failed purge is logged, not raised
        logger.warning("fragment generation could not be dropped", exc_info=True)


def key(current_generation, request, name, vary):
    parts = "\x1f".join(str(value) for value in vary)
    digest = hashlib.blake2b(parts.encode(), digest_size=12).hexdigest()
    return f"{current_generation}:{name}:{translation.get_language()}:{request.get_host()}:{digest}"


def _keeping_generation(request):
    """The generation this request keeps pieces under, or None when it keeps nothing."""
    if request is None or not is_enabled(request):
        return None
    return generation(request)


def kept(request, name, vary, compute, keep=None):
    """`compute()`'s result, from memory when this generation has it, else computed and kept
    (unless `keep(result)` says no). Results must be picklable; None is never kept.
    """
    current_generation = _keeping_generation(request)
    if current_generation is None:
        return compute()
    kept_key = key(current_generation, request, name, vary)
    result = _local().get(kept_key)
    if result is None:
        result = compute()
        if result is not None and (keep is None or keep(result)):
            _local().set(kept_key, result)
    return result


def kept_many(request, name, ids, compute_missing):
    """{id: value} for every id in `ids`, from memory where this generation has it; the others from one
    call of `compute_missing(missing ids)`, which returns {id: value}, and kept. For pieces that one
    query loads together (a page of search results).
    """
    ids = list(dict.fromkeys(ids))
    current_generation = _keeping_generation(request)
    if current_generation is None:
        return compute_missing(ids) if ids else {}
    keys = {item: key(current_generation, request, name, [item]) for item in ids}
    found = _local().get_many(keys.values())
    values = {item: found[kept_key] for item, kept_key in keys.items() if kept_key in found}
    missing = [item for item in ids if item not in values]
    if missing:
        computed = compute_missing(missing)
        _local().set_many({keys[item]: value for item, value in computed.items() if value is not None})
        values.update(computed)
    return values


def render(request, name, vary, render_fragment):
    """The fragment's HTML: kept unless it holds the request's CSP nonce (which differs per request)."""

    def holds_no_nonce(html):
        nonce = getattr(request, "csp_nonce", None)
        return not (nonce and str(nonce) in html)

    return kept(request, name, vary, render_fragment, keep=holds_no_nonce)
