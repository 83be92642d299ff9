"""PostgreSQL: the tokens of both languages (analysis.py) in one index entry per page, under the "simple"
configuration; matched and ranked as on SQLite (ranking.py)."""

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchResults,
)
from modelsearch.utils import get_content_type_pk

from .backend import about_tokens, index_texts, plain, record_vocabulary, tokens
from .ranking import RankedResultsMixin

TOKENS_CONFIG = "simple"


class BilingualIndex(PostgresIndex):
    def add_items(self, model, objs):
        """PostgresIndex.add_items (modelsearch 1.3) with the analysed tokens: one upsert for all objects."""
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        rows, params, vocabulary = [], [], []
        for obj in objs:
            title, about, body, autocomplete = index_texts(obj)
            vocabulary.append((obj, about + body))
            rows.append(
                "(%s, %s, setweight(to_tsvector(%s, %s), 'A'), to_tsvector(%s, %s), to_tsvector(%s, %s), 1.0, %s, %s)"
            )
            params.extend(
                (
                    content_type_pk,
                    str(obj.pk),
                    TOKENS_CONFIG,
                    about_tokens(title, about),
                    self.backend.autocomplete_config,
                    plain(autocomplete),
                    TOKENS_CONFIG,
                    tokens(body),
                    plain(about),
                    plain(body),
                )
            )
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
        record_vocabulary(vocabulary)


class BilingualSearchResults(RankedResultsMixin, PostgresSearchResults):
    pass


class BilingualPostgresSearchBackend(PostgresSearchBackend):
    index_class = BilingualIndex
    results_class = BilingualSearchResults
