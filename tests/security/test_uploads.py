"""Decompression bombs and oversized images through every way an editor uploads an image.

A PNG's header says how many pixels it unpacks to; a file of a few hundred bytes may claim 20000 × 20000.
Each is sent to the image add view, the multiple upload, the chooser's upload form and as a forged
POST straight to them: the answer is the form again with a clear message in the editor's language,
never a 500, and nothing is stored.
"""

import io
import json
import struct
import zlib

import pytest
from PIL import Image as PillowImage

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

Image = get_image_model()


def png_claiming(width, height):
    """A black-and-white PNG of width × height pixels, all white: a few kilobytes that unpack to megapixels."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def real_png(width=16, height=12):
    out = io.BytesIO()
    PillowImage.new("RGB", (width, height), "teal").save(out, "PNG")
    return out.getvalue()


LIMIT = 40_000_000  # the documented limit (docs/editors-guide.md)
HOSTILE = {
    "bomb 20000x20000": (20000, 20000),  # 400 megapixels, far over twice the limit: Pillow refuses to open it
    "just over the limit": (8000, LIMIT // 8000 + 1),
    "between the limit and twice it": (10000, LIMIT * 3 // 2 // 10000),
    "121 megapixels": (11000, 11000),
}
MESSAGES = {
    "en": "This image has too many pixels: at most 40 megapixels are allowed.",
    "sv": "Bilden har för många pixlar: högst 40 megapixlar är tillåtet.",
}


def _upload(client, route, data):
    """The POST each form sends (forged: no browser, no client-side checks)."""
    upload = SimpleUploadedFile("bild.png", data, content_type="image/png")
    root = Collection.get_first_root_node().pk
    if route == "add":
        return client.post(reverse("wagtailimages:add"), {"title": "Bild", "file": upload, "collection": root})
    if route == "add_multiple":
        return client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": upload, "collection": root},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    fields = {"title": "Bild", "file": upload, "collection": root}
    return client.post(
        reverse("wagtailimages_chooser:create"),
        {f"image-chooser-upload-{key}": value for key, value in fields.items()},
    )


ROUTES = ["add", "add_multiple", "chooser"]


def _text(response):
    """The page, or the JSON answer (multiple upload, chooser) with its escapes read."""
    text = response.content.decode("utf-8")
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text


@pytest.fixture
def editor(client, make_user):
    user = make_user(superuser=True)
    client.force_login(user)
    return user


def test_pillow_and_wagtail_agree_on_the_limit():
    assert PillowImage.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("size", HOSTILE.values(), ids=HOSTILE)
@pytest.mark.parametrize("route", ROUTES)
def test_an_image_with_too_many_pixels_is_refused_with_a_clear_message(client, editor, route, size, language):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    before = Image.objects.count()
    response = _upload(client, route, png_claiming(*size))
    assert response.status_code in (200, 400), response.status_code
    assert MESSAGES[language] in _text(response)
    assert Image.objects.count() == before


@pytest.mark.parametrize("route", ROUTES)
def test_an_ordinary_image_is_still_accepted(client, editor, route):
    before = Image.objects.count()
    response = _upload(client, route, real_png())
    assert response.status_code in (200, 302)
    assert Image.objects.count() == before + 1


def test_wagtails_own_pixel_message_has_swedish_in_our_catalogue():
    message = "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    with translation.override("sv"):
        assert translation.gettext(message) != message
