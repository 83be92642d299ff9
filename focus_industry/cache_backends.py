"""Cache backends of the page cache.

`KeptPageCache` is what wagtail-cache reads and writes (settings.WAGTAIL_CACHE_BACKEND): the pages live
in the shared store (files or Redis, the "pagecache" alias, seen by every worker) and the pages a worker
served lately also in that worker's memory, so a hit costs neither a file read nor a Redis round trip.

Both keep each page under the content generation (fragments.py), a token in the shared store that every
purge drops. A worker reads the token once per request; after a purge, no worker can reach a page it kept
from before, and a page whose rendering began before the purge is stored under the old token, where no
request looks any more. When the token cannot be read (Redis down) no page is read or stored: the site is
slower, never stale.

`PrefixScopedRedisCache`: django-redis answers `clear()` with FLUSHDB, which would also wipe every other key
in the same Redis database (the default cache, anything an operator keeps there). The page cache is purged
often, so it deletes just the keys under its own KEY_PREFIX (SCAN + DEL, in batches). Connection errors are
ignored like every other operation when OPTIONS["IGNORE_EXCEPTIONS"] is on: a Redis outage means no page
cache, never an error page.
"""

from django_redis.cache import RedisCache, omit_exception

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

from focus_industry import fragments

_MISSING = object()


class KeptPageCache(BaseCache):
    """LOCATION: the alias of the shared store. OPTIONS["MAX_ENTRIES"]: pages kept in each worker's memory."""

    def __init__(self, location, params):
        super().__init__(params)
        self.shared_alias = location
        # LocMemCache shares its entries between all instances of the same name (one per thread), and
        # stores pickled copies: every hit gets a response of its own to add headers to.
        self._kept = LocMemCache(
            f"kept-pages:{location}", {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": params.get("OPTIONS", {})}
        )

    def _shared(self):
        return caches[self.shared_alias]

    @staticmethod
    def _generation_key(key):
        generation = fragments.current_generation()
        return None if generation is None else f"{generation}:{key}"

    def get(self, key, default=None, version=None):
        kept_key = self._generation_key(key)
        if kept_key is None:
            return default
        value = self._kept.get(kept_key, _MISSING, version=version)
        if value is _MISSING:
            value = self._shared().get(kept_key, _MISSING, version=version)
            if value is _MISSING:
                return default
            self._kept.set(kept_key, value, version=version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        kept_key = self._generation_key(key)
        if kept_key is not None:
            self._shared().set(kept_key, value, timeout=self._seconds(timeout), version=version)
            self._kept.set(kept_key, value, timeout=self._seconds(timeout), version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.get(key, _MISSING, version=version) is not _MISSING:
            return False
        self.set(key, value, timeout=timeout, version=version)
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        kept_key = self._generation_key(key)
        return kept_key is not None and self._shared().touch(kept_key, timeout, version=version)

    def delete(self, key, version=None):
        kept_key = self._generation_key(key)
        if kept_key is None:
            return False
        self._kept.delete(kept_key, version=version)
        return self._shared().delete(kept_key, version=version)

    def clear(self):
        self._kept.clear()
        self._shared().clear()

    def _seconds(self, timeout):
        # The timeout in seconds (or None: no expiry), for each store to turn into its own form.
        return self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout


class PrefixScopedRedisCache(RedisCache):
    @omit_exception
    def clear(self):
        self.client.delete_pattern("*", itersize=500)
