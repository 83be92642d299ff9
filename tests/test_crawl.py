"""A crawl of the whole demo site from / in both languages: no broken link, no server error, and
every HTML page carries its language and its hreflang twins."""

import re
from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = pytest.mark.django_db

SKIP_PREFIXES = ("/admin/", "/django-admin/")


def crawl(client, starts, limit=400):
    seen, queue, pages, problems = set(), list(starts), {}, []
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            location = response["Location"]
            if urlsplit(location).netloc in ("", "testserver"):
                queue.append(urlsplit(location)._replace(scheme="", netloc="").geturl())
            continue
        if response.status_code != 200:
            problems.append((url, response.status_code))
            continue
        content_type = response.get("Content-Type", "")
        if not content_type.startswith("text/html"):
            continue
        html = response.content.decode()
        pages[url] = html
        for href in re.findall(r'<a\s[^>]*href="([^"]+)"', html):
            href = urldefrag(href.replace("&amp;", "&"))[0]
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel") or (parts.netloc and parts.netloc != "testserver"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path.startswith("/") or path.startswith(SKIP_PREFIXES):
                continue
            # Do not explode on every combination of filters and page numbers.
            if path.count("&") > 1 or "page=" in path and not path.endswith("page=2"):
                continue
            if path not in seen:
                queue.append(path)
    return pages, problems


def test_crawl_finds_no_broken_link_and_every_page_is_bilingual(client):
    pages, problems = crawl(client, ["/", "/en/"])
    assert problems == []
    assert len(pages) >= 20
    languages = set()
    for url, html in pages.items():
        lang = re.search(r'<html lang="(sv|en)"', html)
        assert lang, url
        languages.add(lang.group(1))
        for code in ("sv", "en", "x-default"):
            assert f'hreflang="{code}"' in html, (url, code)
    assert languages == {"sv", "en"}


QUERY_BUDGET = 15


def test_every_kind_of_public_page_stays_within_the_query_budget(client):
    """One page of every kind the crawl reaches (each page type, with and without a query string),
    fetched a second time so per-process caches are warm as on a running site: at most 15 queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pages, problems = crawl(client, ["/", "/en/"])
    assert problems == []
    samples = {}
    for url in sorted(pages):
        response = client.get(url)
        page = (response.context or {}).get("page")
        kind = (type(page).__name__ if page is not None else response.resolver_match.url_name, "?" in url)
        samples.setdefault(kind, url)
    assert len(samples) >= 10
    over = {}
    for url in samples.values():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        if len(queries) > QUERY_BUDGET:
            over[url] = len(queries)
    assert over == {}
