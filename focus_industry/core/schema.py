"""Indexes on the per-language columns wagtail-modeltranslation adds to Wagtail's page table.

wagtail-modeltranslation adds `url_path_sv`, `url_path_en` and the other translated fields of `Page` to
`wagtailcore_page` outside Django's migrations (its `migrate` wrapper runs `sync_page_translation_fields`
after them), so no migration can index them. A page's child is found by its translated `slug`
(translated_routing.py); without an index that query reads every child (6 ms at 10,000 stories on
SQLite, growing with every page). The `url_path` indexes are older (the apps' own routes looked pages up
by their path); no query needs them now, and they stay until a step that drops them on existing
databases is written.

After every `migrate` (post_migrate), this runs the same idempotent sync first where a column is missing, so
that a new database has the columns already, and then creates whichever of the indexes are missing.
"""

import contextlib
import io

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from wagtail_modeltranslation.management.commands.sync_page_translation_fields import (
    Command as SyncPageTranslationFields,
)

PAGE_TABLE = "wagtailcore_page"
INDEXED_FIELDS = ("url_path", "slug")


def index_name(column):
    return f"focus_page_{column}"


def _columns(connection):
    with connection.cursor() as cursor:
        return {column.name for column in connection.introspection.get_table_description(cursor, PAGE_TABLE)}


def index_translated_columns(sender=None, using=DEFAULT_DB_ALIAS, **kwargs):
    if using != DEFAULT_DB_ALIAS:  # the sync command works on the default database only
        return
    connection = connections[using]
    wanted = {f"{field}_{language}" for field in INDEXED_FIELDS for language, _name in settings.LANGUAGES}
    if not wanted <= _columns(connection):
        with contextlib.redirect_stdout(io.StringIO()):  # it reports on stdout, and the wrapper will again
            SyncPageTranslationFields().handle(interactive=False)
    columns = _columns(connection)
    with connection.cursor() as cursor:
        for field in INDEXED_FIELDS:
            for language, _name in settings.LANGUAGES:
                column = f"{field}_{language}"
                if column in columns:
                    cursor.execute(
                        f"CREATE INDEX IF NOT EXISTS {connection.ops.quote_name(index_name(column))} "
                        f"ON {connection.ops.quote_name(PAGE_TABLE)} ({connection.ops.quote_name(column)})"
                    )
