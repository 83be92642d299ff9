"""Cache backends of the page cache.

`KeptPageCache` is what wagtail-cache reads and writes (settings.WAGTAIL_CACHE_BACKEND): the pages live
in the shared store (files or Redis, the "pagecache" alias, seen by every worker) and the pages a worker
served lately also in that worker's memory, so a hit costs neither a file read nor a Redis round trip.

Both keep each page under the content generation (fragments.py), a token in the shared store that every
purge drops. A worker reads the token once per request; after a purge, no worker can reach a page it kept
from before, and a page whose rendering began before the purge is stored under the old token, where no
request looks any more. When the token cannot be read no page is read or stored: the site is slower, never
stale. (With Redis down, ResilientRedisCache below keeps the token in the process's memory for seconds.)

`ResilientRedisCache`, django-redis's backend for both Redis caches ("default" and "pagecache"), adds two
things:

- `clear()` deletes just the keys under its own KEY_PREFIX (SCAN + DEL, in batches), where django-redis
  answers with FLUSHDB, which would also wipe every other key in the same Redis database. The page cache
  is purged often.
- Degraded, not down. django-redis's IGNORE_EXCEPTIONS turns a failed call into a miss, but it still
  tries Redis on every call (a refused or timed-out connection each time, 20-30 per page) and logs a
  traceback for each. Here, once a call failed, the process skips Redis for OPTIONS["AWAY_RETRY_SECONDS"]
  (every alias and thread of the process: the state is kept per Redis server), then lets one call try
  it again. It logs one WARNING per OPTIONS["AWAY_WARNING_SECONDS"] while Redis stays away, and one INFO
  when it answers again.
  While Redis is away, what the cache is given is kept in the process's memory for at most
  OPTIONS["AWAY_LOCAL_SECONDS"] (none: every read is a miss). So the fragments' generation token and the
  values the code caches still work, per process, as they do without Redis at all, instead of every
  request rendering everything afresh; a change another process made is seen here within those seconds
  (this process's own purges at once). When Redis is back, that memory is dropped, and the deletes and
  purges made while it was away are sent to Redis, so nothing from before them comes back.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django_redis.cache import RedisCache, omit_exception
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

from focus_industry.web import fragments

logger = logging.getLogger(__name__)

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


class _Outage:
    """Whether one Redis server is away, as this process last found it; shared by all its aliases and threads."""

    def __init__(self, name, retry_seconds, warning_seconds):
        self.name, self.retry_seconds, self.warning_seconds = name, retry_seconds, warning_seconds
        self.lock = threading.Lock()
        self.retry_at = None  # None: Redis is reachable; else the time before which it is skipped
        self.since = None
        self.warned_at = float("-inf")

    def away(self):
        return self.retry_at is not None

    def due(self):
        """Whether a call now would go to Redis (it is reachable, or its wait is over)."""
        retry_at = self.retry_at
        return retry_at is None or time.monotonic() >= retry_at

    def allows(self):
        """Whether a call may go to Redis: always while it is reachable; once the wait is over, the one
        caller that gets here first tries it (the others keep skipping it meanwhile)."""
        if self.retry_at is None:
            return True
        with self.lock:
            now = time.monotonic()
            if self.retry_at is not None and now >= self.retry_at:
                self.retry_at = now + self.retry_seconds
                return True
        return False

    def failed(self, error):
        with self.lock:
            now = time.monotonic()
            self.retry_at = now + self.retry_seconds
            self.since = now if self.since is None else self.since
            if now - self.warned_at < self.warning_seconds:
                return
            self.warned_at = now
        cause = error.__cause__ or error
        logger.warning(
            "Redis at %s unreachable (%s: %s); caching in this process's memory, trying Redis every %g s",
            self.name,
            type(cause).__name__,
            str(cause).strip().splitlines()[0] if str(cause).strip() else "",
            self.retry_seconds,
        )

    def succeeded(self):
        if self.retry_at is None:
            return
        with self.lock:
            if self.retry_at is None:
                return
            away_for = time.monotonic() - self.since
            self.retry_at = self.since = None
        logger.info("Redis at %s reachable again after %.0f s", self.name, away_for)


_outages = {}
_outages_lock = threading.Lock()


def _outage_of(server, options):
    parts = urlsplit(server if "//" in server else f"redis://{server}")
    name = f"{parts.hostname or parts.path}:{parts.port or 6379}{parts.path if parts.hostname else ''}"  # no password
    with _outages_lock:
        if name not in _outages:
            _outages[name] = _Outage(
                name, float(options.get("AWAY_RETRY_SECONDS", 5)), float(options.get("AWAY_WARNING_SECONDS", 60))
            )
        return _outages[name]


class _GuardedClient:
    """django-redis's client, with every call first asking the server's _Outage: while Redis is away a call
    fails at once, as ConnectionInterrupted, which IGNORE_EXCEPTIONS turns into a miss."""

    _LOCAL_ONLY = frozenset({"close", "make_key", "make_pattern", "encode", "decode"})

    def __init__(self, client, outage):
        self._client, self._outage = client, outage

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name in self._LOCAL_ONLY or not callable(attribute):
            return attribute

        def guarded(*args, **kwargs):
            if not self._outage.allows():
                raise ConnectionInterrupted(connection=None) from RedisConnectionError("Redis is away")
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                self._outage.failed(error)
                raise
            self._outage.succeeded()
            return result

        return guarded


class ResilientRedisCache(RedisCache):
    """See the module's docstring. OPTIONS as django-redis's, plus AWAY_RETRY_SECONDS (5),
    AWAY_WARNING_SECONDS (60) and AWAY_LOCAL_SECONDS (none: no memory while Redis is away)."""

    _away_writes = {}  # per local store: the deletes and purges made while Redis was away
    _away_writes_lock = threading.Lock()

    def __init__(self, server, params):
        super().__init__(server, params)
        options = params.get("OPTIONS", {})
        self._outage = _outage_of(server, options)
        self._log_ignored_exceptions = False  # the _Outage logs once per interval instead of every call
        local_seconds = options.get("AWAY_LOCAL_SECONDS")
        self._local, self._local_seconds = None, None
        if local_seconds is not None:
            self._local_seconds = float(local_seconds)
            name = f"redis-away:{self._outage.name}:{self.key_prefix}"
            self._local = LocMemCache(
                name,
                {
                    "TIMEOUT": self._local_seconds,
                    "KEY_PREFIX": self.key_prefix,
                    "VERSION": self.version,
                    "OPTIONS": {"MAX_ENTRIES": options.get("AWAY_LOCAL_ENTRIES", 1000)},
                },
            )
            with self._away_writes_lock:
                self._writes = self._away_writes.setdefault(name, {"keys": set(), "clear": False, "dirty": False})

    @property
    def client(self):
        return _GuardedClient(super().client, self._outage)

    def is_away(self):
        """Whether this process found Redis away at its last try (its memory stands in meanwhile)."""
        return self._outage.away()

    def _in_memory(self):
        """Whether the call just made found Redis away and memory takes its place."""
        return self._local is not None and self._outage.away()

    def _local_timeout(self, timeout):
        seconds = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        return self._local_seconds if seconds is None else min(seconds, self._local_seconds)

    def _remember(self, keys=(), clear=False):
        with self._away_writes_lock:
            self._writes["dirty"] = True
            self._writes["clear"] |= clear or len(self._writes["keys"]) + len(keys) > 10000
            if not self._writes["clear"]:
                self._writes["keys"].update(keys)

    def _settle(self):
        """Once Redis answers again: drop what memory kept meanwhile, replay its deletes and purges."""
        if self._local is None or not self._writes["dirty"] or not self._outage.due():
            return
        with self._away_writes_lock:
            writes = dict(self._writes)
            self._writes.update(keys=set(), clear=False, dirty=False)
        if writes["clear"]:
            self._clear_prefix()
        elif writes["keys"]:
            for key, version in writes["keys"]:
                super().delete(key, version=version)
        if self._outage.away():  # gone again before the replay went through: keep it for next time
            self._remember(writes["keys"], writes["clear"])
            return
        self._local.clear()

    def get(self, key, default=None, version=None, client=None):
        self._settle()
        value = super().get(key, default, version, client)
        return self._local.get(key, default, version) if self._in_memory() else value

    def get_many(self, keys, version=None, client=None):
        self._settle()
        values = super().get_many(keys, version=version, client=client)
        return self._local.get_many(keys, version) if self._in_memory() else values

    def has_key(self, key, version=None, client=None):
        self._settle()
        found = super().has_key(key, version=version, client=client)
        return self._local.has_key(key, version) if self._in_memory() else found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, client=None, nx=False, xx=False):
        self._settle()
        done = super().set(key, value, timeout=timeout, version=version, client=client, nx=nx, xx=xx)
        if not self._in_memory():
            return done
        if nx:
            return self._local.add(key, value, self._local_timeout(timeout), version)
        if xx and not self._local.has_key(key, version):
            return False
        self._local.set(key, value, self._local_timeout(timeout), version)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        self._settle()
        done = super().add(key, value, timeout=timeout, version=version, client=client)
        return self._local.add(key, value, self._local_timeout(timeout), version) if self._in_memory() else done

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        self._settle()
        failed = super().set_many(data, timeout=timeout, version=version, client=client)
        return self._local.set_many(data, self._local_timeout(timeout), version) if self._in_memory() else failed

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        self._settle()
        done = super().touch(key, timeout=timeout, version=version, client=client)
        return self._local.touch(key, self._local_timeout(timeout), version) if self._in_memory() else done

    def delete(self, key, version=None, prefix=None, client=None):
        self._settle()
        done = super().delete(key, version=version, prefix=prefix, client=client)
        if not self._in_memory():
            return done
        self._remember([(key, version)])
        return self._local.delete(key, version)

    def delete_many(self, keys, version=None, client=None):
        self._settle()
        done = super().delete_many(keys, version=version, client=client)
        if not self._in_memory():
            return done
        self._remember([(key, version) for key in keys])
        return self._local.delete_many(keys, version)

    def clear(self):
        self._settle()
        self._clear_prefix()
        if self._in_memory():
            self._remember(clear=True)
            self._local.clear()

    @omit_exception
    def _clear_prefix(self):
        self.client.delete_pattern("*", itersize=500)
