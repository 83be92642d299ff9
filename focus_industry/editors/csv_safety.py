"""CSV cells that a spreadsheet would run as a formula are made plain text (OWASP's "CSV injection").

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel, LibreOffice
and Google Sheets (`=HYPERLINK(…)`, `=cmd|…`, `@SUM(…)`). OWASP's advice is followed: such a cell gets a
leading apostrophe, which spreadsheets show as the text itself and never evaluate; the rest of the text
is kept as written, and the csv module quotes it as usual. Used by every CSV the site writes: the open
data (`initiatives/opendata.py`) and Wagtail's admin exports (reports and listings), whose CSV writer is
wrapped once at start-up (`protect_wagtail_exports`; Wagtail only guards its XLSX cells).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell text as a spreadsheet should show it: a leading apostrophe before a formula start."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row):
    return {key: neutralise(value) for key, value in row.items()}


def protect_wagtail_exports():
    """Every CSV row Wagtail's SpreadsheetExportMixin writes (after its own formatting) goes through `neutralise`."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin.preprocess_field_value, "focus_neutralised", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.focus_neutralised = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
