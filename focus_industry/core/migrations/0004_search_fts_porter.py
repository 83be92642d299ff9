"""SQLite only: Wagtail's full-text table gets the Porter tokenizer, so English words are stemmed
("companies" finds "company") on SQLite as they are on PostgreSQL. The table is rebuilt from the
index entries it mirrors; Wagtail's triggers on wagtailsearch_indexentry keep it in step afterwards.
PostgreSQL needs nothing here: its configurations are chosen per language by the search backend.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"


def rebuild(schema_editor, tokenize):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        row = cursor.fetchone()
    if row is None or ("porter" in row[0]) == bool(tokenize):
        return  # no FTS5 on this SQLite (Wagtail's fallback search is used), or already done
    option = f", tokenize='{tokenize}'" if tokenize else ""
    schema_editor.execute(f"DROP TABLE {FTS_TABLE}")
    schema_editor.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title{option})")
    schema_editor.execute(
        f"INSERT INTO {FTS_TABLE}(rowid, autocomplete, body, title) "  # noqa: S608 - constant table names
        f"SELECT id, autocomplete, body, title FROM {ENTRY_TABLE}"
    )


def forwards(apps, schema_editor):
    rebuild(schema_editor, "porter unicode61")


def backwards(apps, schema_editor):
    rebuild(schema_editor, None)


class Migration(migrations.Migration):
    dependencies = [
        ("focus_industry", "0003_editors_workplace"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
