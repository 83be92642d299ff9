"""Helpers for the file-permission threats: roles, collections, files, the editors' guide table, form data.

The expected permissions are read from the sub-table "Filer och bilder" of docs/editors-guide.md,
so the guide and what the tests prove cannot drift apart.
"""

import io
import json
import re
import uuid
from pathlib import Path

from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail import blocks
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from toolbox.demo import make_pdf

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "editors-guide.md"
STAFF_PREFIX = "Regional staff: "
REGION_NAMES = ["Dalarna", "Gävleborg", "Värmland"]
ROLES = ["Coordinators", "Business promoters", *(f"{STAFF_PREFIX}{name}" for name in REGION_NAMES)]
INTERNAL_SUFFIX = " – intern"

# Columns of the guide's table → the actions they stand for.
COLUMNS = {
    "Lägga till": "add",
    "Ändra, ersätta fil, flytta": "change",
    "Radera": "delete",
    "Välja dokument": "choose_document",
    "Välja bilder": "choose_image",
}


def guide_table():
    """{role: {action: cell text}} from the sub-table "Filer och bilder" of the editors' guide."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("### Filer och bilder", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    table = {}
    for line in rows[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        names = cells[0]
        if names.startswith(STAFF_PREFIX):
            roles = [f"{STAFF_PREFIX}{name.strip()}" for name in names.removeprefix(STAFF_PREFIX).split("/")]
        else:
            roles = [names]
        for role in roles:
            table[role] = {COLUMNS[column]: cell for column, cell in zip(header[1:], cells[1:], strict=True)}
    return table


def collection_kind(role, collection):
    """How `collection` relates to `role`: own (its region's), other (another region's) or shared."""
    region = collection_region(collection)
    if region is None:
        return "shared"
    return "own" if role == f"{STAFF_PREFIX}{region}" else "other"


def collection_region(collection):
    for name in REGION_NAMES:
        if collection.name in (name, f"{name}{INTERNAL_SUFFIX}"):
            return name
    return None


def cell_allows(cell, role, collection):
    """What a cell of the guide's table says about `role` doing its action in `collection`."""
    cell = cell.lower()
    if cell == "nej":
        return False
    if cell == "alla samlingar":
        return True
    if cell == "gemensamt":
        return collection.name == "Gemensamt"
    if not re.fullmatch(r"egen regions samlingar( och gemensamt)?", cell):
        raise AssertionError(f"Unknown wording in the guide's table: {cell!r}")
    if collection_kind(role, collection) == "own":
        return True
    return "gemensamt" in cell and collection.name == "Gemensamt"


def expected(role, action, collection):
    return cell_allows(guide_table()[role][action], role, collection)


def all_collections():
    """Every collection a file can be in: root, shared ones, each region's and its internal one."""
    return list(Collection.objects.order_by("path"))


def own_collection(role):
    """Where a role keeps its own files (a target for 'move')."""
    if role.startswith(STAFF_PREFIX):
        return Collection.objects.get(name=role.removeprefix(STAFF_PREFIX), depth=2)
    return Collection.objects.get(name="Gemensamt", depth=2)


def pdf_bytes(title="Fil"):
    return make_pdf(title, ["Test"])


def png_bytes(colour=(10, 20, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_document(collection, title="Dokument"):
    Document = get_document_model()
    doc = Document(title=title, collection=collection)
    doc.file.save(f"{uuid.uuid4().hex[:8]}.pdf", ContentFile(pdf_bytes(title)), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def make_image(collection, title="Bild"):
    Image = get_image_model()
    image = Image(title=title, collection=collection, width=8, height=8)
    image.file = ImageFile(io.BytesIO(png_bytes()), name=f"{uuid.uuid4().hex[:8]}.png")
    image.save()
    return image


def make_file(model, collection, title="Fil"):
    return make_document(collection, title) if model is get_document_model() else make_image(collection, title)


def upload(model, title="Uppladdad"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    if model is get_document_model():
        return SimpleUploadedFile(f"{title}.pdf", pdf_bytes(title), content_type="application/pdf")
    return SimpleUploadedFile(f"{title}.png", png_bytes((200, 10, 10)), content_type="image/png")


# --- Form data --------------------------------------------------------------------------------


def block_form_data(block, prefix, path, value, data):
    """Fill `data` as the admin's StreamField widget posts it, with `value` at `path` (a list of child
    names; "item" for a ListBlock's child). Everything off the path is left empty."""
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock):
        if path is None:
            data[f"{prefix}-count"] = "0"
            return
        data[f"{prefix}-count"] = "1"
        data[f"{prefix}-0-deleted"] = ""
        data[f"{prefix}-0-order"] = "0"
        data[f"{prefix}-0-id"] = str(uuid.uuid4())
        if isinstance(block, blocks.StreamBlock):
            data[f"{prefix}-0-type"] = path[0]
            child = block.child_blocks[path[0]]
        else:
            child = block.child_block
        block_form_data(child, f"{prefix}-0-value", path[1:], value, data)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            on_path = path is not None and path and path[0] == name
            block_form_data(child, f"{prefix}-{name}", path[1:] if on_path else None, value, data)
    elif path == []:
        data[prefix] = str(value)


def chooser_paths(block, path=()):
    """(path, block, file model) for every document/image chooser and, per file model, every rich text
    block (which may link a document or embed an image) in a block tree."""
    file_models = (get_document_model(), get_image_model())
    if isinstance(block, blocks.StreamBlock | blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from chooser_paths(child, (*path, name))
    elif isinstance(block, blocks.ListBlock):
        yield from chooser_paths(block.child_block, (*path, "item"))
    elif isinstance(block, blocks.ChooserBlock) and issubclass(block.target_model, file_models):
        yield list(path), block, block.target_model
    elif isinstance(block, blocks.RichTextBlock):
        for model in file_models:
            yield list(path), block, model


def rich_text_post(model, pk):
    """What the rich text editor (Draftail) posts for a text holding a link to document `pk` or an
    embed of image `pk`, as a forged request would send it."""
    if issubclass(model, get_document_model()):
        block = {
            "key": "doc01",
            "type": "unstyled",
            "text": "Fil",
            "entityRanges": [{"offset": 0, "length": 3, "key": 0}],
        }
        entity = {"type": "DOCUMENT", "mutability": "MUTABLE", "data": {"id": pk}}
    else:
        block = {"key": "img01", "type": "atomic", "text": " ", "entityRanges": [{"offset": 0, "length": 1, "key": 0}]}
        entity = {"type": "IMAGE", "mutability": "IMMUTABLE", "data": {"id": pk, "format": "fullwidth", "alt": "Bild"}}
    block.update({"depth": 0, "inlineStyleRanges": [], "data": {}})
    return json.dumps({"blocks": [block], "entityMap": {"0": entity}})


def form_post_data(form):
    """The POST data an editor's browser sends for an unchanged form (fields and formsets)."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or bound.field.disabled:
            continue
        if isinstance(bound.field.widget, DraftailRichTextArea):
            value = bound.field.widget.format_value(value)  # the editor posts its own format, not HTML
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        else:
            data[bound.html_name] = str(value)
    for formset in getattr(form, "formsets", {}).values():
        for bound in formset.management_form:
            data[bound.html_name] = bound.value()
        for child in formset.forms:
            data.update(form_post_data(child))
    return data
