"""Media in S3-compatible object storage (a real SeaweedFS): renditions public, originals and documents private."""

import io
import re
from urllib.parse import quote

import pytest
from PIL import Image

from tests.security._files import TRICKS

from .conftest import EDITOR
from .infra import BUCKET, HTTPS_HEADERS, Browser, fetch, manage

pytestmark = pytest.mark.scaleout

FIND_INTERNAL_DOCUMENT = (
    "from wagtail.documents.models import Document; "
    "doc = Document.objects.get(collection__name='Dalarna – intern', file__contains='arbetsplan-samordnare'); "
    "print(doc.url, doc.file.name)"
)


def test_pages_show_renditions_from_the_bucket_and_nothing_is_kept_on_the_instances_disk(s3_site, seaweedfs):
    page = fetch(s3_site.url + "/en/", HTTPS_HEADERS)
    assert page.status == 200
    public = f"{seaweedfs.endpoint}/{BUCKET}/public/images/"
    sources = re.findall(r'src="([^"]+)"', page.text)
    renditions = [src for src in sources if src.startswith(public)]
    assert renditions, f"no image from the bucket on the home page: {sources[:5]}"
    image = fetch(renditions[0].replace("&amp;", "&"))  # an anonymous visitor, straight from the bucket
    assert image.status == 200
    assert image.headers["Content-Type"].startswith("image/")
    assert Image.open(io.BytesIO(image.body)).size[0] > 0
    assert "Signature" not in renditions[0] and "X-Amz" not in renditions[0], "rendition URLs are stable"
    media = s3_site.workdir / "var" / "media"
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_original_images_are_not_readable_from_the_bucket_by_anyone(s3_site, seaweedfs):
    name = manage(
        s3_site.env, "shell", "-c", "from wagtail.images.models import Image; print(Image.objects.first().file.name)"
    ).strip()
    assert name.startswith("original_images/")
    assert fetch(f"{seaweedfs.endpoint}/{BUCKET}/media/{name}").status == 403


def test_an_internal_document_is_streamed_by_the_app_to_staff_only(s3_site, seaweedfs):
    url, name = manage(s3_site.env, "shell", "-c", FIND_INTERNAL_DOCUMENT).split()
    # Not from the bucket ...
    assert fetch(f"{seaweedfs.endpoint}/{BUCKET}/media/{name}").status == 403
    # ... and not from the app for an anonymous visitor: the login page, never a bucket address.
    visitor = fetch(s3_site.url + url, HTTPS_HEADERS)
    assert visitor.status == 302
    assert "login" in visitor.headers["Location"]
    assert seaweedfs.endpoint not in visitor.headers["Location"]
    editor = Browser(HTTPS_HEADERS)
    editor.login(s3_site.url, *EDITOR)
    download = editor.request(s3_site.url + url)
    assert download.status == 200, download.text[:300]
    assert download.body.startswith(b"%PDF")
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert seaweedfs.endpoint not in (download.headers.get("Location") or "")


# Every spelling of a key the S3 gateway or the app might normalise back to the private one. URLs are
# sent byte for byte (urllib does not resolve dot segments); what is not ASCII is percent-encoded.
_PRINTABLE = "".join(chr(code) for code in range(33, 127))


def _spellings(name):
    """[(label, path after the bucket)] reaching media/<name>: from the private prefix itself and by
    climbing out of the public one (the only prefix anonymous visitors may read)."""
    spellings = []
    for label, trick in TRICKS.items():
        spellings.append((f"media, {label}", "media/" + quote(trick(name), safe=_PRINTABLE)))
        spellings.append((f"public, {label}", "public/" + quote(trick("../media/" + name), safe=_PRINTABLE)))
    spellings.append(("public, two folders up", "public/images/../../media/" + name))
    spellings.append(("public, encoded climb", "public/%2e%2e%2fmedia%2f" + quote(name, safe="")))
    return spellings


def _refused(response):
    return response.status in (400, 403, 404) and b"%PDF" not in response.body


def test_no_spelling_of_the_internal_documents_key_is_readable_from_the_bucket(s3_site, seaweedfs):
    _url, name = manage(s3_site.env, "shell", "-c", FIND_INTERNAL_DOCUMENT).split()
    assert name.startswith("documents/")
    spellings = _spellings(name)
    assert len(spellings) == 2 * len(TRICKS) + 2
    answered = {label: fetch(f"{seaweedfs.endpoint}/{BUCKET}/{path}") for label, path in spellings}
    readable = {label: response.status for label, response in answered.items() if not _refused(response)}
    assert not readable, readable


def test_no_spelling_of_the_internal_documents_name_is_served_by_the_app_to_a_visitor(s3_site, seaweedfs):
    url, name = manage(s3_site.env, "shell", "-c", FIND_INTERNAL_DOCUMENT).split()
    document_id, filename = url.strip("/").split("/")[1:3]
    tails = [(f"filename, {label}", quote(trick(filename), safe=_PRINTABLE)) for label, trick in TRICKS.items()]
    tails += [(f"stored key, {label}", quote(trick(name), safe=_PRINTABLE)) for label, trick in TRICKS.items()]
    for label, tail in tails:
        response = fetch(f"{s3_site.url}/documents/{document_id}/{tail}", HTTPS_HEADERS)
        location = response.headers.get("Location") or ""
        if response.status == 302:  # the login page, as for the plain address; never the bucket
            assert "login" in location and seaweedfs.endpoint not in location, (label, location)
        else:
            assert _refused(response), (label, response.status)
        assert "public" not in (response.headers.get("Cache-Control") or ""), label


def test_renditions_under_the_public_prefix_stay_readable_and_a_climb_out_is_not(s3_site, seaweedfs):
    page = fetch(s3_site.url + "/en/", HTTPS_HEADERS)
    public = f"{seaweedfs.endpoint}/{BUCKET}/public/images/"
    rendition = next(src for src in re.findall(r'src="([^"]+)"', page.text) if src.startswith(public))
    rendition = rendition.replace("&amp;", "&")
    assert fetch(rendition).status == 200
    # The same rendition through a dot segment inside the public prefix: readable or refused, never a 5xx.
    key = rendition.removeprefix(public)
    assert fetch(f"{public}./{key}").status in (200, 400, 403, 404)
    # Leaving the public prefix by any spelling lands in the private part: refused like any private key.
    original = manage(
        s3_site.env, "shell", "-c", "from wagtail.images.models import Image; print(Image.objects.first().file.name)"
    ).strip()
    for label, trick in TRICKS.items():
        response = fetch(f"{public}{quote(trick('../../media/' + original), safe=_PRINTABLE)}")
        assert response.status in (400, 403, 404), (label, response.status)
