"""The fragment cache (`{% wagtailcache %}` keyed by the content version, page_cache.py): the same HTML
for fewer queries, never stale after a change, never used for previews, harmless when the shared store
is down."""

import re
from urllib.parse import urlencode

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from focus_industry.core.models import Region, SiteSettings
from stories.models import StoryPage, published_stories

pytestmark = pytest.mark.django_db

FRAGMENTS_ON = {
    **settings.CACHES,
    "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments-on"},
}
FRAGMENTS_OFF = {**settings.CACHES, "template_fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture(autouse=True)
def fragments_on():
    with override_settings(CACHES=FRAGMENTS_ON):
        yield


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = get(client, url)
    return len(queries), response.content


def publish(page, capture, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    with capture(execute=True):  # the purge runs once the change is committed
        page.save_revision().publish()


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/",
        "/en/success-stories/",
        "/en/success-stories/?region=dalarna",
        "/en/success-stories/service-driven-business-development/",
        "/en/toolbox/",
        "/en/toolbox/?kind=report",
        "/en/initiatives/",
        "/en/initiatives/varmland/",
        "/en/action-areas/innovation-capacity/",
        "/en/about-focus-industry/",
        "/en/search/?q=industry",
        "/sok/?q=industri&type=story",
    ],
)
def test_a_page_is_the_same_from_the_fragment_cache_with_fewer_queries(url):
    client = Client()
    with override_settings(CACHES=FRAGMENTS_OFF):
        plain_queries, plain_html = queries_for(client, url)
    first_queries, first_html = queries_for(client, url)  # renders and caches
    warm_queries, warm_html = queries_for(client, url)  # from the fragment cache
    assert warm_html == first_html == plain_html
    assert warm_queries < plain_queries


def test_the_home_page_runs_its_sections_queries_only_once():
    client = Client()
    cold_queries, _ = queries_for(client, "/en/")
    warm_queries, _ = queries_for(client, "/en/")
    # Latest stories, initiatives and resources, the action areas, the footer's settings: all cached.
    assert cold_queries - warm_queries >= 5


def test_a_published_change_shows_at_once_wherever_the_story_is_shown(django_capture_on_commit_callbacks):
    story = published_stories().first()
    neighbour = published_stories().exclude(pk=story.pk).first()
    with translation.override("en"):
        own_page = story.get_url()
    client = Client()
    for url in ("/en/", "/en/success-stories/", neighbour.get_url(), "/", own_page):
        get(client, url)
        get(client, url)

    publish(story, django_capture_on_commit_callbacks, title_en="A changed English title", title_sv="Ändrad rubrik")

    assert "A changed English title" in get(client, "/en/").content.decode()
    assert "A changed English title" in get(client, "/en/success-stories/").content.decode()
    assert "Ändrad rubrik" in get(client, "/").content.decode()
    assert "<h1>A changed English title</h1>" in get(client, own_page).content.decode()


def test_a_search_shows_the_results_it_has_shown_before_without_loading_them(django_capture_on_commit_callbacks):
    client = Client()
    with override_settings(CACHES=FRAGMENTS_OFF):
        plain_queries, plain_html = queries_for(client, "/en/search/?q=steel")
    get(client, "/en/search/?q=zzzz")  # caches the page's other fragments (footer)
    loading_queries, _ = queries_for(client, "/en/search/?q=steel")  # loads its results' pages, caches them
    get(client, "/en/search/?q=industry")  # highlights other words in the same cached texts
    cached_queries, cached_html = queries_for(client, "/en/search/?q=steel")
    assert cached_html == plain_html  # the excerpts are highlighted for this search, not for the one cached
    assert b"<mark>steel</mark>" in cached_html.lower()
    assert cached_queries < loading_queries

    story = StoryPage.objects.live().get(slug_en="service-driven-business-development")
    get(client, "/en/search/?q=service")
    publish(story, django_capture_on_commit_callbacks, title_en="Services, renamed")
    assert "Services, renamed" in get(client, "/en/search/?q=service").content.decode()


def test_a_story_shown_as_related_follows_its_changes(django_capture_on_commit_callbacks):
    client = Client()
    story = StoryPage.objects.live().get(slug_en="service-driven-business-development")
    url = "/en/success-stories/service-driven-business-development/"
    related = story.related_stories()
    assert related, "the demo story has related stories"
    get(client, url)
    publish(StoryPage.objects.get(pk=related[0].pk), django_capture_on_commit_callbacks, title_en="Renamed neighbour")
    assert "Renamed neighbour" in get(client, url).content.decode()


def test_a_settings_change_shows_in_the_footer_at_once(django_capture_on_commit_callbacks):
    client = Client()
    get(client, "/en/")
    site_settings = SiteSettings.objects.get()
    site_settings.contact_email = "new-address@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    assert "new-address@example.org" in get(client, "/en/").content.decode()


def test_each_language_has_its_own_fragments():
    client = Client()
    for _ in range(2):  # cached at the first visit, from the cache at the second
        english = get(client, "/en/").content.decode()
        swedish = get(client, "/").content.decode()
        assert '<h2 id="footer-links" class="site-footer__heading">About this site</h2>' in english
        assert '<h2 id="footer-links" class="site-footer__heading">Om webbplatsen</h2>' in swedish
        assert 'href="/en/success-stories/"' in english and 'href="/framgangsexempel/"' in swedish


def test_a_preview_shows_the_draft_not_the_cached_fragment(home, admin_user):
    client = Client()
    assert "Six prioritised action areas" in get(client, "/en/").content.decode()  # cached now
    home.areas_heading_en = "Our six draft areas"
    request = RequestFactory().get("/")
    request.user = admin_user
    preview = home.make_preview_request(request, "en").content.decode()
    assert "Our six draft areas" in preview
    assert "Our six draft areas" not in get(client, "/en/").content.decode()


def test_a_shared_store_that_is_down_caches_nothing_and_shows_every_change(
    django_capture_on_commit_callbacks, redis_down_url
):
    down = {
        "BACKEND": "focus_industry.web.cache_backends.ResilientRedisCache",
        "LOCATION": redis_down_url,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    everything_in_redis = {"default": down, "template_fragments": down, "pagecache": down}
    with override_settings(CACHES=everything_in_redis, WAGTAIL_CACHE=True):
        client = Client()
        story = published_stories().first()
        assert story.title_en in get(client, "/en/").content.decode()
        # Without the content version nothing is cached, so no process can show what was before.
        publish(story, django_capture_on_commit_callbacks, title_en="Changed while Redis is down")
        assert "Changed while Redis is down" in get(client, "/en/").content.decode()


def test_while_redis_is_away_the_hosts_files_stand_in_and_a_change_shows_at_once(
    django_capture_on_commit_callbacks, redis_down_url, tmp_path
):
    def away(alias, stand_in=True):
        options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5}
        return {
            "BACKEND": "focus_industry.web.cache_backends.ResilientRedisCache",
            "LOCATION": redis_down_url,
            "KEY_PREFIX": alias,
            "OPTIONS": {**options, "AWAY_STORE": str(tmp_path / alias)} if stand_in else options,
        }

    def second_visit_queries():
        client = Client()
        get(client, "/en/")
        with CaptureQueriesContext(connection) as queries:
            get(client, "/en/")
        return len(queries)

    aliases = ("default", "template_fragments", "pagecache")
    with override_settings(CACHES={alias: away(alias, stand_in=False) for alias in aliases}):
        nothing_kept = second_visit_queries()
    with override_settings(CACHES={alias: away(alias) for alias in aliases}):
        assert second_visit_queries() < nothing_kept, "what the stand-in keeps spares the home page's queries"
        client = Client()
        story = published_stories().first()
        assert story.title_en in get(client, "/en/").content.decode()
        assert list((tmp_path / "template_fragments").iterdir()), "kept in this host's files"
        publish(story, django_capture_on_commit_callbacks, title_en="Changed while Redis is away")
        assert "Changed while Redis is away" in get(client, "/en/").content.decode()
        assert caches["template_fragments"]._stand_in.seconds == 30  # nothing kept longer meanwhile (tested below)


@pytest.mark.parametrize("url", ["/en/", "/en/success-stories/", "/en/initiatives/", "/en/toolbox/"])
def test_a_renamed_region_and_action_area_show_at_once(url, django_capture_on_commit_callbacks):
    from focus_industry.core.models import ActionArea

    client = Client()
    get(client, url)
    before = get(client, url).content.decode()
    region, area = Region.objects.get(slug="dalarna"), ActionArea.objects.get(slug="innovation")
    renames = [(region, "Dalecarlia renamed"), (area, "Innovation renamed")]
    shown = [new for item, new in renames if item.name_en in before]
    assert shown, "the page names the region or the area"
    with django_capture_on_commit_callbacks(execute=True):
        for item, new in renames:
            item.name_en = new
            item.save()
    after = get(client, url).content.decode()
    assert all(new in after for new in shown), shown


def test_a_story_made_private_leaves_the_cached_lists_at_once(django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    story = published_stories().first()
    search = "/en/search/?" + urlencode({"q": story.title_en})
    with translation.override("en"):
        link = f'href="{story.get_url()}"'
    client = Client()
    assert story.title_en in get(client, "/en/").content.decode()
    assert link in get(client, search).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert story.title_en not in get(client, "/en/").content.decode()
    assert story.title_en not in get(client, "/en/success-stories/").content.decode()
    assert link not in get(client, search).content.decode()


def test_a_page_made_private_asks_for_its_password_at_once(django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    from focus_industry.core.models import StandardPage

    client = Client()
    url = "/en/about-focus-industry/"
    get(client, url)
    public = get(client, url).content.decode()
    assert 'name="password"' not in public
    body = re.search(r"<main[^>]*>.*?<p[^>]*>([^<]{20,})", public, re.S).group(1)
    about = StandardPage.objects.get(slug_en="about-focus-industry")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for _ in range(2):
        page = client.get(url).content.decode()
        assert 'name="password"' in page
        # The password page has the site's frame (whose footer may say the same as the page's first
        # paragraph): what must not show is the page's own content in the main part.
        assert body not in re.search(r"<main.*?</main>", page, re.S).group(0)


STORY = "/en/success-stories/service-driven-business-development/"
# Tables that only a story's content or a listing's cards read (tags, images and their renditions).
CONTENT_TABLES = ("stories_storypage_regions", "stories_storypage_action_areas", "wagtailimages_")


def sql_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("url", [STORY, "/en/success-stories/", "/en/success-stories/?area=innovation&page=1", "/"])
def test_a_rendered_page_is_reused_by_the_next_visitor_without_its_content_queries(url):
    first = sql_for(Client(), url)
    second = sql_for(Client(), url)
    assert any(table in sql for sql in first for table in CONTENT_TABLES)
    assert len(second) < len(first)
    # Only finding the page and its view restrictions are left: the content, cards, counts, menus,
    # breadcrumbs and images come rendered from the shared store.
    assert not [sql for sql in second if any(table in sql for table in CONTENT_TABLES)]
    assert len(second) <= 6


def test_a_listing_keeps_its_cards_per_filter_and_page_and_says_what_was_not_found():
    client = Client()
    get(client, "/en/success-stories/")
    filtered = get(client, "/en/success-stories/?area=innovation").content.decode()
    assert 'aria-current="true">Increase innovation capacity' in filtered
    whole = get(client, "/en/success-stories/").content.decode()
    assert 'aria-current="true">Increase innovation capacity' not in whole
    # An unknown filter is left out of the kept cards but named in the notice, with a 404.
    missing = client.get("/en/success-stories/?area=innovation&region=nowhere&utm_source=x")
    assert missing.status_code == 404
    assert "nowhere" in missing.content.decode()
    assert "nowhere" not in get(client, "/en/success-stories/?area=innovation").content.decode()


def test_the_menu_marks_the_section_of_each_page_from_the_kept_menus():
    client = Client()
    for _ in range(2):
        story = get(client, STORY).content.decode()
        listing = get(client, "/en/success-stories/").content.decode()
        toolbox = get(client, "/en/toolbox/").content.decode()
        home = get(client, "/en/").content.decode()
        assert '<a href="/en/success-stories/" aria-current="true">' in story
        assert '<a href="/en/success-stories/" aria-current="page">' in listing
        assert '<a href="/en/toolbox/" aria-current="page">' in toolbox
        assert '<a href="/en/success-stories/" aria-current' not in toolbox + home
        assert '<a href="/en/" aria-current="page">' in home and '<a href="/en/" aria-current' not in story


def test_a_published_title_shows_at_once_in_the_kept_pieces_in_both_languages(django_capture_on_commit_callbacks):
    story = StoryPage.objects.live().get(slug_en="service-driven-business-development")
    index = story.get_parent().specific
    with translation.override("sv"):
        swedish_story = story.get_url()
    pages = [STORY, swedish_story, "/en/success-stories/", "/framgangsexempel/", "/en/", "/"]
    client = Client()
    for url in pages:
        get(client, url)
        get(client, url)

    new_titles = {"title_en": "A title changed in English", "title_sv": "Ny svensk rubrik"}
    publish(story, django_capture_on_commit_callbacks, **new_titles)
    publish(index, django_capture_on_commit_callbacks, title_en="Stories renamed", title_sv="Exempel omdöpta")

    english = get(client, STORY).content.decode()
    assert "<h1>A title changed in English</h1>" in english
    assert '"headline": "A title changed in English"' in english  # the JSON-LD
    assert ">Stories renamed</a>" in english  # the menu and the breadcrumbs
    swedish = get(client, swedish_story).content.decode()
    assert "<h1>Ny svensk rubrik</h1>" in swedish and ">Exempel omdöpta</a>" in swedish
    assert "A title changed in English" in get(client, "/en/success-stories/").content.decode()
    assert "Ny svensk rubrik" in get(client, "/framgangsexempel/").content.decode()
    assert "Stories renamed" in get(client, "/en/").content.decode()
    assert "Exempel omdöpta" in get(client, "/").content.decode()


@pytest.mark.parametrize("url", [STORY, "/en/success-stories/", "/en/", "/en/toolbox/", "/en/search/?q=industry"])
def test_an_editor_and_a_visitor_never_share_a_token_or_the_userbar(url, make_user):
    from tests.conftest import VerifiedClient

    editor, visitor = VerifiedClient(), Client()
    editor.force_login(make_user(superuser=True))
    assert b"wagtail-userbar" in get(editor, url).content  # the editor renders the kept pieces first
    for _ in range(2):
        seen = get(visitor, url).content
        assert b"csrfmiddlewaretoken" not in seen
        assert b"wagtail-userbar" not in seen and b"userbar" not in seen
    assert b"wagtail-userbar" in get(editor, url).content  # and still gets their own after the visitor


def _away_cache(redis_down_url, folder, seconds=30):
    from focus_industry.web.cache_backends import ResilientRedisCache

    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "AWAY_STORE": str(folder)}
    return ResilientRedisCache(
        redis_down_url, {"KEY_PREFIX": "t", "OPTIONS": {**options, "AWAY_STORE_SECONDS": seconds}}
    )


def test_the_stand_in_keeps_nothing_longer_than_its_seconds_however_the_timeout_is_given(redis_down_url, tmp_path):
    import pickle
    import time

    store = _away_cache(redis_down_url, tmp_path / "away")
    store.get("wake")  # finds Redis away
    store.set("forever", 1, None)
    store.set("ten-minutes", 1, 600)
    store.set("by-name", 1, timeout=600)
    store.add("added", 1, None)
    store.set_many({"many": 1}, 600)
    store.set("five-seconds", 1, 5)
    store.set("not-kept", 1, 0)
    assert store.get("forever") == 1 and store.get("not-kept") is None
    for path in (tmp_path / "away").glob("*.djcache"):
        with open(path, "rb") as file:
            expires = pickle.load(file)  # noqa: S301 - FileBasedCache writes the expiry first; our own file
        assert expires <= time.time() + 30, path


def test_an_unwritable_stand_in_costs_the_cache_not_an_answer(redis_down_url, tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = _away_cache(redis_down_url, blocker / "away")
    assert store.get("key", "default") == "default"
    store.set("key", 1)
    store.clear()
    assert store.get("key") is None
    assert [r for r in caplog.records if "stand-in" in r.getMessage()], "one warning says so"


def test_a_purge_empties_the_stand_in_even_where_redis_answers(redis_down_url, tmp_path):
    away = _away_cache(redis_down_url, tmp_path / "away")
    away.get("wake")
    away.set("page", "old")
    assert away.get("page") == "old"
    away._outage.retry_at = None  # as in a worker that reaches Redis again meanwhile
    away.clear()
    away._outage.retry_at = float("inf")  # this worker still finds it away
    assert away.get("page") is None


def test_a_public_page_is_served_without_asking_for_view_restrictions(client):
    story = published_stories().first()
    get(client, story.url)
    with CaptureQueriesContext(connection) as queries:
        get(client, story.url)
    assert not [q for q in queries if "pageviewrestriction" in q["sql"]]


def test_a_restriction_saved_after_the_private_sections_were_kept_guards_the_page_at_once(
    client, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    story = published_stories().first()
    get(client, story.url)  # keeps the private sections: none above this story
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")
    html = client.get(story.url).content.decode()
    assert story.title not in html and 'type="password"' in html
