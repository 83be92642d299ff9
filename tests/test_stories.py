"""Success stories: listing, filters and counts, pagination, feeds, redirects, sections, related
stories, the admin listing, the demo content and the number of queries at two content sizes."""

import datetime
import xml.etree.ElementTree as ET  # noqa: S405  (parsing our own feeds)

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from focus_industry.demo.loader import DemoContext
from stories import demo
from stories.models import StoryIndexPage, StoryPage
from tests import factories

pytestmark = pytest.mark.django_db

LISTING = {"sv": "/framgangsexempel/", "en": "/en/success-stories/"}
ATOM = "{http://www.w3.org/2005/Atom}"
SEED_TITLES = {
    "sv": [story["title"][0] for story in demo.STORIES],
    "en": [story["title"][1] for story in demo.STORIES],
}


def titles(response):
    return [story.title for story in response.context["page_obj"].object_list]


def add_stories(home, count):
    """`count` extra tagged, illustrated stories, built the fast way the demo's --scale uses."""
    context = DemoContext(home=home, scale=count, log=lambda message: None)
    index = StoryIndexPage.objects.get()
    demo.generate(context, index, count)


# --- Listing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en"])
def test_listing_shows_the_six_stories_newest_first_in_each_language(client, language):
    response = client.get(LISTING[language])
    assert response.status_code == 200
    assert titles(response) == SEED_TITLES[language]
    html = response.content.decode()
    for title in SEED_TITLES[language]:
        assert title in html
    first = demo.STORIES[0]
    assert first["lead"][0 if language == "sv" else 1][:60] in html
    assert 'datetime="2024-11-20"' in html
    assert not response.cookies  # an anonymous visitor gets no cookie


def test_filters_narrow_combine_and_count(client, regions, areas):
    factories.no_live_stories()
    factories.story(title_en="Hydrogen kiln", regions=[regions["dalarna"]], action_areas=[areas["innovation"]])
    factories.story(
        title_en="Shared robots",
        regions=[regions["dalarna"], regions["varmland"]],
        action_areas=[areas["innovation"], areas["skills"]],
    )
    parts = factories.story(
        title_sv="Reservdelar",
        title_en="Spare parts",
        regions=[regions["dalarna"], regions["gavleborg"]],
        action_areas=[areas["supply-chains"]],
    )
    response = client.get(LISTING["en"] + "?area=innovation")
    assert response.status_code == 200
    assert set(titles(response)) == {"Hydrogen kiln", "Shared robots"}
    facets = {facet["name"]: {o["value"]: o for o in facet["options"]} for facet in response.context["listing"].facets}
    # Region counts respect the active area filter; area counts ignore their own facet.
    assert facets["region"]["dalarna"]["count"] == 2
    assert facets["region"]["varmland"]["count"] == 1
    assert facets["area"]["skills"]["count"] == 1
    assert facets["area"]["supply-chains"]["count"] == 1
    assert facets["area"]["innovation"]["active"] is True
    assert facets["area"]["innovation"]["url"] == "?"

    response = client.get(LISTING["en"] + "?region=varmland")
    assert titles(response) == ["Shared robots"]

    response = client.get(LISTING["en"] + "?region=varmland&area=supply-chains")
    assert titles(response) == []
    html = response.content.decode()
    assert "Nothing in the list matches these filters." in html
    facets = {facet["name"]: {o["value"]: o for o in facet["options"]} for facet in response.context["listing"].facets}
    assert facets["region"]["dalarna"]["count"] == 1
    assert facets["area"]["innovation"]["count"] == 1

    response = client.get(LISTING["sv"] + "?region=gavleborg&area=supply-chains")
    assert [story.pk for story in response.context["page_obj"].object_list] == [parts.pk]
    html = response.content.decode()
    assert "Reservdelar" in html
    assert 'aria-current="true"' in html
    assert f'href="{LISTING["sv"]}"' in html  # "clear all filters" goes back to the plain listing
    assert 'href="?area=supply-chains"' in html  # removing the region keeps the area


@pytest.mark.parametrize("query", ["?area=", "?area[]=innovation", "?foo=bar&region=", "?utm_source=mail"])
def test_empty_filters_and_parameters_the_listing_does_not_know_show_the_whole_list(client, query):
    response = client.get(LISTING["en"] + query)
    assert response.status_code == 200
    assert len(titles(response)) == 6


@pytest.mark.parametrize("query", ["?region=nope", "?region=dalarna%27--"])
def test_an_unknown_filter_value_is_a_404_that_still_shows_the_whole_list(client, query):
    """Deliberate (focus_industry/core/listing.py): a 404 for crawlers, the list without it for visitors."""
    response = client.get(LISTING["en"] + query)
    assert response.status_code == 404
    assert len(titles(response)) == 6
    html = response.content.decode()
    assert "Error 404" in html and "does not exist" in html
    assert 'href="?region=dalarna"' in html  # the facet links lead to real lists again


def test_a_control_character_in_a_filter_is_a_clear_400(client):
    response = client.get(LISTING["en"] + "?region=%00")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_unknown_filter_value_is_announced_and_a_valid_one_kept(client, areas):
    factories.no_live_stories()
    factories.story(title_en="Welding school", action_areas=[areas["skills"]])
    factories.story(title_en="Hydrogen kiln", action_areas=[areas["innovation"]])
    response = client.get(LISTING["en"] + "?region=nope&area=skills")
    assert response.status_code == 404
    assert titles(response) == ["Welding school"]
    assert "The filter “Region: nope” does not exist." in response.content.decode()
    response = client.get(LISTING["sv"] + "?region=nope&area=skills")
    assert "Fel 404" in response.content.decode() and "Filtret ”Region: nope” finns inte." in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "2", "999999999999999999999", "1.5", "01", "1e1"])
def test_bad_page_numbers_are_404_not_500(client, page):
    assert client.get(LISTING["en"] + f"?page={page}").status_code == 404


def test_a_bad_page_numbers_404_shows_the_first_page_with_a_notice_and_no_pagination(client):
    """Deliberate: the same answer as an unknown filter, in every listing (focus_industry/core/listing.py)."""
    response = client.get(LISTING["en"] + "?area=innovation&page=7")
    assert response.status_code == 404
    assert response.context["page_obj"].number == 1
    assert set(titles(response)) == {SEED_TITLES["en"][0], SEED_TITLES["en"][3]}
    html = response.content.decode()
    assert "The list has no page “7”." in html and 'class="pagination"' not in html


def test_pagination_newest_first_across_pages(client, home):
    add_stories(home, 14)  # 20 stories: 12 on page 1, 8 on page 2
    first = client.get(LISTING["sv"])
    second = client.get(LISTING["sv"] + "?page=2")
    assert first.status_code == second.status_code == 200
    assert len(titles(first)) == 12 and len(titles(second)) == 8
    dates = [story.date for story in first.context["page_obj"].object_list + second.context["page_obj"].object_list]
    assert dates == sorted(dates, reverse=True)
    assert 'rel="next"' in first.content.decode()
    assert client.get(LISTING["sv"] + "?page=3").status_code == 404


def test_language_switch_keeps_the_filters(client):
    html = client.get(LISTING["sv"] + "?region=dalarna&area=research").content.decode()
    assert 'href="/en/success-stories/?region=dalarna&amp;area=research"' in html


def test_unpublished_stories_are_not_listed_or_fed(client):
    story = factories.story(title_en="Withdrawn story", date=datetime.date.today())
    assert "Withdrawn story" in titles(client.get(LISTING["en"]))
    assert "Withdrawn story" in client.get(LISTING["en"] + "feed/rss/").content.decode()
    story.unpublish()
    assert "Withdrawn story" not in titles(client.get(LISTING["en"]))
    assert "Withdrawn story" not in client.get(LISTING["en"] + "feed/rss/").content.decode()


# --- Story pages ------------------------------------------------------------------------------


def test_quotes_of_lina_bylund_and_christer_rosen_in_both_languages(client):
    sv = client.get(LISTING["sv"] + "tjanstebaserad-affarsutveckling/").content.decode()
    en = client.get(LISTING["en"] + "service-driven-business-development/").content.decode()
    assert "This training opened up the mind to how you can work with services." in en
    assert "Utbildningen öppnade upp tankarna kring hur man kan arbeta med tjänster." in sv
    assert "Lina Bylund" in sv and "Lina Bylund" in en
    en = client.get(LISTING["en"] + "adult-training-for-sawmill-operators/").content.decode()
    assert "It is important to meet the existing need for competence." in en
    assert "Christer Rosén" in en


def test_video_is_click_to_load_with_no_player_in_the_html(client):
    html = client.get(LISTING["en"] + "service-driven-business-development/").content.decode()
    assert "data-embed-src=" in html
    assert "<iframe" not in html
    assert "youtube-nocookie.com" in html  # only as a data attribute, used after the click


def test_fact_box_shows_project_owner_period_and_funding(client):
    html = client.get(LISTING["en"] + "adult-training-for-sawmill-operators/").content.decode()
    for text in ("Project owner", "Kompetenskraft Industri NMS", "Period", "Ongoing"):
        assert text in html
    html = client.get(LISTING["sv"] + "kritiska-reservdelar-och-komponenter/").content.decode()
    assert "Sustainable Steel Region" in html
    story = StoryPage.objects.get(slug_sv="kritiska-reservdelar-och-komponenter")
    story.funding_en = "Funded by the regions"
    story.save_revision().publish()
    assert (
        "Funded by the regions" in client.get(LISTING["en"] + "critical-spare-parts-and-components/").content.decode()
    )


def test_no_story_claims_a_fact_the_sources_do_not_give(client):
    """Only Focus Industry Spets was EU-funded (CONTENT.md); no story says it of the training it tells."""
    html = client.get(LISTING["en"] + "service-driven-business-development/").content.decode()
    assert "REACT-EU" not in html and "Dalarna Science Park" not in html


def test_related_stories_share_a_tag_exclude_the_story_and_stop_at_three(client):
    response = client.get(LISTING["en"] + "critical-spare-parts-and-components/")
    related = response.context["related_stories"]
    assert 0 < len(related) <= 3
    story = response.context["page"]
    own_regions = {region.pk for region in story.regions.all()}
    for other in related:
        assert other.pk != story.pk
        assert own_regions & {region.pk for region in other.regions.all()}
    # A story sharing the action area comes before those sharing only a region.
    response = client.get(LISTING["en"] + "service-driven-business-development/")
    assert response.context["related_stories"][0].title == SEED_TITLES["en"][3]


def test_missing_story_is_404(client):
    assert client.get(LISTING["en"] + "no-such-story/").status_code == 404
    assert client.get(LISTING["en"] + "service-driven-business-development/extra/").status_code == 404


def test_hero_image_needs_alt_text_unless_decorative():
    from django.core.exceptions import ValidationError

    story = StoryPage.objects.get(slug_sv="internationell-samverkan")
    story.hero_alt_sv = ""
    with pytest.raises(ValidationError):
        story.full_clean()
    story.hero_decorative = True
    story.full_clean()
    assert story.image_alt == ""


# --- Feeds ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en"])
def test_rss_feed_carries_the_language_title_lead_link_and_date(client, language):
    position = 0 if language == "sv" else 1
    response = client.get(LISTING[language] + "feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314
    assert channel.findtext("language") == language
    items = channel.findall("item")
    assert len(items) >= 6
    by_title = {item.findtext("title"): item for item in items}
    for data in demo.STORIES:
        item = by_title[data["title"][position]]
        assert item.findtext("description") == data["lead"][position]
        link = item.findtext("link")
        assert link.startswith("http://testserver" + LISTING[language])
        assert link.rstrip("/").endswith(data["slug"][position])
        assert client.get(link.removeprefix("http://testserver")).status_code == 200
        assert data["date"].strftime("%d %b %Y") in item.findtext("pubDate")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_atom_feed_is_valid_and_complete(client, language):
    position = 0 if language == "sv" else 1
    response = client.get(LISTING[language] + "feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) >= 6
    first = entries[0]
    data = demo.STORIES[0]
    assert first.findtext(f"{ATOM}title") == data["title"][position]
    assert first.findtext(f"{ATOM}summary") == data["lead"][position]
    assert first.find(f"{ATOM}link").get("href").rstrip("/").endswith(data["slug"][position])
    assert first.findtext(f"{ATOM}updated").startswith("2024-11-20")


def test_filtered_feeds_and_their_alternate_links(client):
    response = client.get(LISTING["en"] + "feed/rss/?area=innovation&region=dalarna")
    items = ET.fromstring(response.content).find("channel").findall("item")  # noqa: S314
    assert {item.findtext("title") for item in items} == {SEED_TITLES["en"][0], SEED_TITLES["en"][3]}
    response = client.get(LISTING["sv"] + "feed/atom/?region=varmland")
    assert len(ET.fromstring(response.content).findall(f"{ATOM}entry")) == 5  # noqa: S314
    # An unknown filter is a 404 in the feeds as in the listing (one reading of the filters).
    assert client.get(LISTING["en"] + "feed/rss/?area=nope").status_code == 404
    assert client.get(LISTING["en"] + "?area=nope").status_code == 404
    assert client.get(LISTING["en"] + "feed/atom/?utm_source=reader").status_code == 200

    html = client.get(LISTING["en"] + "?region=dalarna").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/success-stories/feed/rss/?region=dalarna"' in html
    assert 'href="/en/success-stories/feed/atom/?region=dalarna"' in html
    html = client.get(LISTING["sv"]).content.decode()
    assert 'href="/framgangsexempel/feed/rss/"' in html


# --- Redirects --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/kategori/innovation/", "/framgangsexempel/?area=innovation"),
        ("/kategori/kompetensforsorjning/", "/framgangsexempel/?area=skills"),
        ("/en/kategori/skills-supply/", None),
        ("/en/kategori/innovation-capacity/", "/en/success-stories/?area=innovation"),
        ("/en/framgangsexempel/internationell-samverkan/", "/en/success-stories/international-collaboration/"),
        ("/en/framgangsexempel/international-collaboration/", "/en/success-stories/international-collaboration/"),
        ("/en/framgangsexempel/", "/en/success-stories/"),
    ],
)
def test_old_addresses_redirect(client, url, target):
    response = client.get(url)
    if target is None:
        assert response.status_code in {301, 404}
        return
    assert response.status_code == 301
    assert response["Location"].removeprefix("http://testserver") == target
    assert client.get(target).status_code == 200


@pytest.mark.parametrize("url", ["/kategori/nope/", "/en/kategori/nope/", "/en/framgangsexempel/nope/"])
def test_unknown_old_addresses_are_404(client, url):
    assert client.get(url).status_code == 404


def test_swedish_section_address_still_serves_the_listing(client):
    assert client.get("/framgangsexempel/").status_code == 200
    assert client.get("/framgangsexempel/internationell-samverkan/").status_code == 200


# --- Sections on core pages -------------------------------------------------------------------


def test_home_tells_the_six_stories_with_their_quotes_in_each_language(client):
    quotes = {
        "sv": ["Utbildningen öppnade upp tankarna", "Det är viktigt att möta det befintliga behovet"],
        "en": ["This training opened up the mind", "It is important to meet the existing need"],
    }
    for language, prefix in (("sv", "/"), ("en", "/en/")):
        response = client.get(prefix)
        section = next(s for s in response.context["sections"] if s.key == "stories-latest")
        assert [story.title for story in section.items] == SEED_TITLES[language]
        assert section.more_url == LISTING[language]
        html = response.content.decode()
        for title in SEED_TITLES[language]:
            assert title in html
        for quote in quotes[language]:
            assert quote in html
        assert html.count('class="quote__name">Lina Bylund<') == 1
        assert html.count('class="quote__name">Christer Rosén<') == 1


def test_home_links_the_stories_feeds(client):
    for prefix, listing in (("/", "/framgangsexempel/"), ("/en/", "/en/success-stories/")):
        html = client.get(prefix).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{listing}feed/atom/"' in html and f'href="{listing}feed/rss/"' in html


def test_atom_feed_names_its_author(client):
    xml = client.get("/en/success-stories/feed/atom/").content.decode()
    assert "<author><name>Focus Industry</name></author>" in xml


def test_action_area_page_shows_its_stories_and_links_to_the_filtered_listing(client):
    response = client.get("/en/action-areas/innovation-capacity/")
    assert response.status_code == 200
    section = next(s for s in response.context["sections"] if s.key == "stories-tagged")
    assert {story.title for story in section.items} == {SEED_TITLES["en"][0], SEED_TITLES["en"][3]}
    assert section.more_url == "/en/success-stories/?area=innovation"
    assert 'href="/en/success-stories/?area=innovation"' in response.content.decode()


def test_tagged_section_for_a_region(rf, regions):
    from focus_industry.core.sections import TAGGED_SECTIONS, collect_sections

    request = rf.get("/")
    sections = collect_sections(TAGGED_SECTIONS, request, page=None, region=regions["varmland"])
    section = next(s for s in sections if s.key == "stories-tagged")
    assert len(section.items) == 3
    assert section.more_url.endswith("?region=varmland")


# --- Query counts -----------------------------------------------------------------------------
# Every page pays the core's chrome (site, routing, view restrictions, menu, breadcrumbs, footer):
# measured on a standard page. The stories add at most OWN_BUDGET queries on top, and the totals
# are exactly the same with 40 more stories.

BASELINE = "/en/about-focus-industry/"
MEASURED = {
    "home": "/en/",
    "listing": LISTING["en"],
    "filtered": LISTING["en"] + "?region=dalarna&area=innovation",
    "listing (sv)": LISTING["sv"] + "?page=1",
    "story": LISTING["en"] + "service-driven-business-development/",
    "feed": LISTING["en"] + "feed/rss/?area=innovation",
    "atom": LISTING["sv"] + "feed/atom/",
    "area page": "/en/action-areas/innovation-capacity/",
}
# listing: facet counts (1 aggregate), the page of stories (1), card renditions (1);
# story: the story with its tags (1), its renditions (1), related stories (1), their renditions (1),
# the video's poster (1); feed: the stories (1), no chrome at all.
OWN_BUDGET = {"listing": 3, "filtered": 3, "listing (sv)": 3, "story": 5}


def measure(client, url):
    client.get(url)  # warm the caches a running site has warm (site root paths, taxonomy)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def count_queries(client):
    return {name: measure(client, url) for name, url in MEASURED.items()}


def test_query_counts_do_not_grow_with_content(client, home):
    baseline = measure(client, BASELINE)
    small = count_queries(client)
    for name, budget in OWN_BUDGET.items():
        assert small[name] - baseline <= budget, (name, small[name], baseline)
    page_counts = {name: count for name, count in small.items() if name not in ("feed", "atom")}
    assert max(page_counts.values()) <= 15, page_counts
    # A feed has no chrome: routing (site, three pages, view restrictions ×2) and one query for the stories.
    assert small["feed"] <= 7 and small["atom"] <= 7
    add_stories(home, 40)
    large = count_queries(client)
    assert large == small


# --- Admin ------------------------------------------------------------------------------------


def test_admin_story_listing_filters_by_region_and_area_and_shows_both_titles(client, make_user, regions, areas):
    client.force_login(make_user(superuser=True))
    response = client.get("/admin/success_stories/")
    assert response.status_code == 200
    html = response.content.decode()
    assert SEED_TITLES["sv"][0] in html and SEED_TITLES["en"][0] in html
    response = client.get(
        f"/admin/success_stories/?regions={regions['varmland'].pk}&action_areas={areas['supply-chains'].pk}"
    )
    assert response.status_code == 200
    assert SEED_TITLES["sv"][5] not in response.content.decode()
    response = client.get(f"/admin/success_stories/?action_areas={areas['supply-chains'].pk}")
    html = response.content.decode()
    assert SEED_TITLES["sv"][5] in html and SEED_TITLES["sv"][0] not in html


def test_page_type_rules():
    assert StoryPage.allowed_parent_page_models() == [StoryIndexPage]
    assert StoryPage.allowed_subpage_models() == []
    assert StoryIndexPage.max_count == 1
