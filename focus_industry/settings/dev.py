"""Local development: debug on, a fixed throwaway secret, e-mail to the console."""

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: F405, S105
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
FOCUS_DEMO_ACCOUNTS = True
# Readable logs in a terminal; DJANGO_LOG_FORMAT=json shows what production writes.
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("DJANGO_LOG_FORMAT", "plain")  # noqa: F405
# Two-step verification stays on by default (the demo admin and coordinator get their TOTP key printed
# once by `load_demo_content --accounts`); FOCUS_2FA_REQUIRED=0 turns it off on a developer's machine.
FOCUS_2FA_REQUIRED = env_bool("FOCUS_2FA_REQUIRED", True)
