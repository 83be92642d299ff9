"""One ranking for both databases: the same matches in the same order on PostgreSQL and SQLite.

PostgreSQL's ts_rank and SQLite's bm25 weigh words differently, so neither is used. A page's place is
decided by what a visitor would look at first:

1. pages that are about the words (found in the title, lead, summary, introduction or description:
   the index's "title" column) before pages that merely mention them in their body;
2. among those, content (stories, initiatives, resources, plain pages) before the pages that list it
   (home, indexes, regions, action areas);
3. then the number of query words in its title, more first;
4. then the number of query words the page is about, more first;
5. then the newest page first.

Every input is a yes or no that both databases answer from the same tokens, so the order is the same.
A search runs one SQL statement: the matches are gathered once (a CTE), counted per content type and
cut to the page asked for, so no match is read into Python.
"""

from collections import OrderedDict

from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

from django.db import connection
from django.db.models import F

from .analysis import TITLE_MARK, query_terms
from .backend import in_order

ENTRY_TABLE = "wagtailsearch_indexentry"
NO_LIMIT = 2**62
FTS_MATCH = "e.id IN (SELECT rowid FROM wagtailsearch_indexentry_fts WHERE wagtailsearch_indexentry_fts MATCH %s)"


def _tsquery(alternatives):
    return " | ".join(f"'{token}'" for token in alternatives)


def _fts(alternatives):
    return "(" + " OR ".join(f'"{token}"' for token in alternatives) + ")"


class MatchSQL:
    """The SQL of "the entry has one of these tokens" for each database (tokens are letters and digits
    only: analysis.WORD, so no quoting can be broken)."""

    def __init__(self, vendor):
        self.vendor = vendor

    def in_column(self, column, alternatives):
        if self.vendor == "postgresql":
            return f"e.{column} @@ to_tsquery('simple', %s)", [_tsquery(alternatives)]
        return FTS_MATCH, ["{" + column + "}: " + _fts(alternatives)]

    def matches(self, terms, operator):
        """The condition that an entry matches every word (operator "and") or any (operator "or")."""
        joiner = "OR" if operator == "or" else "AND"
        if self.vendor == "postgresql":
            # Per word and column, so that the GIN indexes on both columns answer it and the planner
            # estimates it from their statistics.
            parts, params = [], []
            for alternatives in terms:
                for column in ("title", "body"):
                    sql, more = self.in_column(column, alternatives)
                    parts.append(sql)
                    params.extend(more)
            pairs = [f"({parts[i]} OR {parts[i + 1]})" for i in range(0, len(parts), 2)]
            return "(" + f" {joiner} ".join(pairs) + ")", params
        joined = f" {joiner} ".join(_fts(alternatives) for alternatives in terms)
        return FTS_MATCH, ["{title body}: " + joined]

    def about(self, terms, title=False):
        """How many query words are in the "title" column (title and lead), or in the title alone."""
        parts, params = [], []
        for alternatives in terms:
            if title:
                alternatives = [TITLE_MARK + token for token in alternatives]
            sql, more = self.in_column("title", alternatives)
            parts.append(f"CASE WHEN {sql} THEN 1 ELSE 0 END")
            params.extend(more)
        return " + ".join(parts), params


def _in(column, values):
    values = list(values)
    if not values:
        return "1 = 0", []
    return f"{column} IN ({', '.join(['%s'] * len(values))})", values


def ranked_page(queryset, query, offset, limit, *, content_types, content_models, only=None, exclude=None):
    """({content type id: matches}, [(pk, content type id)]) for a PlainText `query` of `queryset`.

    `content_types` are the content type ids whose index entries may match (the queryset's model and its
    descendants), `content_models` those ranked as content rather than listings; `only` and `exclude`
    narrow the listed page (not the counts) to or away from content type ids.
    """
    operator = query.operator
    terms = query_terms(query.query_string)
    if not terms:
        return {}, []
    sql = MatchSQL(connection.vendor)
    match, match_params = sql.matches(terms, operator)
    about, about_params = sql.about(terms)
    in_title, in_title_params = sql.about(terms, title=True)
    types_sql, types_params = _in("e.content_type_id", content_types)
    content_sql, content_params = _in("e.content_type_id", content_models)
    pages = queryset.order_by().annotate(_focus_id=F("pk")).values_list("_focus_id")
    pages_sql, pages_params = pages.query.sql_with_params()
    # The entries' object ids are text and the pages' ids integers: both databases compare them as
    # integers (every page's object id is its integer id). Comparing them as text cast every page id and
    # hashed the strings: on PostgreSQL at 100,000 stories the hash of the pages took 580 ms of a 1.9 s
    # search, as integers 170 ms; on SQLite joining on text scanned the pages per match.
    page_key = "CAST(e.object_id AS integer)"
    narrow, narrow_params = "1 = 1", []
    if only is not None:
        narrow, narrow_params = _in("ct", only)
    elif exclude:
        narrow, narrow_params = _in("ct", exclude)
        narrow = f"NOT ({narrow})"
    statement = f"""
        WITH m AS MATERIALIZED (
            SELECT {page_key} AS id, e.content_type_id AS ct, {about} AS about,
                   {in_title} AS title, CASE WHEN {content_sql} THEN 0 ELSE 1 END AS listing
            FROM {ENTRY_TABLE} e
            WHERE {types_sql} AND {match} AND {page_key} IN (SELECT p._focus_id FROM ({pages_sql}) p)
        )
        SELECT NULL, ct, COUNT(*), NULL, NULL FROM m GROUP BY ct
        UNION ALL
        SELECT * FROM (
            SELECT id, ct, about, listing, title FROM m WHERE {narrow}
            ORDER BY CASE WHEN about = 0 THEN 1 ELSE 0 END, listing, title DESC, about DESC, id DESC
            LIMIT %s OFFSET %s
        ) AS shown
    """  # noqa: S608 - every value is a parameter; the SQL pieces are built above from constants
    params = [
        *about_params,
        *in_title_params,
        *content_params,
        *types_params,
        *match_params,
        *pages_params,
        *narrow_params,
        NO_LIMIT if limit is None else limit,
        offset,
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    counts = {ct: count for pk, ct, count, _listing, _title in rows if pk is None}
    shown = sorted(
        (row for row in rows if row[0] is not None),
        key=lambda row: (row[2] == 0, row[3], -row[4], -row[2], -row[0]),
    )
    return counts, [(row[0], row[1]) for row in shown]


class RankedResultsMixin:
    """Search results ranked as above, for plain-text searches; any other query (a phrase, everything,
    a negation) is left to modelsearch. Slices load their page by id; counts and the content type facet
    come from the same statement."""

    def _ranks(self):
        compiler = self.query_compiler
        return isinstance(compiler.query, PlainText)

    def ranked_page(self, offset, limit, content_types=None, exclude=None):
        from .types import content_model_ids

        compiler = self.query_compiler
        queryset = compiler.queryset
        return ranked_page(
            queryset,
            compiler.query,
            offset,
            limit,
            content_types=get_descendants_content_types_pks(queryset.model),
            content_models=content_model_ids(),
            only=content_types,
            exclude=exclude,
        )

    def _do_search(self):
        if not self._ranks():
            return super()._do_search()
        limit = None if self.stop is None else self.stop - self.start
        if not self.query_compiler.order_by_relevance:
            _counts, matches = self.ranked_page(0, None)
            queryset = self.query_compiler.queryset.filter(pk__in=[pk for pk, _ct in matches])
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return list(queryset[self.start : self.stop])
        _counts, matches = self.ranked_page(self.start, limit)
        return in_order(self.query_compiler.queryset, [pk for pk, _ct in matches])

    def _do_count(self):
        if not self._ranks():
            return super()._do_count()
        counts, _matches = self.ranked_page(0, 0)
        total = sum(counts.values()) - self.start
        if self.stop is not None:
            total = min(total, self.stop - self.start)
        return max(total, 0)

    def facet(self, field_name):
        if not self._ranks() or field_name != "content_type_id":
            return super().facet(field_name)
        counts, _matches = self.ranked_page(0, 0)
        return OrderedDict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
