"""The foundation: every core page in both languages, the language switch, hreflang, errors, demo."""

import re
from html.parser import HTMLParser

import pytest

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

from focus_industry.core.models import ActionAreaIndexPage, ActionAreaPage, HomePage, StandardPage
from focus_industry.web import views

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """Collects <html lang>, <link rel=alternate hreflang>, the language switch links and all hrefs."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.alternates = {}
        self.switch = []
        self.hrefs = []
        self._in_switch = False
        self.title = ""
        self._in_title = False
        self.h1 = ""
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "ul" and "language-switch" in (attrs.get("class") or ""):
            self._in_switch = True
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
            if self._in_switch:
                self.switch.append(attrs)
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_switch = False
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_h1:
            self.h1 += data


def parse(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def page_urls(page):
    urls = {}
    for language in ("sv", "en"):
        with translation.override(language):
            urls[language] = page.get_url()
    return urls


def core_pages():
    return [
        HomePage.objects.get(),
        ActionAreaIndexPage.objects.get(),
        ActionAreaPage.objects.order_by("action_area__sort_order").first(),
        StandardPage.objects.get(slug_sv="om-focus-industry"),
    ]


def test_every_core_page_type_renders_in_both_languages(client):
    for page in core_pages():
        urls = page_urls(page)
        assert urls["sv"] != urls["en"]
        assert urls["en"].startswith("/en/")
        for language, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, url
            parsed = parse(response)
            assert parsed.lang == language
            title = getattr(page, f"title_{language}")
            assert title in response.content.decode()


def test_about_page_has_the_real_sites_addresses(client):
    assert client.get("/om-focus-industry/").status_code == 200
    assert client.get("/en/about-focus-industry/").status_code == 200
    assert client.get("/en/om-focus-industry/").status_code == 404


def test_language_switch_leads_to_the_same_page_in_the_other_language(client):
    for page in core_pages():
        urls = page_urls(page)
        for language, other in (("sv", "en"), ("en", "sv")):
            parsed = parse(client.get(urls[language]))
            assert len(parsed.switch) == 1
            link = parsed.switch[0]
            assert link["hreflang"] == other and link["lang"] == other
            assert link["href"] == urls[other]
            twin = parse(client.get(link["href"]))
            assert twin.lang == other
            assert twin.h1.strip()


def test_language_switch_keeps_the_query_string(client):
    parsed = parse(client.get("/sok/?q=industri"))
    assert parsed.switch[0]["href"] == "/en/search/?q=industri"


def test_hreflang_alternates_point_to_both_twins_and_swedish_is_default(client):
    for page in core_pages():
        urls = page_urls(page)
        parsed = parse(client.get(urls["en"]))
        assert parsed.alternates["sv"] == f"http://testserver{urls['sv']}"
        assert parsed.alternates["en"] == f"http://testserver{urls['en']}"
        assert parsed.alternates["x-default"] == parsed.alternates["sv"]


@pytest.mark.parametrize(
    ("url", "language", "text"),
    [("/finns-inte/", "sv", "Sidan hittades inte"), ("/en/does-not-exist/", "en", "Page not found")],
)
def test_not_found_page_in_each_language(client, url, language, text):
    response = client.get(url)
    assert response.status_code == 404
    assert parse(response).lang == language
    assert text in response.content.decode()


@pytest.mark.parametrize(("path", "text"), [("/x/", "Något gick fel"), ("/en/x/", "Something went wrong")])
def test_server_error_page_renders_without_the_database(path, text, django_assert_num_queries):
    request = RequestFactory().get(path)
    with django_assert_num_queries(0):
        response = views.server_error(request)
    assert response.status_code == 500
    assert text in response.content.decode()


def test_english_page_without_english_text_falls_back_to_swedish_and_says_so(client, home):
    page = StandardPage(title_sv="Bara på svenska", slug_sv="bara-pa-svenska", intro_sv="Svensk ingress.")
    home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get("/en/bara-pa-svenska/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bara på svenska" in html
    assert "has not been translated into English yet" in html
    assert re.search(r'<main id="main-content"[^>]*lang="sv"', html)


def test_swedish_pages_do_not_show_the_fallback_notice(client):
    assert "has not been translated" not in client.get("/").content.decode()


def test_fresh_database_has_translated_fields_filled():
    root = Page.get_first_root_node()
    assert root.title_sv
    assert HomePage.objects.get().title_en == "Focus Industry"


def test_home_query_count_does_not_grow_with_content(client, home):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    client.get("/")  # warm caches of site root paths
    before = count()
    for number in range(25):
        page = StandardPage(
            title_sv=f"Sida {number}", title_en=f"Page {number}", slug_sv=f"sida-{number}", slug_en=f"page-{number}"
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    after = count()
    assert before <= 15
    assert after == before


def test_anonymous_visitor_gets_no_cookie_and_no_third_party_resource(client):
    response = client.get("/")
    assert not response.cookies
    html = response.content.decode()
    external = re.findall(r'\s(?:src|href)="(https?://[^"]+)"', html)
    # Links to other sites are fine; nothing the browser loads by itself may come from another host.
    loaded = re.findall(r'<(?:script|img|link|iframe|source)[^>]+(?:src|srcset)="(https?://[^"]+)"', html)
    assert loaded == []
    assert "<iframe" not in html
    assert all("youtube-nocookie" not in url for url in external)


@pytest.mark.parametrize(
    "url",
    [
        "/?page=abc",
        "/sok/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/sok/?q=" + "x" * 500,
        "/sok/?q=industri&page=999",
        "/sok/?q=industri&page=-1",
        "/sok/?q=%ff%fe",
        "/en/search/?q=' OR 1=1 --",
        "/insatsomraden/%ff/",
        "/" + "a/" * 200,
    ],
)
def test_bad_input_never_gives_a_server_error(client, url):
    response = client.get(url)
    assert response.status_code < 500


def test_too_long_search_says_so(client):
    response = client.get("/en/search/?q=" + "x" * 500)
    assert response.status_code == 200
    assert "Your search is too long" in response.content.decode()


def test_preview_renders_each_language(rf, admin_user):
    about = StandardPage.objects.get(slug_sv="om-focus-industry")
    for mode, title in (("sv", "Om Focus Industry"), ("en", "About Focus Industry")):
        request = rf.get("/")
        request.user = admin_user
        response = about.make_preview_request(request, mode)
        assert title in response.content.decode()


def test_default_development_settings_show_the_sites_own_pages_without_collectstatic(monkeypatch):
    """`make run` (manage.py's default settings): DEBUG off, so an unknown address is the site's own 404
    page and not Django's technical page; static files come from the source folders, so no page is a
    500 for want of collectstatic's manifest, with DEBUG on or off."""
    import importlib

    from focus_industry.settings import dev

    monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    settings_module = importlib.reload(dev)
    assert settings_module.DEBUG is False
    assert "Manifest" not in settings_module.STORAGES["staticfiles"]["BACKEND"]
    assert settings_module.WHITENOISE_USE_FINDERS is True
    monkeypatch.setenv("DJANGO_DEBUG", "1")
    assert importlib.reload(dev).DEBUG is True
