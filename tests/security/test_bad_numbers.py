"""Bad numbers and sizes in every parameter of the read-only API and of every public listing: a 200 or a
clear 4xx, never a 500.

The API's parameters are read from the router's endpoints (each viewset's known query parameters, and its
model's fields, which the API accepts as filters), so a new endpoint or filter is tried without a new
test. On PostgreSQL a number beyond a bigint used to reach the query and fail with "bigint out of range".

The listings are the page types with a `listing_context` (success stories, initiatives, toolbox), each
with every sub-route it declares (feeds, open data) and every filter its listing declares, plus the
search page's parameters; a 4xx is the site's error page, or a listing's own 404, in the language of the
address.
"""

import pytest

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import get_page_models

from focus_industry.core.api import api_router

pytestmark = pytest.mark.django_db

BAD_NUMBERS = {
    "past bigint": "99999999999999999999",
    "far below bigint": "-99999999999999999999",
    "five thousand digits": "9" * 5000,
    "exponent": "1e999",
    "not a number": "NaN",
    "hexadecimal": "0x10",
    "other script digits": "\u0661\u0662\u0663",
    "superscript": "\u00b2",
    "bigint plus one": str(2**63),
}


TOO_BIG = {"past bigint", "far below bigint", "five thousand digits", "bigint plus one"}
NUMERIC = {"offset", "limit", "id", "child_of", "descendant_of", "ancestor_of"}


def _endpoint_parameters():
    cases = []
    for name, viewset in sorted(api_router._endpoints.items()):
        parameters = set(viewset.known_query_parameters)
        model = getattr(viewset, "model", None)
        if model is not None:
            parameters |= {field.name for field in model._meta.concrete_fields if field.name != "content_type"}
        cases += [(name, parameter) for parameter in sorted(parameters)]
    return cases


PARAMETERS = _endpoint_parameters()


def test_the_parameters_come_from_the_router():
    names = {parameter for _endpoint, parameter in PARAMETERS}
    assert {"offset", "limit", "id", "child_of", "descendant_of", "search", "order", "fields"} <= names


@pytest.mark.parametrize(("endpoint", "parameter"), PARAMETERS)
def test_a_bad_number_in_any_parameter_is_a_clear_4xx(client, endpoint, parameter):
    for label, value in BAD_NUMBERS.items():
        response = client.get(f"/api/v2/{endpoint}/", {parameter: value})
        # A text filter may simply match nothing (200); a number nothing can hold is a 400; never a 500.
        assert response.status_code in (200, 400, 404), (parameter, label, response.status_code)
        if label in TOO_BIG and parameter in NUMERIC:
            assert response.status_code == 400, (parameter, label)
        if response.status_code == 400:
            assert response.json()["message"], (parameter, label)


@pytest.mark.parametrize("value", BAD_NUMBERS.values(), ids=BAD_NUMBERS)
def test_a_bad_number_as_an_id_in_the_address_is_a_404(client, value):
    for endpoint in api_router._endpoints:
        response = client.get(f"/api/v2/{endpoint}/{value}/")
        assert response.status_code == 404, (endpoint, value, response.status_code)


def test_the_offset_from_the_report_is_a_400_with_a_message(client):
    response = client.get("/api/v2/pages/", {"offset": "99999999999999999999"})
    assert response.status_code == 400
    assert "offset" in response.json()["message"]
    assert client.get("/api/v2/pages/", {"offset": "1000000"}).json()["items"] == []


# --- Public listings -----------------------------------------------------------------------------------

LISTING_VALUES = {
    **BAD_NUMBERS,
    "minus one": "-1",
    "zero": "0",
    "other script digits, two": "\u0661\u0662",
    "ten thousand characters": "x" * 10_000,
    "empty": "",
    "blank": "   ",
    "repeated": ["1", "99999999999999999999", "2"],
    "repeated, empty last": ["2", ""],
}
# The search page lists nothing without a query: its other parameters are tried with one that matches.
SEARCH_QUERY = "Dalarna"
SEARCH_PARAMETERS = ("q", "type", "page")  # what focus_industry.search.views.search reads


def _listing_models():
    return sorted(
        (model for model in get_page_models() if hasattr(model, "listing_context")), key=lambda m: m._meta.label
    )


def _listing_cases():
    """[(label, model label, sub-route, parameter)] of every listing, its sub-routes and its filters."""
    cases = []
    for model in _listing_models():
        filters = [facet.name for facet in model.listing.facets]
        routes = (
            [str(route.pattern) for route in model.get_subpage_urls()] if hasattr(model, "get_subpage_urls") else []
        )
        for route in routes or [""]:
            cases += [(model._meta.label, route, name) for name in (*filters, "page")]
    cases += [("search", "", name) for name in SEARCH_PARAMETERS]
    return cases


LISTING_CASES = _listing_cases()


def _address(listing, route, language):
    with translation.override(language):
        if listing == "search":
            return reverse("search")
        model = next(model for model in _listing_models() if model._meta.label == listing)
        page = model.objects.live().first()
        assert page is not None, f"the demo content has a live {listing}"
        return page.get_url() + route


def _assert_clear(response, language, what):
    """A 200, or the site's 4xx page in the address's language; never a 5xx."""
    assert response.status_code == 200 or 400 <= response.status_code < 500, (what, response.status_code)
    if response.status_code != 200:
        body = response.content.decode()
        assert f'<html lang="{language}"' in body, what
        with translation.override(language):
            assert gettext("Error %(code)s") % {"code": response.status_code} in body, what


def test_the_listings_and_their_parameters_come_from_the_models():
    listings = {listing for listing, _route, _name in LISTING_CASES}
    assert {"stories.StoryIndexPage", "initiatives.InitiativeIndexPage", "toolbox.ToolboxPage", "search"} == listings
    routes = {route for _listing, route, _name in LISTING_CASES}
    assert {"feed/rss/", "feed/atom/", "data/json/", "data/csv/"} <= routes
    names = {name for _listing, _route, name in LISTING_CASES}
    assert {"page", "region", "area", "status", "kind", "audience", "lang", "q", "type"} <= names


@pytest.mark.parametrize(("listing", "route", "parameter"), LISTING_CASES)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_bad_value_in_any_listing_parameter_is_a_200_or_a_clear_4xx(client, language, listing, route, parameter):
    address = _address(listing, route, language)
    base = {"q": SEARCH_QUERY} if listing == "search" and parameter != "q" else {}
    for label, value in LISTING_VALUES.items():
        response = client.get(address, {**base, parameter: value})
        _assert_clear(response, language, (address, parameter, label))
        page_obj = response.context and response.context.get("page_obj")
        if response.status_code == 200 and page_obj:
            # A listing shown despite a bad page number shows one of its pages.
            assert 1 <= page_obj.number <= page_obj.paginator.num_pages, (address, parameter, label)


PAGE_NUMBERS = {
    "past the end": "99999999999999999999",
    "one past the end": None,
    "zero": "0",
    "minus one": "-1",
    "not a number": "NaN",
    "leading zero": "01",
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_bad_page_number_is_a_404_in_every_listing(client, language):
    """One behaviour (focus_industry/core/listing.py): every listing, the search page too, answers 404 to a
    page number that is not one of its pages. A listing's 404 shows its first page under a notice."""
    for listing in sorted({listing for listing, _route, _name in LISTING_CASES}):
        address = _address(listing, "", language)
        base = {"q": SEARCH_QUERY} if listing == "search" else {}
        first = client.get(address, base)
        assert first.status_code == 200 and first.context["page_obj"].number == 1, listing
        last_page = first.context["page_obj"].paginator.num_pages
        for label, value in PAGE_NUMBERS.items():
            if listing == "search" and label == "leading zero":
                continue  # the search reads its page number with Django's Paginator (search/views.py)
            response = client.get(address, {**base, "page": value or str(last_page + 1)})
            _assert_clear(response, language, (listing, label))
            assert response.status_code == 404, (listing, label, response.status_code)
            if listing != "search":
                assert response.context["page_obj"].number == 1, (listing, label)
