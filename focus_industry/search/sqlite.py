"""SQLite (FTS5): both languages' texts in one index entry, missing translations left out; every match
ranked once per search."""

from collections import Counter, OrderedDict

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchResults,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .backend import in_order, language_values, loaded_values, prepare_value


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


def match_scores(compiler, config):
    """{object id (text): bm25 score} of every index entry the query matches, in one query; None for a
    query without words (everything, or a negation), which has no scores."""
    query = normalize(compiler.query)
    if isinstance(query, (MatchAll, Not)):
        return None
    # As modelsearch's SQLiteSearchQueryCompiler.search (1.3) builds its ranked index query.
    match = MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, compiler.build_search_query(query, config))
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    entries = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(compiler.queryset.model))
        .annotate(score=rank)
    )
    return dict(entries.values_list("index_entry__object_id", "score"))


class RankedOnceSQLiteSearchResults(SQLiteSearchResults):
    """modelsearch's SQLite results, with every match ranked once per search.

    modelsearch orders the matches by a subquery that runs the full-text match and bm25 again for every
    matching row, so a search costs the square of its matches (2 s for a word found in 10,000 stories).
    Here one query scores the matches, one lists the ids of those the caller's queryset lets through, in
    the caller's filters, and one fetches the page of results by id; the order is modelsearch's (best
    bm25 first, newer pages first among equals). Counts and facets need no ranking and get none; a
    facet lists the matches with the faceted field, and the ranking of the same results (a slice of them
    included) reuses that list instead of listing the matches again.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # {field name: [(pk, value)] of every match}; shared by the slices (clones) of these results.
        self._matches = {}

    def _clone(self):
        new = super()._clone()
        new._matches = self._matches
        return new

    def _matched(self, field_name=None):
        """(pk, value of `field_name`) of every match, unranked, listed once for these results."""
        if field_name is None and self._matches:
            return next(iter(self._matches.values()))
        if field_name not in self._matches:
            fields = ["pk"] if field_name is None else ["pk", field_name]
            self._matches[field_name] = [(row[0], row[-1]) for row in self._unranked().values_list(*fields)]
        return self._matches[field_name]

    def _unranked(self):
        compiler = self.query_compiler
        ranked, compiler.order_by_relevance = compiler.order_by_relevance, False
        try:
            return compiler.search(compiler.get_config(self.backend), None, None)
        finally:
            compiler.order_by_relevance = ranked

    def _scores(self):
        compiler = self.query_compiler
        return match_scores(compiler, compiler.get_config(self.backend)) if compiler.order_by_relevance else None

    def _ranked(self, scores, field_name=None):
        """The slice of (pk, value of `field_name`) of every match in modelsearch's order."""
        matched = sorted(self._matched(field_name), key=lambda pair: (scores.get(str(pair[0]), 0.0), -pair[0]))
        return matched[self.start : self.stop]

    def ranked_values(self, field_name):
        """[(pk, value of `field_name`)] of the matches in these results' slice, best first, without
        loading them: the list the search page counts and pages (backend.ranked_values)."""
        scores = self._scores()
        return loaded_values(self, field_name) if scores is None else self._ranked(scores, field_name)

    def _do_search(self):
        scores = self._scores()
        if scores is None:
            return super()._do_search()
        results = in_order(self.query_compiler.queryset, [pk for pk, _value in self._ranked(scores)])
        if self._score_field:
            for result in results:
                setattr(result, self._score_field, scores.get(str(result.pk)))
        return results

    def _do_count(self):
        return len(self._matched()) if self._matches else self._unranked().count()

    def facet(self, field_name):
        if self.query_compiler._get_filterable_field(field_name) is None:
            return super().facet(field_name)  # modelsearch's FilterFieldError
        counts = Counter(value for _pk, value in self._matched(field_name))
        return OrderedDict(counts.most_common())


class BilingualSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = BilingualSQLiteIndex
    results_class = RankedOnceSQLiteSearchResults
