"""Varnish (deploy/varnish/default.vcl) in front of the cluster: visitors get cached pages, editors never do."""

import gzip

import pytest

from .conftest import EDITOR
from .infra import Browser, fetch
from .test_scaleout import publish, save_draft

pytestmark = pytest.mark.scaleout


def warm(url):
    first = fetch(url)
    assert first.status == 200
    assert "s-maxage=" in first.headers.get("Cache-Control", ""), first.headers.get("Cache-Control")
    second = fetch(url)
    assert second.headers["X-Cache"] == "HIT", dict(second.headers)
    return second


def test_a_publish_is_visible_through_varnish_at_once_in_both_languages(cluster, varnish):
    pk, sv_url, en_url, (sv_title, en_title) = save_draft(cluster["env"])
    for url, title in ((sv_url, sv_title), (en_url, en_title)):
        assert title not in warm(varnish.url + url).text
    editor = Browser()
    editor.login(varnish.url, *EDITOR)  # through Varnish and HAProxy, to whichever instance
    publish(editor, varnish.url, pk)
    for url, title in ((sv_url, sv_title), (en_url, en_title)):
        fresh = fetch(varnish.url + url)
        assert title in fresh.text, url
        assert fresh.headers["X-Cache"] == "MISS", url  # purged, fetched anew
        assert fetch(varnish.url + url).headers["X-Cache"] == "HIT", url  # and cached again


def test_the_edge_sends_pages_gzipped_to_browsers_that_accept_it(cluster, varnish):
    url = varnish.url + "/en/about-focus-industry/"
    plain = fetch(url)
    zipped = fetch(url, headers={"Accept-Encoding": "gzip"})
    assert zipped.status == 200 and zipped.headers.get("Content-Encoding") == "gzip", dict(zipped.headers)
    assert gzip.decompress(zipped.body) == plain.body
    assert plain.headers.get("Content-Encoding") is None  # unzipped for a client that does not ask
    assert len(zipped.body) < len(plain.body) / 2


def test_a_page_a_visitor_did_not_change_stays_cached_after_an_unrelated_publish(cluster, varnish):
    warm(varnish.url + "/en/about-focus-industry/")
    pk, *_ = save_draft(cluster["env"])
    editor = Browser()
    editor.login(varnish.url, *EDITOR)
    publish(editor, varnish.url, pk)
    assert fetch(varnish.url + "/en/about-focus-industry/").headers["X-Cache"] == "HIT"


def test_an_editor_never_gets_a_cached_page(cluster, varnish):
    warm(varnish.url + "/en/")
    editor = Browser()
    editor.login(varnish.url, *EDITOR)
    page = editor.request(varnish.url + "/en/")
    assert page.status == 200
    assert page.headers["X-Cache"] == "PASS"
    assert "userbar" in page.text  # the editor's own page, with Wagtail's user bar
    admin = editor.request(varnish.url + "/admin/")
    assert admin.status == 200 and admin.headers["X-Cache"] == "PASS"
    # A visitor still gets the cached copy, without the user bar.
    visitor = fetch(varnish.url + "/en/")
    assert visitor.headers["X-Cache"] == "HIT" and "userbar" not in visitor.text
