"""Local development: a fixed throwaway secret, e-mail to the console, static files without collectstatic.

DEBUG is off unless DJANGO_DEBUG=1: `make run` is how people look at the demo site, and with DEBUG on an
unknown address shows Django's technical page instead of the site's own 404 page.
"""

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: F405, S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Static files straight from the source folders, with or without DEBUG and before any collectstatic:
# the manifest storage of production would make every page a 500 until collectstatic has run.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
FOCUS_DEMO_ACCOUNTS = True
# Readable logs in a terminal; DJANGO_LOG_FORMAT=json shows what production writes.
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("DJANGO_LOG_FORMAT", "plain")  # noqa: F405
# Two-step verification stays on by default (the demo admin and coordinator get their TOTP key printed
# once by `load_demo_content --accounts`); FOCUS_2FA_REQUIRED=0 turns it off on a developer's machine.
FOCUS_2FA_REQUIRED = env_bool("FOCUS_2FA_REQUIRED", True)
