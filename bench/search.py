"""Search latency over 100,000 stories, on PostgreSQL or SQLite.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/focus_bench_search \\
        .venv/bin/python bench/search.py [--scale 100000] [--runs 20]
    .venv/bin/python bench/search.py --sqlite-dir var/bench-search    # SQLite (a file kept there)

Migrates the database at DATABASE_URL (SQLite in --sqlite-dir, or a throwaway folder, when unset),
loads the demo content, adds `--scale N` bench stories in bulk (two multi-row inserts per thousand, no
save through the page tree; kept between runs: only missing ones are added), then builds the search
index once for every page and prints how long that took. Then it runs each query of a set of Swedish
and English searches `--runs` times through the search view itself (promotions, type counts, one page
of results, "Did you mean", the rendered page; no page cache, no middleware) and prints the median and
95th percentile in milliseconds, per query and overall, with the number of database queries one
search runs.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    ("sv", "företagen"),
    ("sv", "digitalisering verkstad"),
    ("sv", "affärsmodeller"),
    ("sv", "kompetensen produktionen"),
    ("sv", "sågverket"),
    ("sv", "Dalarna"),
    ("sv", "komptens"),
    ("en", "companies"),
    ("en", "upskilling"),
    ("en", "export market"),
    ("en", "manufacturing waste"),
    ("en", "university"),
]
BATCH = 1000
REGIONS = [("Dalarna", "Dalarna"), ("Värmland", "Värmland"), ("Gävleborg", "Gävleborg")]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_story(number, index, path, content_type, now):
    """One bench story as a model instance, not saved: the template of the rows add_bench_stories writes."""
    from wagtail.rich_text import RichText

    from stories.models import StoryPage

    values = varying(number, index, path, None)
    body = {name: [("text", RichText(values.pop(name)))] for name in ("body_sv", "body_en")}
    for name in ("id", "page_ptr_id", "title", "slug", "url_path", "lead"):
        values.pop(name)
    return StoryPage(
        **values,
        **body,
        depth=index.depth + 1,
        numchild=0,
        content_type=content_type,
        locale_id=index.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )


def add_bench_stories(count, log):
    """Add the missing bench stories under the story index, in bulk: one story is built as a model to
    get every column's database value, the others are rows copied from it with their own ids, titles,
    texts and tree paths, inserted a thousand at a time into the page and story tables (no model
    instance per story: wagtail-modeltranslation's constructor alone cost 13 ms a page)."""
    import json

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import F, Max
    from django.utils import timezone

    from wagtail.models import Page

    from stories.models import StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get()
    have = StoryPage.objects.child_of(index).filter(slug_sv__startswith="bank-").count()
    if have >= count:
        return 0
    content_type = ContentType.objects.get_for_model(StoryPage)
    last = index.get_last_child()
    path = last._inc_path() if last else StoryPage._get_path(index.path, index.depth + 1, 1)
    tables = [(Page, [f for f in Page._meta.concrete_fields]), (StoryPage, list(StoryPage._meta.local_concrete_fields))]
    inserts = []
    for model, fields in tables:
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        inserts.append(
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "  # noqa: S608 - model names
            f"VALUES ({', '.join(['%s'] * len(fields))})"
        )
    prepare = {field.attname: field for _model, fields in tables for field in fields}
    next_id = (Page.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    now = timezone.now()
    started = time.monotonic()
    for first in range(have + 1, count + 1, BATCH):
        rows = ([], [])
        for number in range(first, min(first + BATCH, count + 1)):
            story = bench_story(number, index, path, content_type, now) if number == first else None
            if story is not None:
                template = [
                    {
                        field.attname: field.get_db_prep_save(getattr(story, field.attname), connection)
                        for field in fields
                    }
                    for _model, fields in tables
                ]
            values = varying(number, index, path, next_id)
            for name in ("body_sv", "body_en"):
                values[name] = json.dumps([{"type": "text", "value": values[name], "id": str(uuid.uuid4())}])
            for name in ("date", "translation_key"):
                values[name] = prepare[name].get_db_prep_save(values[name], connection)
            for table, (_model, fields) in enumerate(tables):
                row = {**template[table], **{k: v for k, v in values.items() if k in template[table]}}
                rows[table].append([row[field.attname] for field in fields])
            path = _next_path(path)
            next_id += 1
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(inserts[0], rows[0])
            cursor.executemany(inserts[1], rows[1])
            StoryIndexPage.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(rows[0]))
        if (first - 1) % 20000 < BATCH:
            log(f"  {first - 1 + len(rows[0])} bench stories, {time.monotonic() - started:.0f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'), MAX(id)) FROM wagtailcore_page"
            )
    return count - have


def _next_path(path):
    """The tree path after `path` (treebeard's, without a model instance)."""
    from wagtail.models import Page

    return Page(path=path)._inc_path()


def varying(number, index, path, pk):
    """The columns that differ from one bench story to the next."""
    import datetime

    topic_sv, topic_en = _topics()[number % len(_topics())]
    region_sv, region_en = REGIONS[number % len(REGIONS)]
    slug_sv, slug_en = f"bank-{number:06d}", f"bench-{number:06d}"
    return {
        "id": pk,
        "page_ptr_id": pk,
        "title": f"{topic_sv} ({number})",
        "title_sv": f"{topic_sv} ({number})",
        "title_en": f"{topic_en} ({number})",
        "draft_title": f"{topic_sv} ({number})",
        "slug": slug_sv,
        "slug_sv": slug_sv,
        "slug_en": slug_en,
        "url_path": f"{index.url_path_sv}{slug_sv}/",
        "url_path_sv": f"{index.url_path_sv}{slug_sv}/",
        "url_path_en": f"{index.url_path_en or index.url_path_sv}{slug_en}/",
        "lead": f"Exempel {number}: så arbetar ett företag i {region_sv} med sin verksamhet.",
        "lead_sv": f"Exempel {number}: så arbetar ett företag i {region_sv} med sin verksamhet.",
        "lead_en": f"Example {number}: how a company in {region_en} runs its business.",
        "body_sv": (
            "<p>Företagen i regionen delar erfarenheter av kompetensförsörjning, reservdelar och sågverkens "
            f"omställning (exempel {number}).</p>"
        ),
        "body_en": (
            f"<p>The region's companies share what they learnt about skills, spare parts and sawmills ({number}).</p>"
        ),
        "date": datetime.date(2023, 12, 31) - datetime.timedelta(days=number % 700),
        "path": path,
        "translation_key": uuid.uuid4(),
    }


def _topics():
    from stories.demo import GENERATED_TOPICS

    return GENERATED_TOPICS


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sqlite-dir", help="keep the SQLite database here between runs (without DATABASE_URL)")
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="measure the stories and index already in the database (no loading, no indexing: ~20 min saved)",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        folder = args.sqlite_dir or tempfile.mkdtemp(prefix="focus-bench-search-")
        os.environ["FOCUS_VAR_DIR"] = str(Path(folder).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "focus_industry.settings.dev")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from wagtail.models import Page

    from focus_industry.search.types import registered_types
    from focus_industry.search.views import search, search_context

    added, loaded, indexing = 0, 0.0, 0.0
    if not args.measure_only:
        started = time.monotonic()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("update_translation_fields", verbosity=0)
        backends = {name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()}
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            call_command("load_demo_content", verbosity=0)
            added = add_bench_stories(args.scale, print)
        loaded = time.monotonic() - started
        indexing = time.monotonic()
        call_command("update_index", verbosity=0)
        indexing = time.monotonic() - indexing
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Re-indexing rewrites every index entry: reclaim the old versions and refresh the statistics,
                # the state autovacuum brings a live database to, so each run measures the same thing.
                cursor.execute("VACUUM ANALYZE")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    pages = Page.objects.count()
    if args.measure_only:
        print(f"database: {connection.vendor}, pages: {pages} (content and search index as found)")
    else:
        print(
            f"database: {connection.vendor}, pages: {pages} ({added} bench stories added), "
            f"content loaded in {loaded:.0f} s, search index built for every page in {indexing:.0f} s"
        )

    factory = RequestFactory(HTTP_HOST="localhost")
    all_times = []
    print(f"{'language':8} {'query':28} {'results':>8} {'queries':>8} {'median ms':>10} {'p95 ms':>8}")
    for language, query in QUERIES:
        with translation.override(language):
            request = factory.get("/", {"q": query})
            search(request)  # warm up
            connection.queries_log.clear()  # a full log (the corpus load) would hide the count
            with CaptureQueriesContext(connection) as captured:
                response = search(request)
            if response.status_code != 200:
                raise SystemExit(f"{query}: status {response.status_code}")
            count = search_context(request, query, registered_types(), None)["result_count"]
            times = []
            for _run in range(args.runs):
                begin = time.perf_counter()
                search(factory.get("/", {"q": query}))
                times.append((time.perf_counter() - begin) * 1000)
        all_times.extend(times)
        print(
            f"{language:8} {query:28} {count:>8} {len(captured):>8} "
            f"{statistics.median(times):>10.1f} {percentile(times, 0.95):>8.1f}"
        )
    median, p95 = statistics.median(all_times), percentile(all_times, 0.95)
    print(f"all queries: median {median:.1f} ms, p95 {p95:.1f} ms (the whole search page, rendered)")


if __name__ == "__main__":
    main()
