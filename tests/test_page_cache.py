"""The page cache for anonymous visitors: stored per language and query string, purged when content
changes, never used for editors, and a Redis outage only makes the site slower."""

import os
import socket

import pytest
from csp.constants import NONCE

from django.conf import settings
from django.core.cache import caches
from django.test import Client, override_settings

from focus_industry.core.models import Region, SiteSettings, StandardPage
from focus_industry.web import page_cache
from tests.conftest import VerifiedClient

pytestmark = pytest.mark.django_db

CACHE_HEADER = "X-Wagtail-Cache"


@pytest.fixture(autouse=True)
def page_cache_on():
    with override_settings(WAGTAIL_CACHE=True):
        caches["pagecache"].clear()
        yield
        caches["pagecache"].clear()


@pytest.fixture
def about():
    return StandardPage.objects.live().get(slug_sv="om-focus-industry")


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code < 500, url
    return response


def publish_new_titles(page, sv, en, capture):
    page.title_sv, page.title_en = sv, en
    with capture(execute=True):
        page.save_revision().publish()


def test_anonymous_pages_are_served_from_the_cache_per_language_and_query_string():
    client = Client()
    first = get(client, "/")
    assert first[CACHE_HEADER] == "miss"
    again = get(client, "/")
    assert again[CACHE_HEADER] == "hit"
    assert again.content == first.content
    assert not again.cookies

    english = get(client, "/en/")
    assert english[CACHE_HEADER] == "miss"
    assert b'<html lang="en"' in english.content and b'<html lang="sv"' in again.content

    listing = get(client, "/en/success-stories/")
    filtered = get(client, "/en/success-stories/?region=dalarna")
    assert (listing[CACHE_HEADER], filtered[CACHE_HEADER]) == ("miss", "miss")
    assert get(client, "/en/success-stories/?region=dalarna").content == filtered.content
    assert get(client, "/en/success-stories/?region=varmland")[CACHE_HEADER] == "miss"


def test_browser_language_does_not_split_the_cache():
    client = Client()
    get(client, "/", HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9")
    response = get(client, "/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response[CACHE_HEADER] == "hit"
    assert b'<html lang="sv"' in response.content
    assert "accept-language" not in response.get("Vary", "").lower()


def test_publishing_purges_the_page_in_both_languages(about, django_capture_on_commit_callbacks):
    client = Client()
    sv_url, en_url = "/om-focus-industry/", "/en/about-focus-industry/"
    for url in (sv_url, en_url):
        get(client, url)
        assert get(client, url)[CACHE_HEADER] == "hit"

    publish_new_titles(about, "Om oss, nytt namn", "About us, new name", django_capture_on_commit_callbacks)

    swedish, english = get(client, sv_url), get(client, en_url)
    assert swedish[CACHE_HEADER] == english[CACHE_HEADER] == "miss"
    assert "Om oss, nytt namn" in swedish.content.decode()
    assert "About us, new name" in english.content.decode()


def test_unpublishing_and_deleting_purge_the_page(about, django_capture_on_commit_callbacks):
    client = Client()
    get(client, "/en/about-focus-industry/")
    with django_capture_on_commit_callbacks(execute=True):
        about.unpublish()
    assert get(client, "/en/about-focus-industry/").status_code == 404

    page = StandardPage.objects.live().exclude(pk=about.pk).first()
    url = page.url
    assert get(client, url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert get(client, url).status_code == 404


def test_moving_a_page_purges_its_old_address(about, home, django_capture_on_commit_callbacks):
    client = Client()
    target = StandardPage.objects.live().exclude(pk=about.pk).first()
    url = about.url
    assert get(client, url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        about.move(target, pos="last-child")
    moved = get(client, url)  # no longer the cached page: Wagtail's redirect to the new address
    assert moved.status_code == 301
    assert moved["Location"] == StandardPage.objects.get(pk=about.pk).url


@pytest.mark.parametrize("change", ["region", "settings"])
def test_snippets_and_settings_shown_on_pages_purge_the_cache(change, django_capture_on_commit_callbacks):
    client = Client()
    get(client, "/en/")
    assert get(client, "/en/")[CACHE_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        if change == "region":
            region = Region.objects.first()
            region.name_en = "Renamed region"
            region.save()
        else:
            site_settings = SiteSettings.load()
            site_settings.contact_heading_en = "Write to us"
            site_settings.save()
    assert get(client, "/en/")[CACHE_HEADER] == "miss"


def test_editors_neither_read_nor_fill_the_cache(make_user):
    anonymous, editor = Client(), VerifiedClient()
    editor.force_login(make_user(superuser=True))  # with the second factor: a whole editor's session

    get(anonymous, "/en/")
    seen_by_editor = get(editor, "/en/")
    assert seen_by_editor[CACHE_HEADER] == "skip"
    assert seen_by_editor["Cache-Control"] == "private, no-cache"
    assert b"wagtail-userbar" in seen_by_editor.content

    caches["pagecache"].clear()
    get(editor, "/en/success-stories/")
    seen_by_visitor = get(anonymous, "/en/success-stories/")
    assert seen_by_visitor[CACHE_HEADER] == "miss"
    assert b"wagtail-userbar" not in seen_by_visitor.content


def test_only_complete_answers_are_stored():
    client = Client()
    for url in ("/en/no-such-page/", "/en/success-stories"):  # a 404 and a redirect to the slash
        first, second = get(client, url), get(client, url)
        assert first.status_code != 200
        assert second[CACHE_HEADER] != "hit", url
    for url in ("/admin/login/", "/healthz"):
        get(client, url)
        assert get(client, url)[CACHE_HEADER] == "skip", url


def redis_caches(url):
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    return {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "OPTIONS": options},
        "pagecache": {
            "BACKEND": "focus_industry.web.cache_backends.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "test-pages",
            "OPTIONS": options,
        },
        "template_fragments": settings.CACHES["template_fragments"],
    }


def test_a_redis_that_is_down_makes_the_site_slower_never_broken(
    about, django_capture_on_commit_callbacks, redis_down_url
):
    with override_settings(CACHES=redis_caches(redis_down_url)):
        client = Client()
        for url in ("/", "/en/", "/en/success-stories/", "/om-focus-industry/"):
            assert get(client, url).status_code == 200
            assert get(client, url).status_code == 200
        publish_new_titles(about, "Om oss medan Redis är nere", "About", django_capture_on_commit_callbacks)
        assert "Om oss medan Redis är nere" in get(client, "/om-focus-industry/").content.decode()


def redis_url_for_tests():
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    host, _, port = url.split("//", 1)[1].split("/", 1)[0].rpartition(":")
    try:
        socket.create_connection((host or "127.0.0.1", int(port or 6379)), timeout=0.5).close()
    except OSError:
        if os.environ.get("CI") and os.environ.get("REDIS_URL"):
            pytest.fail(f"REDIS_URL is set but nothing answers at {url}")
        pytest.skip(f"no Redis answers at {url} (set REDIS_URL to test the page cache in Redis)")
    return url


def test_in_redis_pages_are_cached_and_a_purge_keeps_other_keys(about, django_capture_on_commit_callbacks):
    with override_settings(CACHES=redis_caches(redis_url_for_tests())):
        caches["default"].set("not-a-page", "kept")
        client = Client()
        get(client, "/om-focus-industry/")
        assert get(client, "/om-focus-industry/")[CACHE_HEADER] == "hit"
        publish_new_titles(about, "Om oss i Redis", "About", django_capture_on_commit_callbacks)
        response = get(client, "/om-focus-industry/")
        assert response[CACHE_HEADER] == "miss"
        assert "Om oss i Redis" in response.content.decode()
        assert caches["default"].get("not-a-page") == "kept"
        caches["default"].delete("not-a-page")
        caches["pagecache"].clear()


# --- What is never stored ------------------------------------------------------------------------


def test_a_page_whose_rendering_began_before_a_purge_is_not_served_after_it(about, monkeypatch):
    """A publish that commits while a visitor's page is being rendered: that page shows the old text
    and must not be stored for the visitors after the publish."""
    client = Client()
    original = StandardPage.get_context
    calls = []

    def context_with_a_publish_meanwhile(self, request, *args, **kwargs):
        context = original(self, request, *args, **kwargs)
        if not calls:
            calls.append(1)
            StandardPage.objects.filter(pk=about.pk).update(title_sv="Om oss efter publiceringen")
            page_cache.purge("published meanwhile")
        return context

    monkeypatch.setattr(StandardPage, "get_context", context_with_a_publish_meanwhile)
    assert get(client, "/om-focus-industry/")[CACHE_HEADER] == "skip"  # not stored
    after = get(client, "/om-focus-industry/")
    assert after[CACHE_HEADER] == "miss"
    assert "Om oss efter publiceringen" in after.content.decode()


def test_a_page_whose_policy_has_a_nonce_is_never_stored(monkeypatch):
    """A nonce must differ per response: a stored page would give everyone who gets it the same one."""
    from focus_industry.web.http_headers import ContentSecurityPolicyMiddleware

    original = ContentSecurityPolicyMiddleware.process_response

    def with_a_nonce(self, request, response):
        str(request.csp_nonce)  # what a template using {{ request.csp_nonce }} does
        return original(self, request, response)

    monkeypatch.setattr(ContentSecurityPolicyMiddleware, "process_response", with_a_nonce)
    policy = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    with_nonce = {"DIRECTIVES": {**policy, "script-src": [*policy["script-src"], NONCE]}}
    client = Client()
    with override_settings(CONTENT_SECURITY_POLICY=with_nonce):
        first, second = get(client, "/en/"), get(client, "/en/")
    assert "'nonce-" in first["Content-Security-Policy"]
    assert (first[CACHE_HEADER], second[CACHE_HEADER]) == ("skip", "skip")
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]


def test_each_hit_is_a_response_of_its_own():
    client = Client()
    get(client, "/en/")
    first, second = get(client, "/en/"), get(client, "/en/")
    assert first[CACHE_HEADER] == second[CACHE_HEADER] == "hit"
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert first.content == second.content


@pytest.mark.parametrize("url", ["/", "/en/", "/en/success-stories/?region=dalarna"])
def test_a_hit_answers_with_the_headers_of_the_page_it_stored(url):
    """A hit is served before the session, locale, CSRF and auth middleware (page_cache.py): it must
    still carry what they and the headers middleware gave the page when it was rendered."""
    client = Client()
    stored, hit = get(client, url), get(client, url)
    assert (stored[CACHE_HEADER], hit[CACHE_HEADER]) == ("miss", "hit")
    for header in (
        "Content-Language",
        "Content-Security-Policy",
        "X-Frame-Options",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "Permissions-Policy",
        "Cache-Control",
        "Vary",
    ):
        assert hit.get(header) == stored.get(header), header
    assert hit["Content-Language"] == ("sv" if url == "/" else "en")
    assert not hit.cookies


def test_an_unknown_host_asking_for_a_cached_page_gets_a_400_not_a_cache_error(caplog):
    client = Client()
    get(client, "/en/")
    with caplog.at_level("ERROR"):
        response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert not [record for record in caplog.records if record.name == "wagtail-cache"]


def test_visitors_switching_language_are_served_hits_in_each():
    client = Client()
    for url in ("/", "/en/", "/en/toolbox/"):
        assert get(client, url)[CACHE_HEADER] == "miss", url
    for url in ("/", "/en/", "/", "/en/toolbox/", "/", "/en/"):
        assert get(client, url)[CACHE_HEADER] == "hit", url
