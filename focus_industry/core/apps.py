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


def use_wal(sender, connection, **kwargs):
    """Put an SQLite file into WAL mode once; the mode is kept in the file for every later connection.

    Two processes starting together (gunicorn workers, an editor's autosave beside Publish) both find
    a new file in rollback mode. Switching needs every other connection gone, so one of them is told
    "database is locked" at once, whatever the timeout: that one carries on, and the other switches.
    """
    if connection.vendor != "sqlite":
        return
    import sqlite3

    raw = connection.connection
    if raw.execute("PRAGMA journal_mode").fetchone()[0].lower() in ("wal", "memory"):
        return
    try:
        raw.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError:
        pass  # the other connection is switching the file to WAL right now


class FocusIndustryConfig(AppConfig):
    """The content core. Its label stays "focus_industry": tables, migrations and content types keep their names."""

    name = "focus_industry.core"
    label = "focus_industry"
    verbose_name = _("Focus Industry")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        make_sqlite_folders()
        connection_created.connect(use_wal, dispatch_uid="focus_sqlite_wal")

        from focus_industry.editors.accounts import make_names_optional

        make_names_optional()

        from focus_industry.core import redirects, signals, taxonomy  # noqa: F401  (signals connect on import)
        from focus_industry.editors import notifications
        from focus_industry.editors.csv_safety import protect_wagtail_exports
        from focus_industry.editors.image_uploads import apply_pillow_limit
        from focus_industry.web import page_cache
        from focus_industry.web.frontend_cache import connect as connect_frontend_cache

        from .schema import index_translated_columns

        notifications.connect()
        redirects.connect()
        page_cache.connect()
        connect_frontend_cache()
        protect_wagtail_exports()
        apply_pillow_limit()
        post_migrate.connect(index_translated_columns, sender=self, dispatch_uid="focus_translated_indexes")
