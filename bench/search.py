"""Search latency over a 10,000-story corpus.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fi_issue7 \\
        .venv/bin/python bench/search.py [--scale 10000] [--runs 20]

Migrates the database at DATABASE_URL (a throwaway SQLite file when unset), loads the demo content with
`--scale N` generated stories (kept between runs: only missing ones are added), then runs each query of a
set of Swedish and English searches `--runs` times through the search view itself (promotions, type
counts, one page of results, the rendered page; no page cache, no middleware) and prints the median and
95th percentile in milliseconds, per query and overall, with the number of database queries one search runs.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    ("sv", "företagen"),
    ("sv", "digitalisering verkstad"),
    ("sv", "affärsmodell"),
    ("sv", "kompetens produktionen"),
    ("sv", "Dalarna"),
    ("en", "companies"),
    ("en", "upskilling"),
    ("en", "export market"),
    ("en", "manufacturing waste"),
    ("en", "university"),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        os.environ["FOCUS_VAR_DIR"] = tempfile.mkdtemp(prefix="focus-bench-search-")
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

    from focus_industry.search.types import registered_types
    from focus_industry.search.views import search, search_context
    from stories.models import StoryPage

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("update_translation_fields", verbosity=0)
    # Index once at the end, in bulk, rather than page by page while 10,000 stories are added.
    backends = {name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("load_demo_content", scale=args.scale, verbosity=0)
    call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Re-indexing rewrites every index entry: reclaim the old versions and refresh the statistics,
            # the state autovacuum brings a live database to, so each run measures the same thing.
            cursor.execute("VACUUM ANALYZE")
    print(
        f"database: {connection.vendor}, stories: {StoryPage.objects.count()}, setup {time.monotonic() - started:.0f} s"
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
