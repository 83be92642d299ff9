"""Media in S3-compatible object storage (a real SeaweedFS): renditions public, originals and documents private."""

import io
import re

import pytest
from PIL import Image

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
