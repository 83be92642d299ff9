"""PostgreSQL: one text-search configuration per language, in one index entry per page."""

import operator
import re
from functools import reduce

from modelsearch.backends.database.postgres.postgres import (
    EMPTY_VECTOR,
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import PlainText
from modelsearch.utils import ADD, get_content_type_pk

from django.contrib.postgres.search import SearchVector
from django.db import ProgrammingError
from django.db.models import Q, TextField, Value
from django.db.models.sql.subqueries import InsertQuery

from .backend import DEFAULT_LANGUAGE_CONFIGS, UNTRANSLATED_CONFIG, in_order, language_values, prepare_value


class BilingualObjectIndexer(ObjectIndexer):
    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language_configs = backend.language_configs

    def prepare_value(self, value):
        return prepare_value(value)

    def _texts(self, title):
        """(text, weight, configuration) of the title fields (title=True) or of all the others."""
        for field in self.search_fields:
            if isinstance(field, SearchField):
                if (field.field_name == "title") != title:
                    continue
                for text, language in language_values(self.obj, field):
                    yield text, get_weight(field.boost), self.language_configs.get(language, self.config)
            elif not title:  # RelatedFields: their texts go to the body, untranslated
                for current, weight, text in self.prepare_field(self.obj, field):
                    if isinstance(current, SearchField) and text.strip():
                        yield text.strip(), weight, self.config

    def _vector(self, texts):
        if not texts:
            return EMPTY_VECTOR
        return ADD(
            [
                SearchVector(Value(text, output_field=TextField()), weight=weight, config=config)
                for text, weight, config in texts
            ]
        )

    @property
    def title(self):
        return self._vector(list(self._texts(title=True)))

    @property
    def body(self):
        return self._vector(list(self._texts(title=False)))

    @property
    def autocomplete(self):
        texts = [
            (text, "D", self.autocomplete_config)
            for field in self.search_fields
            if isinstance(field, AutocompleteField)
            for text, _language in language_values(self.obj, field)
        ]
        return self._vector(texts)

    @property
    def title_text(self):
        return " ".join(text for text, _weight, _config in self._texts(title=True))

    @property
    def body_text(self):
        return " ".join(text for text, _weight, _config in self._texts(title=False))


class BilingualIndex(PostgresIndex):
    def add_items(self, model, objs):
        """PostgresIndex.add_items (modelsearch 1.3) with the bilingual indexer: one upsert for all objects."""
        if not model.get_search_fields():
            return
        indexers = [BilingualObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,  # noqa: S608 - table name from the model, values are parameters
                params,
            )
        self._refresh_title_norms()


class MultiConfigMixin:
    """A query is parsed with every configuration (a tuple from get_config) and the parts OR-ed."""

    def get_config(self, backend):
        return backend.query_configs

    def build_tsquery(self, query, config=None):
        configs = config if isinstance(config, tuple) else (config,)
        parts = [self.build_tsquery_content(query, config=one) for one in configs]
        parts = [part for part in parts if part is not None]
        return reduce(operator.or_, parts) if parts else None


class BilingualSearchQueryCompiler(MultiConfigMixin, PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        """modelsearch's search, with the match written per word and per column.

        modelsearch matches `(title || body) @@ query`. Concatenating two large vectors for every
        index entry cost a full scan of ~50 ms at 10,000 stories, twice per search (counts and
        results), and PostgreSQL cannot estimate how many rows such an expression matches. Here a
        page matches when each word (in any of the languages' forms) is in its title or its body:
        `(title @@ w1 OR body @@ w1) AND (title @@ w2 OR body @@ w2) …`, which the GIN indexes on
        title and body answer and the planner estimates from their statistics. Ranking is
        modelsearch's own.
        """
        if self.fields is not None or not isinstance(self.query, PlainText) or self.query.operator != "and":
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # The words as modelsearch's build_tsquery_content splits them (whitespace and hyphens).
        words = [word for word in re.split(r"[\s\-]+", self.query.query_string) if word]
        if not words:
            return self.queryset.none()
        conditions = []
        for word in words:
            word_query = self.build_tsquery(PlainText(word), config=config)
            conditions.append(Q(index_entries__title=word_query) | Q(index_entries__body=word_query))
        # One filter() call, so every condition applies to the same index entry (one join).
        queryset = self.queryset.filter(reduce(operator.and_, conditions))
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_search_vectors(search_query), config)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class BilingualSearchResults(PostgresSearchResults):
    """modelsearch's PostgreSQL results, ranked without LIMIT: every match listed once, the slice cut here.

    With `ORDER BY rank LIMIT n` PostgreSQL may choose to read the matches presorted and join each to its
    page by a nested loop (the join casts the page id to text, so no index helps): 1.4 s for 1,429 matches
    at 10,000 stories, where the same query without LIMIT hash-joins in 7 ms. So the ranked ids of every
    match are listed in one query and the slice is taken in Python; a page of results is then fetched by
    id. The search page reads the list itself (`ranked_values`) and fetches nothing.
    """

    def _ranked(self, *fields):
        """[(pk, *fields)] of the matches in these results' slice, in modelsearch's order (rank, newest pk)."""
        compiler = self.query_compiler
        queryset = compiler.search(compiler.get_config(self.backend), None, None, backend=self.backend)
        try:
            rows = list(queryset.values_list("pk", *fields))
        except ProgrammingError as error:
            self._handle_missing_postgres_extension(error)
        return rows[self.start : self.stop]

    def ranked_values(self, field_name):
        """[(pk, value of `field_name`)] of the matches in these results' slice, best first, in one query
        (backend.ranked_values): what the search page counts and pages."""
        return self._ranked(field_name)

    def _do_search(self):
        if self._score_field or not self.query_compiler.order_by_relevance:
            return super()._do_search()
        return in_order(self.query_compiler.queryset, [row[0] for row in self._ranked()])


class BilingualPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = BilingualSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    index_class = BilingualIndex
    results_class = BilingualSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS") or DEFAULT_LANGUAGE_CONFIGS)
        self.config = params.get("SEARCH_CONFIG") or UNTRANSLATED_CONFIG
        self.query_configs = tuple(dict.fromkeys([*self.language_configs.values(), self.config]))
