"""Upload validation for Wagtail documents (WAGTAILDOCS_DOCUMENT_FORM_BASE points here).

A file is accepted only when its extension is on the allowed list, it is within the size limit,
and its first bytes match what that extension promises, so an HTML page renamed to .pdf is refused.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

PDF = (b"%PDF-",)
ZIP = (b"PK\x03\x04",)
OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
PNG = (b"\x89PNG\r\n\x1a\n",)
JPEG = (b"\xff\xd8\xff",)
GIF = (b"GIF87a", b"GIF89a")

SIGNATURES = {
    "pdf": PDF,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "zip": ZIP,
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
    "gif": GIF,
    "webp": None,  # checked below: RIFF....WEBP
    "csv": None,  # text: checked below
    "txt": None,
}
TEXT_TYPES = {"csv", "txt"}
HTML_MARKERS = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe")
SNIFF_BYTES = 64 * 1024


def allowed_extensions():
    configured = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or list(SIGNATURES)
    return [extension for extension in configured if extension in SIGNATURES]


def check_upload(uploaded):
    """Raise ValidationError with a message an editor understands, or return None."""
    name = os.path.basename(uploaded.name or "")
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    allowed = allowed_extensions()
    if extension not in allowed:
        raise ValidationError(
            _("Files of type “%(extension)s” cannot be uploaded. Allowed types: %(allowed)s."),
            code="file_type",
            params={"extension": extension or _("no extension"), "allowed": ", ".join(allowed)},
        )
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit is not None and uploaded.size > limit:
        raise ValidationError(
            _("This file is too big (%(size)s). The largest file you can upload is %(limit)s."),
            code="file_too_large",
            params=dict(zip(("size", "limit"), readable_sizes(uploaded.size, limit), strict=True)),
        )
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    mismatch = ValidationError(
        _("The content of this file does not match its extension “.%(extension)s”. Save it again in the right format."),
        code="file_content",
        params={"extension": extension},
    )
    if extension in TEXT_TYPES:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # The sniffed block may end in the middle of a character: only an early error counts.
            if error.start < len(head) - 4:
                raise ValidationError(
                    _("This text file is not in UTF-8. Save it as UTF-8 (for CSV: “CSV UTF-8”) and upload it again."),
                    code="file_encoding",
                ) from error
        if b"\x00" in head or looks_like_html(head):
            raise mismatch
        return
    if extension == "webp":
        if not (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
            raise mismatch
        return
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise mismatch
    if SIGNATURES[extension] is ZIP and not zipfile.is_zipfile(uploaded):
        uploaded.seek(0)
        raise mismatch
    uploaded.seek(0)


def readable_sizes(*sizes):
    """The sizes as an editor reads them, never two alike for different sizes: "20,0 MB" for both
    21,000,000 bytes and a 20 MB limit read as a contradiction, so those get two decimals."""
    shown = [filesizeformat(size) for size in sizes]
    if len(set(shown)) < len(set(sizes)):
        shown = [f"{number_format(size / 1024 / 1024, 2)}\xa0MB" for size in sizes]
    return shown


def upload_help_text():
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    types = ", ".join(allowed_extensions())
    if limit is None:
        return _("Allowed file types: %(types)s.") % {"types": types}
    return _("Largest file: %(limit)s. Allowed file types: %(types)s.") % {
        "limit": filesizeformat(limit),
        "types": types,
    }


def looks_like_html(head):
    sample = head[:2048].lstrip().lower()
    return any(marker in sample for marker in HTML_MARKERS)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with the toolbox's upload checks (add, multiple upload, chooser, edit)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            # The size is checked by check_upload, whose message tells the two sizes apart; the help
            # text also names the file types (Wagtail's gave the size only).
            field.max_upload_size = None
            field.help_text = upload_help_text()

    def add_error(self, field, error):
        # After our own message about the file, skip Wagtail's model-level "extension “” is not valid",
        # which only repeats it confusingly (the refused file is no longer on the instance).
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            if "file" in self._errors:
                error.error_dict.pop("file", None)
                if not error.error_dict:
                    return
        super().add_error(field, error)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_upload(uploaded)
        return uploaded
