"""Path tricks on every route that serves files: nothing private comes out, and nothing breaks (no 500).

The routes are read from the URL configuration (every route outside the admin whose tail takes any
path), the secrets from the storage (every stored file outside the renditions' folder: documents, the
toolbox's internal ones among them, and original images). A new file route is tried without a new test.
"""

from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.documents import get_document_model

from focus_industry.editors.file_permissions import INTERNAL_SUFFIX

from ._files import TRICKS, file_routes, private_stored_names

pytestmark = pytest.mark.django_db

ROUTES = file_routes()


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_the_file_routes_are_derived_from_the_configuration():
    names = {name for name, _prefix in ROUTES}
    assert {"media", "wagtaildocs_serve"} <= names, ROUTES
    assert settings.MEDIA_URL in {prefix for _name, prefix in ROUTES}


@pytest.mark.parametrize("trick", TRICKS)
@pytest.mark.parametrize(("route", "prefix"), ROUTES)
def test_no_private_file_comes_out_of_a_file_route_however_the_path_is_written(client, route, prefix, trick):
    secrets = private_stored_names()
    folders = {name.split("/", 1)[0] for name in secrets}
    assert {"documents", "original_images"} <= folders, "the demo content stores documents and originals"
    Document = get_document_model()
    internal = Document.objects.filter(collection__name__endswith=INTERNAL_SUFFIX).first()
    assert internal is not None and internal.file.name in secrets
    # One of each folder, the internal document and, on the document route, its own id in front.
    chosen = {internal.file.name, *(next(n for n in secrets if n.startswith(f + "/")) for f in folders)}
    tails = [TRICKS[trick](name) for name in chosen]
    if route == "wagtaildocs_serve":
        tails += [f"{internal.pk}/" + TRICKS[trick](internal.filename)] if trick != "plain" else []
    for tail in tails:
        response = client.get(prefix + tail)
        refused = 400 <= response.status_code < 500 or (
            response.status_code == 302 and response["Location"].startswith("/_util/login/")
        )
        assert refused, (prefix + tail, response.status_code)
        assert "public" not in response.get("Cache-Control", ""), prefix + tail
        body = _body(response)
        for name in chosen:
            assert default_storage.open(name).read()[:64] not in body, (prefix + tail, name)


@pytest.mark.parametrize("trick", TRICKS)
def test_a_file_outside_media_is_never_served(client, trick):
    outside = Path(settings.BASE_DIR, "manage.py").resolve()
    depth = len(Path(settings.MEDIA_ROOT).resolve().parts)
    name = "images/" + "../" * depth + outside.as_posix().lstrip("/")
    response = client.get(settings.MEDIA_URL + TRICKS[trick](name))
    assert 400 <= response.status_code < 500
    assert b"DJANGO_SETTINGS_MODULE" not in _body(response)


def test_renditions_are_still_served_and_only_in_their_plain_form(client):
    name = default_storage.save("images/probe.fill-10x10.webp", ContentFile(b"RIFF\x00\x00\x00\x00WEBPVP8 "))
    try:
        assert client.get(settings.MEDIA_URL + name).status_code == 200
        for trick in TRICKS:
            if trick not in ("plain", "all encoded"):  # those two are the plain name once decoded
                assert client.get(settings.MEDIA_URL + TRICKS[trick](name)).status_code in (400, 404), trick
    finally:
        default_storage.delete(name)


def test_a_restricted_document_is_never_publicly_cacheable_even_for_staff(client, make_user):
    Document = get_document_model()
    internal = Document.objects.filter(collection__name__endswith=INTERNAL_SUFFIX).first()
    client.force_login(make_user("Coordinators"))
    response = client.get(internal.url)
    assert response.status_code == 200
    cache_control = response.get("Cache-Control", "")
    assert "public" not in cache_control and "private" in cache_control
