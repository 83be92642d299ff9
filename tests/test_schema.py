"""The per-language page columns wagtail-modeltranslation adds outside the migrations get their indexes."""

import pytest

from django.db import connection

from focus_industry.core.schema import index_translated_columns
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def indexed_columns():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    return {tuple(constraint["columns"]) for constraint in constraints.values() if constraint["index"]}


def test_migrate_leaves_the_translated_url_paths_indexed_and_may_run_again():
    assert {("url_path_sv",), ("url_path_en",)} <= indexed_columns()
    index_translated_columns()  # every later migrate runs it again
    assert {("url_path_sv",), ("url_path_en",)} <= indexed_columns()


def test_a_story_is_looked_up_by_its_path_through_the_index():
    story = StoryPage.objects.live().first()
    queryset = StoryPage.objects.filter(url_path_en=story.url_path_en)
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database is small enough for a table scan to win; ask whether the index can serve.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "focus_page_url_path_en" in plan, plan
