"""Site search: both languages, Swedish lemmas and compounds, ranking, excerpts, "Did you mean",
promotions, type filter, hostile queries, privacy, queries.

Runs on SQLite and on PostgreSQL (DATABASE_URL): both hold the same tokens (search/analysis.py) and
rank the same way (search/ranking.py), so every test runs on both.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db

SV_SEARCH = "/sok/"
EN_SEARCH = "/en/search/"
QUERY_BUDGET = 15


def make_story(slug, title, lead, title_en=None, lead_en=None, **extra):
    english = {"slug_en": f"{slug}-en" if title_en else None, "title_en": title_en, "lead_en": lead_en}
    return factories.story(slug_sv=slug, title_sv=title, lead_sv=lead, **english, **extra)


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


def test_the_page_the_counts_and_the_api_follow_one_order(client):
    """The search page counts the types and cuts its pages from the backend's one ranked statement
    (search/ranking.py); the results' slices (the API's ?search=), count and facet give the same."""
    from collections import Counter

    from wagtail.search.backends import get_search_backend

    from focus_industry.search.types import content_type_id, registered_types
    from focus_industry.search.views import searchable_pages

    for number in range(12):
        make_story(f"kvarnbyn-{number}", f"Kvarnbyn {number}", "Kvarnbyn " * (number % 4) + "Ett företag i Kvarnbyn.")
    for query in ("kvarnbyn", "industri", "industry steel"):
        results = get_search_backend().search(query, searchable_pages(), operator="and")
        expected = [page.pk for page in results[:1000]]
        assert expected, query  # the query finds something, else the comparison proves nothing
        assert [page.pk for page in results[3:7]] == expected[3:7]
        assert results.count() == len(expected)
        types_of = dict(searchable_pages().filter(pk__in=expected).values_list("pk", "content_type_id"))
        assert dict(results.facet("content_type_id")) == Counter(types_of[pk] for pk in expected)
        assert shown_ids(client, q=query) == expected
        response = client.get(SV_SEARCH, {"q": query})
        facets = {facet["type"].key: facet["count"] for facet in response.context["type_facets"]}
        known = {content_type_id(kind): kind.key for kind in registered_types() if kind.model}
        for key in facets:
            wanted = [pk for pk in expected if known.get(types_of[pk], "page") == key]
            assert facets[key] == len(wanted), (query, key)
            assert shown_ids(client, q=query, type=key) == wanted, (query, key)


def shown_ids(client, url=SV_SEARCH, **params):
    """The ids the search page lists, page after page, for `params`."""
    ids, number = [], 1
    while True:
        response = client.get(url, {**params, "page": number})
        if response.status_code == 404:
            return ids
        ids.extend(item["pk"] for item in response.context["results"])
        number += 1


def test_a_search_runs_one_full_text_query_whatever_type_or_page(client):
    """Counts, total and the page shown come from one statement on both databases (ranking.py)."""
    for number in range(25):
        make_story(f"kvarnbyn-{number}", f"Kvarnbyn {number}", "Ett företag i Kvarnbyn.")
    search(client, SV_SEARCH, q="kvarnbyn")  # warm per-process caches
    expected = 1
    for params in ({"q": "kvarnbyn"}, {"q": "kvarnbyn", "page": "3"}, {"q": "kvarnbyn", "type": "story"}):
        with CaptureQueriesContext(connection) as queries:
            search(client, SV_SEARCH, **params)
        full_text = [q["sql"] for q in queries if "wagtailsearch_indexentry" in q["sql"]]
        assert len(full_text) == expected, (params, full_text)


def test_swedish_is_matched_by_lemma_and_by_the_parts_of_compounds(client):
    make_story(
        "ulvsby-sagverk",
        "Ulvsby utbildar sågverksoperatörer",
        "Företaget byter reservdelar i sågverket själv.",
    )
    make_story("ulvsby-bruk", "Bruket i Ulvsby", "Ett bruk utan sågverk.")
    for query in (
        "sågverk ulvsby",  # a part of the compound in the title, and the definite form in the lead
        "operatör ulvsby",  # the compound's other part
        "sågverksoperatören ulvsby",  # the whole compound in another form
        "företagens ulvsby",  # a genitive plural of the "företaget" written
        "reservdel ulvsby",  # a singular of the plural written
    ):
        assert "Ulvsby utbildar sågverksoperatörer" in result_titles(search(client, SV_SEARCH, q=query)), query
    # A compound does not find the pages that have only one of its parts.
    assert result_titles(search(client, SV_SEARCH, q="sågverksoperatör ulvsby")) == [
        "Ulvsby utbildar sågverksoperatörer"
    ]


def test_pages_about_the_words_come_before_pages_that_list_them(client):
    """For these words a listing page (home, index, region, action area) used to come first: now every
    content page with the words in its title or lead comes before any listing page."""
    from wagtail.models import Page

    from focus_industry.search.analysis import marks, query_terms
    from focus_industry.search.types import content_model_ids

    content_types = set(content_model_ids())
    for url, query in ((SV_SEARCH, "kompetens"), (EN_SEARCH, "skills"), (SV_SEARCH, "företag"), (SV_SEARCH, "dalarna")):
        with translation.override("en" if url == EN_SEARCH else "sv"):
            ranked = shown_ids(client, q=query, url=url)
        pages = {page.pk: page.specific for page in Page.objects.filter(pk__in=ranked)}
        tokens = {token for alternatives in query_terms(query) for token in alternatives}
        kinds = []
        for pk in ranked:
            about = " ".join(
                str(getattr(pages[pk], f"{name}_{language}", "") or "")
                for name in ("title", "lead", "summary", "intro", "description")
                for language in ("sv", "en")
            )
            kinds.append(
                (pages[pk].content_type_id in content_types, any(marks(word, tokens) for word in about.split()))
            )
        assert kinds[0] == (True, True), (query, [pages[pk].title for pk in ranked[:3]])
        first_listing = next((i for i, (content, _about) in enumerate(kinds) if not content), len(kinds))
        assert first_listing > 0 and not any(content and about for content, about in kinds[first_listing:]), query


def test_every_result_has_an_excerpt_with_the_words_marked_in_any_form(client):
    make_story("ulvsby-sagverk", "Ulvsby utbildar", "Sågverksoperatörer i Ulvsby lär sig företagens nya maskiner.")
    response = search(client, SV_SEARCH, q="sågverk")
    assert response.context["results"]
    assert all(item["excerpt"] for item in response.context["results"])
    assert "<mark>Sågverksoperatörer</mark>" in response.content.decode()
    html = search(client, SV_SEARCH, q="företaget").content.decode()
    assert "<mark>företagens</mark>" in html
    # Listing pages too (their introduction): every result of a broad search has one.
    broad = search(client, SV_SEARCH, q="dalarna")
    assert all(item["excerpt"] for item in broad.context["results"])
    assert all("<mark>" in item["excerpt"] for item in broad.context["results"] if item["excerpt"])


def test_a_misspelt_word_is_suggested_back_corrected_in_both_languages(client):
    response = search(client, SV_SEARCH, q="komptens")
    assert response.context["suggestion"] == "kompetens"
    html = response.content.decode()
    assert "Menade du:" in html and "?q=kompetens" in html
    with translation.override("en"):
        response = search(client, EN_SEARCH, q="skils")
        assert response.context["suggestion"] == "skills"
        assert "Did you mean:" in response.content.decode()
    # A word the site has, and an inflection of one, are not corrected; nor is gibberish.
    for query in ("kompetens", "företagens", "qzxqzxqz"):
        assert search(client, SV_SEARCH, q=query).context["suggestion"] == "", query


def test_no_suggestion_reveals_a_word_of_a_private_or_draft_page(client):
    from wagtail.models import PageViewRestriction

    from stories.models import StoryIndexPage, StoryPage

    draft = StoryPage(slug_sv="hemligt", title_sv="Blåbärsgrottan i Ulvsby", lead_sv="Om blåbärsgrottan.", live=False)
    StoryIndexPage.objects.get().add_child(instance=draft)
    draft.save_revision()  # a draft, never published (indexed all the same, as Wagtail does)
    private = make_story("privat", "Hallonkällaren i Ulvsby", "Om hallonkällaren.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private.save_revision().publish()  # indexed again, now restricted
    assert search(client, SV_SEARCH, q="blåbärsgrotan").context["suggestion"] == ""
    assert search(client, SV_SEARCH, q="hallonkälaren").context["suggestion"] == ""
    # The demo's internal work plan, restricted to staff: its "mötesrytm" is not offered either.
    assert search(client, SV_SEARCH, q="mötesryt").context["suggestion"] == ""
    make_story("oppet", "Lingonladan i Ulvsby", "Om lingonladan.")
    assert search(client, SV_SEARCH, q="lingonadan").context["suggestion"] == "lingonladan"


def test_publishing_makes_a_page_findable_at_once_in_both_languages_and_unpublishing_removes_it(client):
    story = make_story(
        "ulvsby-gjuteri",
        "Gjuterierna i Ulvsby",
        "Gjuterierna elektrifierar smältugnarna.",
        title_en="The Ulvsby foundries",
        lead_en="The foundries electrify their furnaces.",
    )
    assert "Gjuterierna i Ulvsby" in result_titles(search(client, SV_SEARCH, q="gjuteri smältugn"))
    with translation.override("en"):
        assert "The Ulvsby foundries" in result_titles(search(client, EN_SEARCH, q="foundry furnace"))
    story.unpublish()
    assert search(client, SV_SEARCH, q="gjuteri smältugn").context["result_count"] == 0
    with translation.override("en"):
        assert search(client, EN_SEARCH, q="foundry furnace").context["result_count"] == 0
    story.save_revision().publish()
    assert "Gjuterierna i Ulvsby" in result_titles(search(client, SV_SEARCH, q="gjuterier"))


LOADS_OF_THE_DICTIONARY = """
import simplemma.strategies.dictionaries.dictionary_factory as factory

loads = []
load = factory._load_dictionary_from_disk
factory._load_dictionary_from_disk = lambda lang: loads.append(lang) or load(lang)
{start}
print(loads)
"""


@pytest.mark.parametrize(
    ("start", "loaded"),
    [
        # The web process (gunicorn preloads it; runserver imports it too): the first search is not slowed.
        ("import focus_industry.wsgi", ["sv"]),
        # Management commands and tests do not pay for a dictionary they may not use.
        ("import django; django.setup()", []),
    ],
)
def test_the_web_process_loads_the_swedish_dictionary_at_start_up_and_commands_do_not(start, loaded):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "focus_industry.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", LOADS_OF_THE_DICTIONARY.format(start=start)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == repr(loaded)


def test_english_stemming_in_many_threads_at_once_gives_each_word_its_own_stem():
    """gunicorn's threaded workers stem for several searches at once; a stemmer shared between threads mixed
    their words up and answered a search with a 500 (IndexError inside Snowball)."""
    import sys
    import threading

    from focus_industry.search.analysis import english_stem

    stem = english_stem.__wrapped__  # past the cache: every call reaches the stemmer
    words = [
        f"{base}{suffix}"
        for base in ("industr", "transform", "compet", "digit", "sustain")
        for suffix in ("ies", "ing", "ations", "ed", "ness", "fully", "isation", "izing")
    ] * 40
    expected = [stem(word) for word in words]
    found, errors = {}, []

    def work(number):
        try:
            found[number] = [stem(word) for word in words]
        except Exception as error:  # noqa: BLE001  (the failure this test exists to catch)
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert all(result == expected for result in found.values())


@pytest.mark.parametrize(
    ("url", "description"),
    [(SV_SEARCH, "Sök bland Focus Industrys framgångsexempel"), (EN_SEARCH, "Search the success stories")],
)
def test_the_search_form_may_be_indexed_and_its_result_pages_may_not(client, url, description):
    form = client.get(url)
    assert "X-Robots-Tag" not in form
    assert 'name="robots"' not in form.content.decode()
    assert f'<meta name="description" content="{description}' in form.content.decode()
    for params in ({"q": "industri"}, {"q": ""}, {"type": "stories"}, {"page": "2"}):
        results = client.get(url, params)
        assert results["X-Robots-Tag"] == "noindex", params
        assert '<meta name="robots" content="noindex">' in results.content.decode(), params
