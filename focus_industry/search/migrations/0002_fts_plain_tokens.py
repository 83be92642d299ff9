"""SQLite only: the full-text table holds the tokens the search backend made in Python (lemmas, stems,
the parts of compounds: search/analysis.py), so FTS5 must only split them at spaces and fold case, as
PostgreSQL's "simple" configuration does: the plain unicode61 tokenizer, diacritics kept ("får" is
not "far"). The Porter tokenizer of focus_industry 0004 would stem the tokens a second time, and
differently from PostgreSQL. The index entries are re-made by `manage.py update_index`.

0004's `rebuild` is not reused: it only tells "porter" from no tokenizer option, and this migration
needs an option of its own.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
PLAIN = "unicode61 remove_diacritics 0"
PORTER = "porter unicode61"


def use_tokenizer(tokenize):
    def operation(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
            row = cursor.fetchone()
        if row is None or f"tokenize='{tokenize}'" in row[0]:
            return  # no FTS5 on this SQLite (Wagtail's fallback search is used), or already so
        schema_editor.execute(f"DROP TABLE {FTS_TABLE}")
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title, tokenize='{tokenize}')"
        )
        schema_editor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, autocomplete, body, title) "  # noqa: S608 - constant names
            f"SELECT id, autocomplete, body, title FROM {ENTRY_TABLE}"
        )

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("focus_search", "0001_initial"),
        ("focus_industry", "0004_search_fts_porter"),
    ]

    operations = [migrations.RunPython(use_tokenizer(PLAIN), use_tokenizer(PORTER), elidable=False)]
