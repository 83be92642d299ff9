"""Site search: both languages, stemming, promotions, type filter, hostile queries, privacy, queries.

Runs on SQLite and on PostgreSQL (DATABASE_URL). Swedish stemming needs PostgreSQL's "swedish"
configuration; SQLite's FTS5 stems English only (Porter), so that test skips there.
"""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

pytestmark = pytest.mark.django_db

SV_SEARCH = "/sok/"
EN_SEARCH = "/en/search/"
QUERY_BUDGET = 15
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Swedish stemming needs PostgreSQL's 'swedish' text-search configuration (SQLite's FTS5 has none)",
)


def make_story(slug, title, lead, title_en=None, lead_en=None, **extra):
    from stories.models import StoryIndexPage, StoryPage

    index = StoryIndexPage.objects.get()
    story = StoryPage(
        slug_sv=slug,
        title_sv=title,
        lead_sv=lead,
        slug_en=f"{slug}-en" if title_en else None,
        title_en=title_en,
        lead_en=lead_en,
        date=datetime.date(2025, 3, 14),
        **extra,
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


def make_bilingual_story():
    return make_story(
        "kvarnbyn",
        "Kvarnbyn växer",
        "Tre företag i Kvarnbyn delar en ny verkstad.",
        title_en="Kvarnbyn grows",
        lead_en="Three companies in Kvarnbyn share a new workshop.",
    )


def result_titles(response):
    return [item["title"] for item in response.context["results"]]


def search(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)
    return response


@on_postgres
def test_swedish_inflections_find_the_swedish_text(client):
    make_story("kvarnbyn", "Kvarnbyn växer", "Tre företag i Kvarnbyn delar en ny verkstad.")
    assert "Kvarnbyn växer" in result_titles(search(client, SV_SEARCH, q="företagen kvarnbyn"))
    # A Swedish plural of a word that appears only in the singular.
    make_story("gjuteriet", "Gjuteriet i Norrbyn", "Ett gjuteri som bytte till el.")
    assert "Gjuteriet i Norrbyn" in result_titles(search(client, SV_SEARCH, q="gjuterier norrbyn"))


def test_english_inflections_find_the_english_text(client):
    make_bilingual_story()
    with translation.override("en"):
        assert "Kvarnbyn grows" in result_titles(search(client, EN_SEARCH, q="company kvarnbyn"))
        assert "Kvarnbyn grows" in result_titles(search(client, EN_SEARCH, q="workshops kvarnbyn"))


def test_every_word_must_match_in_the_title_or_the_text(client):
    make_bilingual_story()
    make_story("gjuteriet", "Gjuteriet i Norrbyn", "Ett gjuteri som bytte till el.")
    # One word in the title, the other in the text: found.
    assert result_titles(search(client, SV_SEARCH, q="kvarnbyn verkstad")) == ["Kvarnbyn växer"]
    # Each word is somewhere on the site, but not both on one page: nothing.
    response = search(client, SV_SEARCH, q="kvarnbyn gjuteri")
    assert response.context["results"] == [] and response.context["result_count"] == 0


def test_a_query_in_the_other_language_still_finds_the_item(client):
    make_bilingual_story()
    # English words on the Swedish search page, Swedish words on the English one.
    sv_titles = result_titles(search(client, SV_SEARCH, q="workshop kvarnbyn"))
    assert "Kvarnbyn växer" in sv_titles
    with translation.override("en"):
        assert "Kvarnbyn grows" in result_titles(search(client, EN_SEARCH, q="verkstad kvarnbyn"))


def test_indexing_does_not_depend_on_the_editors_language(client):
    with translation.override("en"):  # an editor whose admin is in English saves a bilingual story
        make_story(
            "sagverket",
            "Sågverket i Ulvsby",
            "Ett sågverk som mäter allt.",
            title_en="The Ulvsby sawmill",
            lead_en="A sawmill that measures everything.",
        )
    assert "Sågverket i Ulvsby" in result_titles(search(client, SV_SEARCH, q="sågverk ulvsby"))
    with translation.override("en"):
        assert "The Ulvsby sawmill" in result_titles(search(client, EN_SEARCH, q="sawmill ulvsby"))


def test_a_missing_translation_is_not_indexed_as_none(client):
    story = make_story("bara-svenska", "Bara på svenska", "Ingen engelsk text ännu.")
    assert story.title_en in (None, "")
    for url in (SV_SEARCH, EN_SEARCH):
        response = search(client, url, q="none")
        assert story.pk not in [item["pk"] for item in response.context["results"]]
        assert "Bara på svenska" not in result_titles(search(client, url, q="none", type="story"))


def test_results_show_type_date_and_a_highlighted_excerpt_and_filter_by_type(client):
    make_story("kvarnbyn", "Kvarnbyn växer", "Tre företag i Kvarnbyn delar en ny verkstad.")
    response = search(client, SV_SEARCH, q="kvarnbyn")
    html = response.content.decode()
    assert result_titles(response) == ["Kvarnbyn växer"]
    assert "Framgångsexempel" in html or "Success story" in html
    assert '<time datetime="2025-03-14">' in html
    assert "<mark>Kvarnbyn</mark>" in html

    everything = search(client, EN_SEARCH, q="industry")
    facets = {facet["type"].key: facet["count"] for facet in everything.context["type_facets"]}
    assert sum(facets.values()) == everything.context["result_count"] > 0
    assert len(facets) >= 2
    for key, count in facets.items():
        narrowed = search(client, EN_SEARCH, q="industry", type=key)
        assert narrowed.context["result_count"] == count
        assert {item["type"].key for item in narrowed.context["results"]} == {key}
    unknown = search(client, EN_SEARCH, q="industry", type="nonsense")
    assert unknown.context["result_count"] == everything.context["result_count"]
    assert unknown.context["ignored_type"]


def test_promoted_results_come_first(client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.models import Page

    make_story("kvarnbyn", "Kvarnbyn växer", "Tre företag i Kvarnbyn delar en ny verkstad.")
    contact = Page.objects.get(slug_sv="kontakt")
    query = Query.objects.create(query_string="kvarnbyn")
    SearchPromotion.objects.create(query=query, page=contact, sort_order=0, description="Ring oss.")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/kvarnbyn",
        external_link_text="Kvarnbyns förening",
        sort_order=1,
    )
    response = search(client, SV_SEARCH, q="Kvarnbyn")
    promoted = [item["title"] for item in response.context["promotions"]]
    assert promoted == [contact.title, "Kvarnbyns förening"]
    html = response.content.decode()
    assert html.index(contact.title) < html.index("Kvarnbyn växer") or html.index("Ring oss.") < html.index(
        "Kvarnbyn växer"
    )
    # A promoted page is not listed a second time among the matches.
    assert contact.title not in result_titles(response)


def test_a_promoted_private_page_is_not_shown(client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from toolbox.models import ResourcePage

    internal = ResourcePage.objects.get(slug_sv="intern-arbetsplan-regionala-samordnare")
    query = Query.objects.create(query_string="arbetsplan")
    SearchPromotion.objects.create(query=query, page=internal, sort_order=0)
    response = search(client, SV_SEARCH, q="arbetsplan")
    assert response.context["promotions"] == []
    assert internal.title not in response.content.decode()


def test_internal_resources_never_appear_in_search(client):
    from toolbox.models import ResourcePage

    internal = ResourcePage.objects.get(slug_sv="intern-arbetsplan-regionala-samordnare")
    assert internal.get_view_restrictions().exists()
    for url, words in ((SV_SEARCH, "arbetsplan samordnare"), (EN_SEARCH, "work plan coordinators")):
        response = search(client, url, q=words)
        assert internal.pk not in [item["pk"] for item in response.context["results"]]
        assert "Internt: arbetsplan" not in response.content.decode()
        assert "Internal: work plan" not in response.content.decode()


HOSTILE_QUERIES = [
    '"',
    "'",
    "AND",
    "OR NOT",
    "*",
    "()",
    "a & b | !c",
    "title:foo",
    "{title body}: x",
    "NEAR(a b, 2)",
    "' OR 1=1 --",
    "\\",
    "%_%",
    "<script>alert(1)</script>",
    "företag:*",
    "😀 industri",
    "x" * 200,
    "x" * 201,
    "word " * 60,
    "-",
    "   ",
]


@pytest.mark.parametrize("url", [SV_SEARCH, EN_SEARCH])
def test_hostile_and_odd_queries_get_a_clear_page(client, url):
    for query in HOSTILE_QUERIES:
        response = client.get(url, {"q": query})
        assert response.status_code == 200, (query, response.status_code)
        assert "<script>alert(1)</script>" not in response.content.decode()
    assert "at most 200" in client.get(EN_SEARCH, {"q": "x" * 201}).content.decode()
    assert client.get(url, {"q": ["a", "b"]}).status_code == 200
    assert client.get(url, {"q": "industri", "page": "abc"}).status_code == 404
    assert client.get(url, {"q": "industri", "page": "9999"}).status_code == 404
    assert client.get(url, {"q": "industri", "page": "-1"}).status_code == 404
    assert client.get(url, {"q": "industri", "type": "<b>"}).status_code == 200
    assert client.get(f"{url}?q=%00industri").status_code in (200, 400)
    assert client.get(f"{url}?q=%ff%fe").status_code in (200, 400)


def test_an_empty_search_shows_the_form_only(client):
    response = search(client, SV_SEARCH)
    assert response.context["results"] == []
    assert 'name="q"' in response.content.decode()


def test_a_search_writes_nothing_and_sets_no_cookie(client):
    from wagtail.contrib.search_promotions.models import Query

    before = Query.objects.count()
    with CaptureQueriesContext(connection) as queries:
        response = search(client, SV_SEARCH, q="industri")
    assert Query.objects.count() == before
    writes = [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.IGNORECASE)]
    assert writes == []
    assert not response.cookies
    assert response["X-Robots-Tag"] == "noindex"


def test_search_stays_within_the_query_budget_whatever_the_number_of_results(client):
    for number in range(25):
        make_story(f"kvarnbyn-{number}", f"Kvarnbyn {number}", "Ett företag i Kvarnbyn.")
    search(client, SV_SEARCH, q="kvarnbyn")  # warm per-process caches, as on a running site
    for params in (
        {"q": "kvarnbyn"},
        {"q": "kvarnbyn", "page": "2"},
        {"q": "industri"},
        {"q": "kvarnbyn", "type": "story"},
    ):
        with CaptureQueriesContext(connection) as queries:
            response = search(client, SV_SEARCH, **params)
        assert len(queries) <= QUERY_BUDGET, (params, len(queries))
    assert response.context["result_count"] == 25
    assert len(response.context["results"]) == 10


def test_coordinators_may_manage_promoted_results(make_user):
    user = make_user("Coordinators")
    for action in ("add", "change", "delete"):
        assert user.has_perm(f"wagtailsearchpromotions.{action}_searchpromotion")
    assert not make_user("Business promoters").has_perm("wagtailsearchpromotions.add_searchpromotion")


on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the ranking compared here is the SQLite backend's (FTS5 bm25)"
)


@on_sqlite
@pytest.mark.parametrize("query", ["industri", "kvarnbyn", "industry steel", "företag"])
def test_sqlite_ranks_as_modelsearch_does_and_pages_continue_the_order(client, query):
    """The SQLite results rank every match once per search (focus_industry/search/sqlite.py), not once
    per matching row as modelsearch does; the order, the pages and the counts must stay modelsearch's."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchResults

    from wagtail.search.backends import get_search_backend

    from focus_industry.search.views import searchable_pages

    for number in range(12):
        make_story(f"kvarnbyn-{number}", f"Kvarnbyn {number}", "Kvarnbyn " * (number % 4) + "Ett företag i Kvarnbyn.")
    backend = get_search_backend()
    results = backend.search(query, searchable_pages(), operator="and")
    reference = SQLiteSearchResults(backend, results.query_compiler)
    expected = [page.pk for page in reference[:100]]
    assert expected, query  # the query finds something, else the comparison proves nothing
    assert [page.pk for page in results[:100]] == expected
    first, second = list(results[:5]), list(results[5:10])
    assert [page.pk for page in first + second] == expected[:10]
    assert results.count() == reference.count() == len(expected)
    facet = results.facet("content_type_id")
    # The same counts, most first (modelsearch's SQL leaves the order of equal counts undefined).
    assert dict(facet) == dict(reference.facet("content_type_id"))
    assert list(facet.values()) == sorted(facet.values(), reverse=True)


def backend_order(query, queryset=None):
    """This site's results for `query`, the ids of every match in modelsearch's own order, and
    modelsearch's own results: its results class for the database (ORDER BY rank with LIMIT on
    PostgreSQL, the correlated bm25 subquery on SQLite), over this site's query compiler."""
    from wagtail.search.backends import get_search_backend

    from focus_industry.search.views import searchable_pages

    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchResults as reference
    else:  # the SQLite module can only be imported where its FTS model exists
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchResults as reference

    backend = get_search_backend()
    results = backend.search(query, queryset or searchable_pages(), operator="and")
    reference_results = reference(backend, results.query_compiler)
    return results, [page.pk for page in reference_results[:1000]], reference_results


def shown_ids(client, **params):
    """The ids the search page lists, page after page, for `params`."""
    ids, number = [], 1
    while True:
        response = client.get(SV_SEARCH, {**params, "page": number})
        if response.status_code == 404:
            return ids
        ids.extend(item["pk"] for item in response.context["results"])
        number += 1


@pytest.mark.parametrize("query", ["kvarnbyn", "industri", "industry steel"])
def test_the_search_page_shows_the_backends_order_counts_and_pages(client, query):
    """The page counts the types and cuts its pages from one ranked list of the matches
    (search.backend.ranked_values), and the results list every match before they slice (postgres.py); the
    order, counts and pages must stay modelsearch's."""
    from collections import Counter

    from focus_industry.search.backend import ranked_values
    from focus_industry.search.types import content_type_id, registered_types
    from focus_industry.search.views import searchable_pages

    for number in range(12):
        make_story(f"kvarnbyn-{number}", f"Kvarnbyn {number}", "Kvarnbyn " * (number % 4) + "Ett företag i Kvarnbyn.")
    results, expected, reference = backend_order(query)
    assert expected, query  # the query finds something, else the comparison proves nothing
    ranked = ranked_values(results, "content_type_id")
    assert [pk for pk, _type in ranked] == expected
    assert Counter(content_type for _pk, content_type in ranked) == dict(results.facet("content_type_id"))
    assert [pk for pk, _type in ranked_values(results[3:7], "content_type_id")] == expected[3:7]
    assert [page.pk for page in results[:1000]] == expected  # what the API's ?search= pages through
    # A backend's results without ranked_values: every match loaded, in the same order.
    assert ranked_values(reference, "content_type_id") == ranked
    assert [page.pk for page in results[3:7]] == expected[3:7]

    assert shown_ids(client, q=query) == expected
    response = client.get(SV_SEARCH, {"q": query})
    facets = {facet["type"].key: facet["count"] for facet in response.context["type_facets"]}
    types = registered_types()
    known = [content_type_id(result_type) for result_type in types if result_type.model is not None]
    for result_type in types:
        if result_type.model is not None:
            _results, wanted, _reference = backend_order(
                query, searchable_pages().filter(content_type_id=content_type_id(result_type))
            )
        else:
            wanted = [pk for pk, content_type in ranked if content_type not in known]
        assert facets.get(result_type.key, 0) == len(wanted), result_type.key
        assert shown_ids(client, q=query, type=result_type.key) == wanted, result_type.key


def test_a_search_runs_one_full_text_query_whatever_type_or_page(client):
    """Counts, total and the page shown come from one list of the matches; PostgreSQL needs one full-text
    query for it, SQLite two (the matches, then their bm25 scores: sqlite.py)."""
    for number in range(25):
        make_story(f"kvarnbyn-{number}", f"Kvarnbyn {number}", "Ett företag i Kvarnbyn.")
    search(client, SV_SEARCH, q="kvarnbyn")  # warm per-process caches
    expected = {"postgresql": 1, "sqlite": 2}[connection.vendor]
    for params in ({"q": "kvarnbyn"}, {"q": "kvarnbyn", "page": "3"}, {"q": "kvarnbyn", "type": "story"}):
        with CaptureQueriesContext(connection) as queries:
            search(client, SV_SEARCH, **params)
        full_text = [q["sql"] for q in queries if "wagtailsearch_indexentry" in q["sql"]]
        assert len(full_text) == expected, (params, full_text)
