from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def make_sqlite_folders():
    """Create the folder of every SQLite database file: SQLite makes its file on first use, not the folder.

    On a fresh host `var/` (or FOCUS_VAR_DIR) does not exist yet. Whether something else made it first
    (the file page cache does, in its system check) depended on the order Django runs its checks in,
    which changes from one installation to the next, so `migrate` in bin/start could fail with "unable
    to open database file".
    """
    for database in settings.DATABASES.values():
        name = str(database.get("NAME") or "")
        in_memory = name in ("", ":memory:") or name.startswith("file:")  # URI names: in-memory test databases
        if database.get("ENGINE") == "django.db.backends.sqlite3" and not in_memory:
            Path(name).parent.mkdir(parents=True, exist_ok=True)


class FocusIndustryConfig(AppConfig):
    name = "focus_industry"
    verbose_name = _("Focus Industry")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        make_sqlite_folders()

        from .accounts import make_names_optional

        make_names_optional()

        from . import notifications, page_cache, redirects, signals, taxonomy  # noqa: F401  (signals connect on import)
        from .frontend_cache import connect as connect_frontend_cache
        from .models import HomePage
        from .schema import index_translated_columns

        # wagtail-modeltranslation overwrites `route` on every translated page model when it starts.
        HomePage.route = HomePage._home_route

        notifications.connect()
        redirects.connect()
        page_cache.connect()
        connect_frontend_cache()
        post_migrate.connect(index_translated_columns, sender=self, dispatch_uid="focus_translated_indexes")
