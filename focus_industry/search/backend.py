"""Wagtail's database search backend, taught that this site's texts come in two languages, and Swedish.

Wagtail keeps one text-search configuration per backend and indexes a field through its attribute,
which modeltranslation answers in whatever language is active while a page is saved. Both are wrong
for a bilingual site, so this backend (selected in WAGTAILSEARCH_BACKENDS) indexes every translated
field once per language, straight from its column (`title_sv`, `title_en`, `lead_sv` …), through the
analysis in analysis.py: Swedish by lemma and compound parts, English by Snowball stem. The index holds
those tokens, on PostgreSQL with the "simple" configuration and on SQLite in FTS5 with the plain
tokenizer, so both databases match and rank the same pages in the same order (ranking.py); a missing
translation (None or "") is left out, never indexed as the word "None".

Each index entry has two token columns: "title" holds what the page is about (its title and its lead,
summary, introduction or description: ABOUT_FIELDS), "body" the rest. The app models keep declaring
plain `index.SearchField("lead")`: the expansion happens here.
"""

import functools

from modelsearch.index import AutocompleteField, SearchField

from django.db import connection
from django.utils.encoding import force_str
from django.utils.html import strip_tags

from modeltranslation.fields import TranslationField

from .analysis import analyse, in_title, query_alternatives, words

# The fields that say what a page is about: indexed in the "title" column, which ranks first.
ABOUT_FIELDS = ("title", "lead", "summary", "intro", "hero_intro", "description")
VOCABULARY_WORD = 60  # longest word kept for "Did you mean"


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


def in_order(queryset, ids):
    """The objects of `queryset` with these ids, in the order of `ids` (one query); ids it lacks are left out."""
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def ranked_page(results, offset, limit, content_types=None, exclude=None):
    """({content type id: matches}, [(pk, content type id)] of the matches from `offset`, at most `limit`,
    best first), for a search's results; `content_types` or `exclude` narrow the listed matches (not the
    counts) to or away from those content types.

    The search page counts its matches per type and shows a page of them from this: one full-text query
    on this site's backends (ranking.py). Any other backend loads every match.
    """
    ranked = getattr(results, "ranked_page", None)
    if ranked is not None:
        return ranked(offset, limit, content_types=content_types, exclude=exclude)
    matches = [(obj.pk, obj.content_type_id) for obj in results]
    counts = {}
    for _pk, content_type in matches:
        counts[content_type] = counts.get(content_type, 0) + 1
    if content_types is not None:
        matches = [pair for pair in matches if pair[1] in content_types]
    if exclude is not None:
        matches = [pair for pair in matches if pair[1] not in exclude]
    return counts, matches[offset : None if limit is None else offset + limit]


def _texts(obj, field):
    for text, language in language_values(obj, field):
        yield (strip_tags(text) if "<" in text else text), language


def index_texts(obj):
    """(title, about, body, autocomplete) of `obj`: lists of (text, language or None) in every language;
    `about` holds the title's texts too."""
    title, about, body, autocomplete = [], [], [], []
    for field in obj.get_search_fields():
        if isinstance(field, AutocompleteField):
            autocomplete.extend(_texts(obj, field))
        elif isinstance(field, SearchField):
            texts = list(_texts(obj, field))
            (about if field.field_name in ABOUT_FIELDS else body).extend(texts)
            if field.field_name == "title":
                title.extend(texts)
        elif hasattr(field, "fields"):  # RelatedFields: untranslated, to the body
            related = field.get_value(obj)
            items = related.all() if hasattr(related, "all") else ([related] if related is not None else [])
            for item in items:
                for sub_field in field.fields:
                    if isinstance(sub_field, SearchField):
                        text = prepare_value(sub_field.get_value(item)).strip()
                        if text:
                            body.append((text, None))
    return title, about, body, autocomplete


def tokens(texts):
    """The index tokens of [(text, language)], one string."""
    return " ".join(filter(None, (analyse(text, language) for text, language in texts)))


def about_tokens(title, about):
    """The "title" column's tokens: what the page is about, and its title's tokens marked (TITLE_MARK)."""
    return f"{tokens(about)} {in_title(tokens(title))}".strip()


def plain(texts):
    return " ".join(text for text, _language in texts)


def record_vocabulary(objs_and_texts):
    """Add the words of live pages that anyone may see to the vocabulary "Did you mean" corrects from.

    A private or unpublished page's words are left out, so a suggestion never reveals them."""
    from wagtail.models import Page, PageViewRestriction

    from .models import SearchWord

    restricted = None
    found = set()
    for obj, texts in objs_and_texts:
        if isinstance(obj, Page):
            if not obj.live:
                continue
            if restricted is None:
                restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
            if any(obj.path.startswith(path) for path in restricted):
                continue
        for text, _language in texts:
            found.update(
                word for word in words(text) if 3 <= len(word) <= VOCABULARY_WORD and not any(c.isdigit() for c in word)
            )
    if found:
        SearchWord.objects.bulk_create(
            [SearchWord(word=word, written=True) for word in sorted(found)],
            update_conflicts=True,
            unique_fields=["word"],
            update_fields=["written"],
        )
        stood_for = {token for word in found for token in query_alternatives(word)} - found
        SearchWord.objects.bulk_create([SearchWord(word=token) for token in sorted(stood_for)], ignore_conflicts=True)


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
