"""PostgreSQL: one text-search configuration per language, in one index entry per page."""

import operator
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
from modelsearch.utils import ADD, get_content_type_pk

from django.contrib.postgres.search import SearchVector
from django.db.models import TextField, Value
from django.db.models.sql.subqueries import InsertQuery

from .backend import DEFAULT_LANGUAGE_CONFIGS, UNTRANSLATED_CONFIG, language_values, prepare_value


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
    pass


class BilingualSearchResults(PostgresSearchResults):
    pass


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
