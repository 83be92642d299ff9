"""Tests: fast hashing, plain static storage, local-memory cache, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="focus-media-"))  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "pagecache": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-pages"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-fragments"},
    "pages": {"BACKEND": "focus_industry.web.cache_backends.KeptPageCache", "LOCATION": "pagecache"},
}
# Tests change content inside rolled-back transactions, which purges nothing: the page cache is off
# here, and tests/test_page_cache.py switches it on for its own tests.
WAGTAIL_CACHE = False
FOCUS_FRAGMENT_CACHE = False  # likewise; tests/test_fragments.py switches it on
WAGTAILADMIN_BASE_URL = "http://testserver"
FOCUS_DEMO_ACCOUNTS = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
