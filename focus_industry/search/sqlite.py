"""SQLite (FTS5): both languages' texts in one index entry, missing translations left out."""

from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

from .backend import language_values, prepare_value


class BilingualSQLiteIndex(SQLiteIndex):
    @staticmethod
    def texts(obj):
        """(title, autocomplete, body) of `obj`: every language of every translated field."""
        title, autocomplete, body = [], [], []
        for field in obj.get_search_fields():
            if isinstance(field, AutocompleteField):
                autocomplete.extend(text for text, _language in language_values(obj, field))
            elif isinstance(field, SearchField):
                target = title if field.field_name == "title" else body
                target.extend(text for text, _language in language_values(obj, field))
            elif hasattr(field, "fields"):  # RelatedFields: untranslated, to the body
                related = field.get_value(obj)
                items = related.all() if hasattr(related, "all") else ([related] if related is not None else [])
                for item in items:
                    for sub_field in field.fields:
                        if isinstance(sub_field, SearchField):
                            body.append(prepare_value(sub_field.get_value(item)))
        return " ".join(title), " ".join(autocomplete), " ".join(filter(None, body))

    def add_items(self, model, objs):
        """SQLiteIndex.add_items (modelsearch 1.3) with the bilingual texts."""
        if not model.get_search_fields():
            return
        data = {str(obj.pk): self.texts(obj) for obj in objs}
        if not data:
            return
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
        self._refresh_title_norms()


class BilingualSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = BilingualSQLiteIndex
