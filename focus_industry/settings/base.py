"""Settings shared by every environment.

Safe for production on its own: DEBUG is off and the secret key comes from the environment.
`dev.py` loosens, `test.py` speeds up, `production.py` hardens further.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("FOCUS_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # wagtail_modeltranslation must come first so its migrate/makemigrations wrappers win; its config
    # here gives the translated page models the one-query child lookup (translated_routing.py).
    "focus_industry.core.translated_routing.WagtailModeltranslationConfig",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "focus_industry.core",
    "focus_industry.search",
    "stories",
    "initiatives",
    "toolbox",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtailcache",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
]

# The one list (no other settings file adds to it; a middleware needed only somewhere decides from a
# setting). Outermost first.
MIDDLEWARE = [
    # The access log, outermost: request id, method, path, status and duration of every response.
    "focus_industry.web.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # CORS headers for the read-only API (CORS_URLS_REGEX: /api/ only), before anything can answer.
    "corsheaders.middleware.CorsMiddleware",
    # Static files are answered here, before sessions, locale or any database work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "focus_industry.web.request_guards.RequestGuardMiddleware",
    # Final Cache-Control, Vary: Cookie and Permissions-Policy; under /admin/ noindex and no-store
    # (focus_industry/web/http_headers.py).
    "focus_industry.web.http_headers.PublicHeadersMiddleware",
    # The page cache stores complete responses here (CSP header included) and serves them from its
    # FetchFromCacheMiddleware below, before the session, locale, CSRF and auth middleware: a request
    # with a session cookie never takes part, so a hit needs none of them (page_cache.py).
    "focus_industry.web.page_cache.UpdateCacheMiddleware",
    "focus_industry.web.http_headers.ContentSecurityPolicyMiddleware",
    "focus_industry.web.http_headers.LanguageFromPathMiddleware",
    "focus_industry.web.page_cache.FetchFromCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database that cannot be reached gives a branded 503 with Retry-After, not a 500.
    "focus_industry.web.outage.DatabaseUnavailableMiddleware",
    # An admin session that owes its second factor is held at the code page; elsewhere it is anonymous
    # (logins/two_factor.py). No middleware above it reads request.user before the view.
    "focus_industry.editors.logins.two_factor.SecondFactorMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as Axes asks
]

ROOT_URLCONF = "focus_industry.urls"
WSGI_APPLICATION = "focus_industry.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "focus_industry.web.page_cache.content_version_context",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite in var/ is the embedded default; DATABASE_URL (postgres://…) switches to PostgreSQL.
DEFAULT_SQLITE_PATH = VAR_DIR / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several editors, autosave and gunicorn workers write at once. A transaction takes the write lock
    # when it begins (IMMEDIATE), so two writers queue instead of one failing with "database is locked"
    # the moment both upgrade from reading to writing (which no timeout helps); a writer waits up to
    # DJANGO_SQLITE_TIMEOUT seconds for the lock; synchronous=NORMAL is safe with WAL and spares an fsync
    # per commit. WAL itself (visitors read while someone writes) is switched on by the first connection
    # to find the file without it (focus_industry.core.apps.use_wal): switching needs the file to itself, so it
    # cannot be a per-connection init command that two processes starting at once would race on.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": float(os.environ.get("DJANGO_SQLITE_TIMEOUT", "20")),
            "init_command": "PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails a request (503) and /readyz within seconds instead of hanging a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ---------------------------------------------------------------------------------
# One design (focus_industry/web/page_cache.py, docs/decisions.md): wagtail-cache keeps whole pages in
# "pagecache"; `{% wagtailcache %}` keeps fragments in "template_fragments" (the alias Django's cache
# tags use); code keeps data in "default". Fragments and data are keyed by the content version, a token in
# "default" that every purge replaces. Every store is shared by all processes, so a purge reaches all:
# with REDIS_URL, Redis (django-redis with IGNORE_EXCEPTIONS through cache_backends.ResilientRedisCache:
# while Redis is away, this host's files stand in for it for 30 s at a time); without it, folders of files under
# var/cache/ that every gunicorn worker of the host reads (FileBasedCache: no table to create, and no
# writes competing with editors' for SQLite's one write lock, as DatabaseCache would).
REDIS_URL = os.environ.get("REDIS_URL", "")
FOCUS_PAGE_CACHE_SECONDS = int(os.environ.get("FOCUS_PAGE_CACHE_SECONDS", "600"))
FOCUS_CACHE_DIR = Path(os.environ.get("FOCUS_CACHE_DIR", VAR_DIR / "cache"))
_CACHE_STORES = {"default": "focus", "template_fragments": "focus-fragments", "pagecache": "focus-pages"}
if REDIS_URL:
    REDIS_OPTIONS = {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
        "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
        # Fail fast while Redis is away instead of retrying within a visitor's request.
        "CONNECTION_POOL_KWARGS": {"retry": None},
        "AWAY_RETRY_SECONDS": float(os.environ.get("REDIS_AWAY_RETRY_SECONDS", "5")),
        "AWAY_WARNING_SECONDS": 60,
        # While Redis is away, this host's files stand in for it (as without Redis), keeping nothing
        # longer than this: another host's purge cannot reach them.
        "AWAY_STORE_SECONDS": float(os.environ.get("REDIS_AWAY_STORE_SECONDS", "30")),
    }
    CACHES = {
        alias: {
            "BACKEND": "focus_industry.web.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "TIMEOUT": FOCUS_PAGE_CACHE_SECONDS,
            "OPTIONS": {**REDIS_OPTIONS, "AWAY_STORE": str(FOCUS_CACHE_DIR / "redis-away" / alias)},
        }
        for alias, prefix in _CACHE_STORES.items()
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(FOCUS_CACHE_DIR / alias),
            "TIMEOUT": FOCUS_PAGE_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("FOCUS_CACHE_MAX_ENTRIES", "5000"))},
        }
        for alias in _CACHE_STORES
    }
if not env_bool("FOCUS_FRAGMENT_CACHE", True):
    CACHES["template_fragments"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
WAGTAIL_CACHE_BACKEND = "pagecache"
WAGTAIL_CACHE = env_bool("FOCUS_PAGE_CACHE", True)
# Every query string parameter is part of the key (the listings' filters, search terms, pages).
WAGTAIL_CACHE_IGNORE_QS = None
# What browsers and shared caches (Varnish, a CDN) may do with an anonymous public page (http_headers.py).
FOCUS_PUBLIC_CACHE_CONTROL = os.environ.get("FOCUS_PUBLIC_CACHE_CONTROL", "public, max-age=60, s-maxage=300")

# --- Passwords and auth ---------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Where the visitors' login (/_util/login/, for private pages and files) goes without a usable `next`.
LOGIN_REDIRECT_URL = "/"
# The visitors' login and the password forms of restricted pages and documents, in the site's own look.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "focus_industry/logins/visitor_login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "focus_industry/logins/password_required.html"  # noqa: S105
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "focus_industry/logins/password_required.html"  # noqa: S105

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "sv"
MODELTRANSLATION_LANGUAGES = ("sv", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("sv",), "sv": ("en",)}
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
# Editors write Swedish first; English is shown beside it on demand.
WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT = ("sv", "en")

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
FOCUS_SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)
FOCUS_MEDIA_MAX_AGE = int(os.environ.get("DJANGO_MEDIA_MAX_AGE", str(60 * 60 * 24)))  # browsers keep media a day

# --- Object storage (several app instances) -------------------------------------------------
# With AWS_STORAGE_BUCKET_NAME set, uploads go to S3-compatible object storage (django-storages):
# originals and documents are private (signed, short-lived URLs; documents are always streamed by
# Wagtail's serve view, so a visitor never sees a bucket URL), renditions go under `public/`, which
# the bucket policy (`manage.py ensure_media_bucket`) opens for anonymous reads, optionally through
# a CDN domain. Without it, the local disk (MEDIA_ROOT). docs/operations.md has the whole table.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_DEFAULT_ACL = None  # objects inherit the bucket's (private) access; never public-read ACLs
    AWS_S3_FILE_OVERWRITE = False
    AWS_QUERYSTRING_EXPIRE = int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "300"))
    AWS_S3_SIGNATURE_VERSION = "s3v4"
    _s3 = {"bucket_name": AWS_STORAGE_BUCKET_NAME}
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "media", "querystring_auth": True},
        },
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3,
                "location": "public",
                "querystring_auth": False,
                "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
                "url_protocol": os.environ.get("AWS_S3_URL_PROTOCOL", "https:"),
            },
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    FOCUS_SERVE_MEDIA = False
# Sessions live in the database every instance shares (never on an instance's disk).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Edge cache (Varnish, a CDN) ------------------------------------------------------------
# FOCUS_FRONTEND_CACHE_URLS: comma-separated addresses of the caches to send PURGE requests to
# (e.g. http://varnish:6081). focus_industry/web/frontend_cache.py purges a published page in both
# languages, with its parent listing and the home page, through Wagtail's HTTP backend.
WAGTAILFRONTENDCACHE = {
    f"cache{number}": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    for number, location in enumerate(env_list("FOCUS_FRONTEND_CACHE_URLS"))
}
# Translated slugs: the per-language URLs are computed by focus_industry/web/frontend_cache.py, not by
# rewriting a language prefix (Wagtail's approach for page trees per language).
WAGTAILFRONTENDCACHE_LANGUAGES = []
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_NUMBER_FIELDS = 4000

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Focus Industry"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False  # languages are fields (modeltranslation), not page trees
# Wagtail's database search, Swedish and English analysed in Python (lemmas, compounds, stems) and
# the same tokens indexed on PostgreSQL and SQLite (focus_industry/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "focus_industry.search.backend"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# At most 40 megapixels (e.g. 8000 × 5000): a 121-megapixel picture took 18 s to render the first time.
# Pillow's own limit is set to the same number at start-up (focus_industry/editors/image_uploads.py), and the
# upload forms say so plainly instead of failing.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "focus_industry.editors.image_uploads.ImageForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("sv", "Svenska"), ("en", "English")]

# --- Security defaults (production.py tightens) ---------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Content-Security-Policy (django-csp, focus_industry/web/http_headers.py). Public pages: only the site's
# own files, no inline script and no nonce (a cached page would share its nonce with everyone who gets
# it; the JSON-LD blocks are data, which CSP does not govern); films are framed from the two players
# the video block allows; nobody may frame the site. FOCUS_CSP_EXTRA_IMG_SRC adds image
# hosts (e.g. object storage for media), space-separated.
FOCUS_CSP_EXTRA_IMG_SRC = os.environ.get("FOCUS_CSP_EXTRA_IMG_SRC", "").split()
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *FOCUS_CSP_EXTRA_IMG_SRC],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin runs inline scripts and styles and previews pages in frames of its own.
FOCUS_ADMIN_CSP = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *FOCUS_CSP_EXTRA_IMG_SRC],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# Browser features the site never uses are switched off; films may go full screen in their frame.
FOCUS_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=(), "
    'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com"), '
    'autoplay=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com"), '
    'picture-in-picture=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
)

# --- Editors' workplace ---------------------------------------------------------------------
# Workflow notifications: plain text, in each recipient's admin language (focus_industry/editors/notifications.py),
# sent from DEFAULT_FROM_EMAIL (production.py reads it and the SMTP settings from the environment).
WAGTAILADMIN_NOTIFICATION_USE_HTML = False
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Wagtail's own slug-change redirects stay on; translated slugs are handled in focus_industry/core/redirects.py.
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAIL_AGING_PAGES_ENABLED = True
# No avatars fetched from gravatar.com: the admin makes no requests to other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Logging --------------------------------------------------------------------------------
# One JSON object per line on stdout (for the container runtime or journald), every record with the
# request id of the request it belongs to; DJANGO_LOG_FORMAT=plain for people reading a terminal.
# Requests are logged once, by focus_industry.web.request_log.RequestLogMiddleware (the first middleware):
# gunicorn's access log is off unless GUNICORN_ACCESS_LOG asks for it, and django.request only
# reports errors (a 404 is in the access log already). Health probes are logged at DEBUG.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "json").strip().lower()
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"DJANGO_LOG_FORMAT must be 'json' or 'plain', not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "focus_industry.web.request_log.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # django-axes announces its version at every start of every process (manage.py commands too).
        "axes.apps": {"level": "WARNING"},
        # runserver's "Watching for file changes": the demo logins stay in the last lines of `make run`.
        "django.utils.autoreload": {"level": "WARNING"},
    },
}
# Seconds a visitor is asked to wait (Retry-After) when the database cannot be reached.
FOCUS_RETRY_AFTER_SECONDS = int(os.environ.get("DJANGO_RETRY_AFTER_SECONDS", "30"))
# How long /readyz trusts its last look at the migrations (the check loads the migration graph).
FOCUS_READYZ_MIGRATIONS_TTL = float(os.environ.get("DJANGO_READYZ_MIGRATIONS_TTL", "10"))


def require_secret_key(key):
    if not key:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production settings refuse to start without a secret "
            "key: generate one with `python -c 'import secrets; print(secrets.token_urlsafe(50))'` "
            "and put it in the environment."
        )
    return key


# --- Toolbox: documents ---------------------------------------------------------------------
# What may be uploaded as a document (HTML and SVG never), how big, and how it is served: every
# download goes through Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD above), which enforces the
# collections' privacy and sends nosniff, a CSP and the original file name as an attachment.
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
    "png", "jpg", "jpeg", "gif", "webp", "csv", "txt", "zip",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("TOOLBOX_MAX_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every file is downloaded as an attachment with its own name
WAGTAILDOCS_DOCUMENT_FORM_BASE = "toolbox.forms.DocumentForm"
WAGTAILDOCS_CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8"}

# --- Read-only API (focus_industry/core/api.py) -----------------------------------------
# Wagtail API v2 at /api/v2/ (public stories, initiatives and resources). Any origin may read it:
# CORS headers for GET only, on /api/ only, never with cookies or credentials.
INSTALLED_APPS += ["wagtail.api.v2", "rest_framework", "corsheaders"]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_PREFLIGHT_MAX_AGE = 86400
WAGTAILAPI_LIMIT_MAX = 50
REST_FRAMEWORK = {
    # Anonymous and read-only: no session, no CSRF, no browsable HTML pages.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
}

# --- Safe logins: throttling (django-axes) and two-factor authentication (django-otp) -------
# See focus_industry/editors/logins/. Axes keeps its counts in the database (no extra service).
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "axes"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out clients before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "focus_industry.editors.logins.throttling.LoginForm"
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "focus_industry.editors.logins.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "focus_industry.editors.logins.throttling.client_ip"
AXES_ENABLE_ADMIN = False  # Django's own admin is not served; `manage.py axes_reset_username` unlocks
# Proxies in front of the app that append to X-Forwarded-For (0: REMOTE_ADDR is the client).
FOCUS_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
# Second factor: required for superusers and these groups; anyone else may opt in. Not switchable
# from the environment here: only dev.py may turn it off for a developer's own machine.
FOCUS_2FA_REQUIRED = True
FOCUS_2FA_REQUIRED_GROUPS = ["Coordinators"]
OTP_TOTP_ISSUER = "Focus Industry"
