"""A Redis cache for the page cache whose `clear()` empties only its own keys.

django-redis answers `clear()` with FLUSHDB, which would also wipe every other key in the same Redis
database (the default cache, anything an operator keeps there). The page cache is purged often, so it
deletes just the keys under its own KEY_PREFIX (SCAN + DEL, in batches). Connection errors are ignored
like every other operation when OPTIONS["IGNORE_EXCEPTIONS"] is on: a Redis outage means no page cache,
never an error page.
"""

from django_redis.cache import RedisCache, omit_exception


class PrefixScopedRedisCache(RedisCache):
    @omit_exception
    def clear(self):
        self.client.delete_pattern("*", itersize=500)
