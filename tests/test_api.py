"""The read-only API at /api/v2/: public stories, initiatives and resources in both languages, CORS
for GET, internal resources never, bad parameters a 400, a bounded number of queries."""

from urllib.parse import urlsplit

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def get_json(client, url=PAGES, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, params, response.status_code, response.content[:300])
    return response.json()


def test_lists_stories_initiatives_and_resources_only(client):
    data = get_json(client, limit=50)
    types = {item["meta"]["type"] for item in data["items"]}
    assert types == {"stories.StoryPage", "initiatives.InitiativePage", "toolbox.ResourcePage"}
    assert data["meta"]["total_count"] > len(data["items"]) or data["meta"]["total_count"] == len(data["items"])


def test_both_languages(client):
    from stories.models import StoryPage

    story = StoryPage.objects.live().exclude(title_en="").exclude(title_en__isnull=True).first()
    sv = get_json(client, f"{PAGES}{story.pk}/")
    en = get_json(client, f"{PAGES}{story.pk}/", lang="en")
    assert sv["title"] == story.title_sv and en["title"] == story.title_en
    assert sv["lead"] == story.lead_sv and en["lead"] == story.lead_en
    assert urlsplit(en["meta"]["html_url"]).path.startswith("/en/")
    assert not urlsplit(sv["meta"]["html_url"]).path.startswith("/en/")
    assert {"slug", "name"} <= set(en["regions"][0]) if en["regions"] else True
    listing = get_json(client, type="stories.StoryPage", fields="date,lead", lang="en", limit=5)
    assert all("lead" in item and "date" in item for item in listing["items"])


def test_internal_resources_never_appear(client, make_user):
    from toolbox.models import ResourcePage

    internal = ResourcePage.objects.get(slug_sv="intern-arbetsplan-regionala-samordnare")
    staff = make_user("Regional staff: Dalarna")
    client.force_login(staff)  # even someone allowed to see it on the site does not get it here
    for params in ({"limit": 50}, {"type": "toolbox.ResourcePage", "limit": 50}, {"search": "arbetsplan"}):
        ids = [item["id"] for item in get_json(client, **params)["items"]]
        assert internal.pk not in ids
    get_json(client, f"{PAGES}{internal.pk}/", status=404)
    get_json(client, f"{PAGES}find/", status=404, html_path=internal.url_path_sv.split("/", 2)[2])


def test_other_page_types_are_not_served(client):
    from wagtail.models import Page

    contact = Page.objects.get(slug_sv="kontakt")
    get_json(client, f"{PAGES}{contact.pk}/", status=404)
    assert get_json(client, type="focus_industry.StandardPage")["items"] == []


def test_cors_allows_get_from_anywhere_on_the_api_only(client):
    response = client.get(PAGES, HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert not response.cookies
    preflight = client.options(PAGES, HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")
    assert "GET" in preflight.get("Access-Control-Allow-Methods", "")
    assert client.post(PAGES, HTTP_ORIGIN="https://example.org").status_code in (403, 405)
    site = client.get("/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in site


BAD_PARAMETERS = [
    {"lang": "de"},
    {"limit": "abc"},
    {"limit": "-1"},
    {"limit": "100000"},
    {"offset": "x"},
    {"offset": "-5"},
    {"fields": "nonexistent"},
    {"fields": "_,nonexistent"},
    {"type": "nonsense"},
    {"type": "auth.User"},
    {"order": "nonsense"},
    {"unknown": "1"},
    {"search": "x" * 500},
    {"search_operator": "xor", "search": "a"},
    {"child_of": "abc"},
    {"descendant_of": "999999"},
    {"id": "abc"},
    {"site": "example.org"},
]


@pytest.mark.parametrize("params", BAD_PARAMETERS)
def test_bad_parameters_get_a_400(client, params):
    response = client.get(PAGES, params)
    assert response.status_code == 400, (params, response.status_code)
    assert "message" in response.json()


@pytest.mark.parametrize("search", ['"', "'", "AND (", "*", "a & b | !c", "NEAR(a b)", "\\", "företag:*"])
def test_hostile_searches_are_answered(client, search):
    response = client.get(PAGES, {"search": search})
    assert response.status_code == 200, (search, response.status_code)


def test_search_finds_in_both_languages(client):
    sv_titles = [item["title"] for item in get_json(client, search="industri", limit=50)["items"]]
    en_titles = [item["title"] for item in get_json(client, search="industry", lang="en", limit=50)["items"]]
    assert sv_titles and en_titles


def test_listing_queries_do_not_grow_with_the_page_size(client):
    get_json(client, limit=2)
    counts = []
    for limit in (2, 20):
        with CaptureQueriesContext(connection) as queries:
            get_json(client, limit=limit, type="stories.StoryPage", fields="date,lead")
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10, counts
