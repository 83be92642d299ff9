"""Bad numbers and sizes in every parameter of the read-only API: a 400 or 404 with a message, never a 500.

The parameters are read from the API router's endpoints (each viewset's known query parameters, and its
model's fields, which the API accepts as filters), so a new endpoint or filter is tried without a new
test. On PostgreSQL a number beyond a bigint used to reach the query and fail with "bigint out of range".
"""

import pytest

from focus_industry.api import api_router

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
