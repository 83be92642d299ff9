"""`ResilientRedisCache`: django-redis's backend for the Redis caches (settings: every alias when
REDIS_URL is set), with two changes:

- `clear()` deletes just the keys under its own KEY_PREFIX (SCAN + DEL, in batches), where django-redis
  answers with FLUSHDB, which would also wipe every other key in the same Redis database. The page cache
  is purged often.
- Degraded, not down. django-redis's IGNORE_EXCEPTIONS turns a failed call into a miss, but it still
  tries Redis on every call (a refused or timed-out connection each time, 20-30 per page) and logs a
  traceback for each. Here, once a call failed, the process skips Redis for OPTIONS["AWAY_RETRY_SECONDS"]
  (every alias and thread of the process: the state is kept per Redis server), then lets one call try
  it again. It logs one WARNING per OPTIONS["AWAY_WARNING_SECONDS"] while Redis stays away, and one INFO
  when it answers again.
- Meanwhile the site runs as it runs without Redis: every call goes to a stand-in, the same file store
  (FileBasedCache) that serves when no Redis is configured, in OPTIONS["AWAY_STORE"] (a folder of this
  host, shared by its workers), keeping nothing longer than OPTIONS["AWAY_STORE_SECONDS"] (30 s). A purge
  made meanwhile reaches every worker of the host at once (the content version lives in the stand-in
  too); other hosts see a change within those seconds. Without AWAY_STORE every call is a miss (slower,
  never stale). A purge made meanwhile cannot reach Redis, so when it answers again the process empties
  the stand-in and purges (`redis_reachable_again`): nothing stored before or during the outage comes back.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django_redis.cache import RedisCache, omit_exception
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.dispatch import Signal

logger = logging.getLogger(__name__)

#: Sent when this process reaches Redis again after it was away. Purges made meanwhile did not reach it,
#: so page_cache.py purges then.
redis_reachable_again = Signal()


class _Outage:
    """Whether one Redis server is away, as this process last found it; shared by all its aliases and threads."""

    def __init__(self, name, retry_seconds, warning_seconds):
        self.name, self.retry_seconds, self.warning_seconds = name, retry_seconds, warning_seconds
        self.stand_ins = {}  # folder: the stand-in store of an alias on this server, emptied on its return
        self.lock = threading.Lock()
        self.retry_at = None  # None: Redis is reachable; else the time before which it is skipped
        self.since = None
        self.warned_at = float("-inf")

    def away(self):
        return self.retry_at is not None

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
            "Redis at %s unreachable (%s: %s); %s, trying Redis every %g s",
            self.name,
            type(cause).__name__,
            str(cause).strip().splitlines()[0] if str(cause).strip() else "",
            "caching in this host's files meanwhile" if self.stand_ins else "caching nothing",
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
        for stand_in in list(self.stand_ins.values()):
            stand_in.clear()
        logger.info("Redis at %s reachable again after %.0f s", self.name, away_for)
        redis_reachable_again.send(sender=None, server=self.name)


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
            was_away = self._outage.away()
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                self._outage.failed(error)
                raise
            self._outage.succeeded()  # after an outage: purges (redis_reachable_again)
            if was_away and name.startswith("get"):
                result = attribute(*args, **kwargs)  # what was read came from before that purge
            return result

        return guarded


class _StandIn:
    """The file store that serves an alias while Redis is away: made on first use (a process whose Redis
    never fails never touches the folder), every call guarded (a folder that cannot be written costs the
    stand-in, never an answer: a miss instead, and one warning), no timeout longer than `seconds`."""

    def __init__(self, folder, seconds, prefix, max_entries):
        self.folder, self.seconds, self.prefix, self.max_entries = folder, int(seconds), prefix, max_entries
        self._store, self._broken = None, False

    def _capped(self, timeout):
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return self.seconds
        return timeout if timeout <= 0 else min(timeout, self.seconds)

    def call(self, name, args, kwargs, fallback, timeout_at=None):
        """`name` on the store, with the timeout (at `timeout_at` or `timeout=`) capped; `fallback` (the
        Redis call's miss) when the store cannot answer."""
        if self._broken:
            return fallback
        kwargs = {key: value for key, value in kwargs.items() if key != "client"}
        if timeout_at is not None:
            if len(args) > timeout_at:
                args = (*args[:timeout_at], self._capped(args[timeout_at]), *args[timeout_at + 1 :])
            else:
                kwargs["timeout"] = self._capped(kwargs.get("timeout", DEFAULT_TIMEOUT))
        try:
            if self._store is None:
                options = {"MAX_ENTRIES": self.max_entries}
                self._store = FileBasedCache(
                    self.folder, {"TIMEOUT": self.seconds, "KEY_PREFIX": self.prefix, "OPTIONS": options}
                )
            return getattr(self._store, name)(*args, **kwargs)
        except (OSError, TypeError, EOFError) as error:  # unwritable folder, full disk, a Redis-only argument
            if isinstance(error, OSError) and not isinstance(error, FileNotFoundError):
                self._broken = True
                logger.warning(
                    "Redis stand-in %s unusable (%s); caching nothing while Redis is away", self.folder, error
                )
            return fallback

    def clear(self):
        self.call("clear", (), {}, None)


def _stand_in(outage, params):
    """The alias's stand-in (None without OPTIONS["AWAY_STORE"]), one per folder and process."""
    options = params.get("OPTIONS", {})
    folder = options.get("AWAY_STORE")
    if not folder:
        return None
    with _outages_lock:
        if folder not in outage.stand_ins:
            outage.stand_ins[folder] = _StandIn(
                folder,
                options.get("AWAY_STORE_SECONDS", 30),
                params.get("KEY_PREFIX", ""),
                int(options.get("AWAY_STORE_MAX_ENTRIES", 5000)),
            )
        return outage.stand_ins[folder]


def _or_stand_in(name, timeout_at=None):
    """The cache method `name`: Redis's answer, or the stand-in's when Redis is away (the call to Redis
    then fails at once). `timeout_at`: the position of the timeout among the arguments, for the cap."""
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        result = redis_method(self, *args, **kwargs)
        if self._stand_in is None or not self._outage.away():
            return result
        return self._stand_in.call(name, args, kwargs, result, timeout_at)

    method.__name__ = name
    return method


class ResilientRedisCache(RedisCache):
    """See the module's docstring. OPTIONS as django-redis's, plus AWAY_RETRY_SECONDS (5),
    AWAY_WARNING_SECONDS (60), AWAY_STORE (a folder; none: nothing kept while away) and
    AWAY_STORE_SECONDS (30)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._outage = _outage_of(server, params.get("OPTIONS", {}))
        self._stand_in = _stand_in(self._outage, params)
        self._log_ignored_exceptions = False  # the _Outage logs once per interval instead of every call

    @property
    def client(self):
        return _GuardedClient(super().client, self._outage)

    def is_away(self):
        """Whether this process found Redis away at its last try (the stand-in serves meanwhile)."""
        return self._outage.away()

    get = _or_stand_in("get")
    get_many = _or_stand_in("get_many")
    has_key = _or_stand_in("has_key")
    set = _or_stand_in("set", timeout_at=2)
    add = _or_stand_in("add", timeout_at=2)
    set_many = _or_stand_in("set_many", timeout_at=1)
    touch = _or_stand_in("touch", timeout_at=1)
    delete = _or_stand_in("delete")
    delete_many = _or_stand_in("delete_many")
    incr = _or_stand_in("incr")
    decr = _or_stand_in("decr")

    def clear(self):
        """Redis's keys of this alias, and the stand-in's whether or not this process finds Redis away:
        another worker of the host may be serving from it."""
        self._clear_own_keys()
        if self._stand_in is not None:
            self._stand_in.clear()

    @omit_exception
    def _clear_own_keys(self):
        self.client.delete_pattern("*", itersize=500)
