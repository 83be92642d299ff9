"""A corpus of malformed requests against every kind of URL: a clear 4xx page, never a 5xx."""

import pytest

from django.urls import get_resolver

pytestmark = pytest.mark.django_db

PAGE_URLS = ["/", "/en/", "/om-focus-industry/", "/en/action-areas/", "/sok/", "/en/search/"]
NON_PAGE_URLS = ["/sitemap.xml", "/robots.txt", "/healthz", "/documents/1/x.pdf", "/media/x.jpg"]

BAD_SUFFIXES = [
    "?page=" + "9" * 40,
    "?page=%00",
    "?q=%ff%fe%fd",
    "?q=" + "å" * 3000,
    "?" + "&".join(f"a{n}=b" for n in range(300)),
    "?region=%27%22%3E%3Cscript%3E&area[]=1",
    "?q=%F0%9F%98%80%00",
]
BAD_PATHS = [
    "/%ff%fe/",
    "/en/%c0%af/",
    "/" + "x" * 5000 + "/",
    "/" + "a/" * 400,
    "/..%2f..%2fetc%2fpasswd",
    "/en/\u202e/",
    "/%00/",
    "/admin/%ff/",
]


def all_urls():
    urls = list(PAGE_URLS + NON_PAGE_URLS)
    urls += [url + suffix for url in PAGE_URLS for suffix in BAD_SUFFIXES]
    urls += BAD_PATHS
    return urls


@pytest.mark.parametrize("url", all_urls())
def test_malformed_get_is_answered_without_server_error(client, url):
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
@pytest.mark.parametrize("url", ["/", "/en/about-focus-industry/", "/en/search/?q=x", "/sitemap.xml"])
def test_odd_methods_get_a_clear_4xx(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code < 500
    if method in ("put", "patch", "delete", "trace"):
        assert 400 <= response.status_code < 500


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "a" * 300, "bad host"])
def test_unknown_hosts_get_a_400_page(client, host):
    response = client.get("/en/", HTTP_HOST=host)
    assert response.status_code == 400
    assert b"Bad request" in response.content


def test_huge_headers_do_not_break_pages(client):
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE="x" * 20000, HTTP_REFERER="y" * 20000, HTTP_COOKIE="z" * 8000)
    assert response.status_code == 200


def test_every_url_pattern_survives_garbage(client):
    """Walk the URL patterns Django knows (apps included) with a hostile suffix."""
    patterns = set()
    for _key, (possibilities, _pattern, _defaults, _converters) in get_resolver().reverse_dict.items():
        for result, _params in possibilities:
            if "%(" not in result:
                patterns.add("/" + result)
    assert patterns
    for pattern in sorted(patterns):
        if pattern.startswith("/admin"):
            continue
        for suffix in ("?%ff=%fe", "?page=-1&q=" + "x" * 1000):
            response = client.get(pattern + suffix)
            assert response.status_code < 500, (pattern, suffix, response.status_code)
