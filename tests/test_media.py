"""Uploaded images served from the local disk (a single server without object storage)."""

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_images_are_served_with_a_day_of_browser_caching_and_no_cookie(client, settings):
    name = default_storage.save("images/kvarn.960x540.webp", ContentFile(b"RIFF\x00\x00\x00\x00WEBPVP8 "))
    try:
        response = client.get(f"/media/{name}")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/webp"
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", f"max-age={settings.FOCUS_MEDIA_MAX_AGE}"} <= cache_control
        assert settings.FOCUS_MEDIA_MAX_AGE == 60 * 60 * 24
        assert not response.cookies
    finally:
        default_storage.delete(name)


def test_a_missing_file_or_a_path_outside_media_is_a_404_page(client):
    assert client.get("/media/images/none-such.webp").status_code == 404
    assert client.get("/media/../settings.py").status_code in (400, 404)
    assert client.get("/media/documents/anything.pdf").status_code == 404  # documents go through /documents/
