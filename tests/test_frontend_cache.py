"""Publishing purges the edge cache for exactly the changed page in both languages, its listing and home.

A small HTTP server stands in for Varnish and records the PURGE requests Wagtail's HTTP backend sends
(the real Varnish is exercised in tests/scaleout/test_edge_cache.py).
"""

import http.server
import threading

import pytest

from django.test import override_settings
from django.utils import translation

from stories.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def purges():
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    backend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}
    location = f"http://127.0.0.1:{server.server_address[1]}"
    with override_settings(WAGTAILFRONTENDCACHE={"varnish": {**backend, "LOCATION": location}}):
        yield received
    server.shutdown()
    server.server_close()


def urls_of(page):
    urls = set()
    for language in ("sv", "en"):
        with translation.override(language):
            urls.add(page.get_url())
    return urls


@pytest.mark.parametrize("editor_language", ["sv", "en"])
def test_publishing_a_story_purges_it_in_both_languages_with_its_listing_and_home(purges, home, editor_language):
    story = StoryPage.objects.live().first()
    with translation.override(editor_language):  # the admin's language must not matter
        story.save_revision().publish()
    paths = {path for _host, path in purges}
    expected = urls_of(story) | urls_of(story.get_parent()) | urls_of(home)
    assert len(expected) == 6, expected  # Swedish and English addresses differ (translated slugs)
    assert paths == expected
    assert any(path.startswith("/en/") for path in paths) and any(not path.startswith("/en/") for path in paths)


def test_unpublishing_purges_the_page_too(purges):
    story = StoryPage.objects.live().first()
    story.unpublish()
    assert urls_of(story) <= {path for _host, path in purges}


def test_without_a_configured_cache_nothing_is_sent(purges):
    story = StoryPage.objects.live().first()
    with override_settings(WAGTAILFRONTENDCACHE={}):
        story.save_revision().publish()
    assert purges == []
