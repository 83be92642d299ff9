"""Wagtail's database search backend, taught that this site's texts come in two languages.

Wagtail keeps one text-search configuration per backend and indexes a field through its attribute,
which modeltranslation answers in whatever language is active while a page is saved. Both are wrong
for a bilingual site, so this backend (selected in WAGTAILSEARCH_BACKENDS) indexes every translated
field once per language, straight from its column (`title_sv`, `title_en`, `lead_sv` …):

- on PostgreSQL each language goes through its own configuration ("swedish", "english"; fields
  without translations through "simple"), and a query is parsed with each of them and OR-ed, so
  "företagen" finds "företag", "companies" finds "company", in whichever language the visitor uses;
- on SQLite (FTS5) the texts of both languages are indexed; a migration gives the FTS table the
  Porter tokenizer, so English words are stemmed there too (Swedish ones are matched as written);
- a missing translation (None or "") is left out, never indexed as the word "None".

The app models keep declaring plain `index.SearchField("lead")`: the expansion happens here.
"""

import functools

from modelsearch.index import SearchField

from django.db import connection
from django.utils.encoding import force_str

from modeltranslation.fields import TranslationField

DEFAULT_LANGUAGE_CONFIGS = {"sv": "swedish", "en": "english"}
UNTRANSLATED_CONFIG = "simple"


def _translated_columns(model, field_name):
    """[(column name, language)] for a modeltranslation field of `model`, else []."""
    from django.conf import settings

    columns = []
    for code, _name in settings.LANGUAGES:
        try:
            field = model._meta.get_field(f"{field_name}_{code}")
        except Exception:  # noqa: BLE001 - FieldDoesNotExist and friends: not translated
            return []
        if not isinstance(field, TranslationField):
            return []
        columns.append((field.name, code))
    return columns


def prepare_value(value):
    """Text for the index: None becomes nothing, lists and dicts are joined."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(filter(None, (prepare_value(item) for item in value)))
    if isinstance(value, dict):
        return ", ".join(filter(None, (prepare_value(item) for item in value.values())))
    return force_str(value)


def language_values(obj, field):
    """(text, language or None) for a SearchField of `obj`: one per language for translated fields."""
    columns = _translated_columns(type(obj), field.field_name)
    if not columns:
        text = prepare_value(field.get_value(obj)).strip()
        if text:
            yield text, None
        return
    for column, language in columns:
        text = prepare_value(SearchField(column).get_value(obj)).strip()
        if text:
            yield text, language


def ranked_values(results, field_name):
    """[(pk, value of `field_name`)] of every match of `results` (a search, sliced or not), best first.

    The search page counts its matches per type and shows a page of them from this one list, so a
    search costs one full-text query whatever type and page are asked for. This site's backends list
    the matches without loading them (`ranked_values` on their results); any other backend loads them.
    """
    ranked = getattr(results, "ranked_values", None)
    return ranked(field_name) if ranked is not None else loaded_values(results, field_name)


def in_order(queryset, ids):
    """The objects of `queryset` with these ids, in the order of `ids` (one query); ids it lacks are left out."""
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def loaded_values(results, field_name):
    """ranked_values by loading every match (backends, or searches, that cannot list them unloaded)."""
    return [(obj.pk, getattr(obj, field_name)) for obj in results]


@functools.cache
def _sqlite_fts_ready():
    """Whether SQLite has FTS5 and Wagtail's FTS table (asked once per process, as Wagtail does)."""
    from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

    return fts5_available() and fts_table_exists()


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """The bilingual backend for the database in use (PostgreSQL, SQLite with FTS5, else Wagtail's fallback)."""
    if connection.vendor == "postgresql":
        from .postgres import BilingualPostgresSearchBackend

        return BilingualPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        if _sqlite_fts_ready():
            from .sqlite import BilingualSQLiteSearchBackend

            return BilingualSQLiteSearchBackend(params)
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)
