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
# Tests change content inside transactions that are rolled back, and a purge waits for the commit: so
# by default the page cache and the fragment cache are off (tests/test_page_cache.py and
# tests/test_fragments.py switch them on for their own tests). FOCUS_TEST_CACHES=production runs the
# tests with every cache on, as in production. Either way tests/conftest.py empties every cache before
# each test, so no test sees what another left.
FOCUS_TEST_CACHES = os.environ.get("FOCUS_TEST_CACHES", "")  # noqa: F405
if FOCUS_TEST_CACHES not in ("", "production"):
    raise ImproperlyConfigured(f"FOCUS_TEST_CACHES must be empty or 'production', not {FOCUS_TEST_CACHES!r}.")  # noqa: F405
_CACHES_ON = FOCUS_TEST_CACHES == "production"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-fragments"}
    if _CACHES_ON
    else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "pagecache": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-pages"},
}
WAGTAIL_CACHE = _CACHES_ON
WAGTAILADMIN_BASE_URL = "http://testserver"
FOCUS_DEMO_ACCOUNTS = True
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
