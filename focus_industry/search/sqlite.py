"""SQLite (FTS5): the tokens of both languages (analysis.py) in one index entry per page; matched and
ranked as on PostgreSQL (ranking.py)."""

from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchResults,
)
from modelsearch.utils import get_content_type_pk

from .backend import about_tokens, index_texts, plain, record_vocabulary, tokens
from .ranking import RankedResultsMixin


class BilingualSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """SQLiteIndex.add_items (modelsearch 1.3) with the analysed tokens."""
        if not model.get_search_fields() or not objs:
            return
        data, vocabulary = {}, []
        for obj in objs:
            title, about, body, autocomplete = index_texts(obj)
            vocabulary.append((obj, about + body))
            data[str(obj.pk)] = (about_tokens(title, about), plain(autocomplete), tokens(body))
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        existing = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=get_content_type_pk(model),
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in existing
        )
        record_vocabulary(vocabulary)


class RankedSQLiteSearchResults(RankedResultsMixin, SQLiteSearchResults):
    pass


class BilingualSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = BilingualSQLiteIndex
    results_class = RankedSQLiteSearchResults
