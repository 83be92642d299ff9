"""Open data: the overview's (filtered) list of initiatives as JSON and CSV, in both languages.

The same filters as the overview, read by the same engine (`?region=…&area=…&status=…`; a value that
does not exist is a 404, as in the overview and the feeds: focus_industry/core/listing.py), all matching
initiatives (no pagination), a fixed number of queries.
In the CSV a text that starts like a spreadsheet formula gets a leading apostrophe
(focus_industry/editors/csv_safety.py); the JSON carries every text as written.
"""

import csv
import io
import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation

from focus_industry.core.taxonomy import taxonomy
from focus_industry.editors.csv_safety import safe_row

LANGUAGES = [code for code, _name in settings.LANGUAGES]
CSV_COLUMNS = [
    "id",
    *(f"title_{code}" for code in LANGUAGES),
    *(f"summary_{code}" for code in LANGUAGES),
    "region",
    *(f"region_name_{code}" for code in LANGUAGES),
    "action_areas",
    "status",
    "start_date",
    "end_date",
    "lead_organisation",
    "contact_name",
    "contact_email",
    "link",
    "eu_funded",
    *(f"url_{code}" for code in LANGUAGES),
    "last_published_at",
]


def initiative_records(index_page, request):
    """(filters, list of dicts): one query for the initiatives (region joined), one for their areas."""
    filters = index_page.listing.filters(request)
    if filters.unknown:
        raise Http404("There is no such filter.")
    queryset = filters.apply(index_page.initiatives())
    queryset = queryset.defer_streamfields().select_related("region").prefetch_related("action_areas")
    _regions, areas = taxonomy()
    area_order = {area.pk: position for position, area in enumerate(areas)}
    records = []
    for page in queryset:
        urls = {}
        for code in LANGUAGES:
            with translation.override(code):
                # The address the visitor asked on (the Site's hostname may be a placeholder such as localhost).
                urls[code] = request.build_absolute_uri(page.get_url(request=request))
        page_areas = sorted(page.action_areas.all(), key=lambda area: area_order.get(area.pk, 99))
        record = {"id": page.pk}
        for code in LANGUAGES:
            record[f"title_{code}"] = getattr(page, f"title_{code}") or ""
        for code in LANGUAGES:
            record[f"summary_{code}"] = getattr(page, f"summary_{code}") or ""
        record["region"] = page.region.slug
        for code in LANGUAGES:
            record[f"region_name_{code}"] = getattr(page.region, f"name_{code}", None) or page.region.name
        record["action_areas"] = [area.slug for area in page_areas]
        record["status"] = page.status
        record["start_date"] = page.start_date.isoformat() if page.start_date else None
        record["end_date"] = page.end_date.isoformat() if page.end_date else None
        record["lead_organisation"] = page.lead_organisation
        record["contact_name"] = page.contact_name
        record["contact_email"] = page.contact_email
        record["link"] = page.link
        record["eu_funded"] = page.eu_funded
        for code in LANGUAGES:
            record[f"url_{code}"] = urls[code]
        record["last_published_at"] = page.last_published_at.isoformat() if page.last_published_at else None
        records.append(record)
    return filters, records


def json_response(index_page, request):
    filters, records = initiative_records(index_page, request)
    payload = {
        "count": len(records),
        "filters": filters.values,
        "license": "CC0-1.0",
        "initiatives": records,
    }
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def csv_response(index_page, request):
    _filters, records = initiative_records(index_page, request)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        row = dict(record)
        row["action_areas"] = ";".join(record["action_areas"])
        row["eu_funded"] = "true" if record["eu_funded"] else "false"
        writer.writerow(safe_row({key: "" if value is None else value for key, value in row.items()}))
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="initiatives.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
