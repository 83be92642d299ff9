"""Two app instances on one PostgreSQL, one Redis and SeaweedFS behind HAProxy: any one may answer."""

import io
import re
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from tests.waits import wait_for

from .conftest import EDITOR
from .infra import HTTPS_HEADERS, Browser, fetch, manage

pytestmark = pytest.mark.scaleout

PREPARE_DRAFT = """
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Page
user = get_user_model().objects.get(username={username!r})
page = next(
    p for p in Page.objects.live().filter(depth__gte=4).specific().order_by("pk")
    if p.permissions_for_user(user).can_publish() and not p.get_children().exists()
)
page.title_sv, page.title_en = {sv!r}, {en!r}
page.save_revision(user=user)
urls = []
for language in ("sv", "en"):
    with translation.override(language):
        urls.append(page.get_url())
print(page.pk, *urls)
"""


def save_draft(env):
    """An editor saved a new title in both languages as a draft; returns (page id, sv URL, en URL, titles)."""
    marker = uuid.uuid4().hex[:8]
    titles = (f"Utkast {marker}", f"Draft {marker}")
    pk, sv_url, en_url = manage(
        env, "shell", "-c", PREPARE_DRAFT.format(username=EDITOR[0], sv=titles[0], en=titles[1])
    ).split()
    return int(pk), sv_url, en_url, titles


def publish(editor, base, pk):
    """Publish the page's latest revision through the admin's bulk action (what the editor clicks)."""
    url = f"{base}/admin/bulk/wagtailcore/page/publish/?next=/admin/&id={pk}"
    token = editor.csrf_from(url)
    response = editor.request(url, {"csrfmiddlewaretoken": token})
    assert response.status == 302, response.text[:500]


def png(width=640, height=360):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_editors_login_on_one_instance_works_on_the_other(cluster):
    a, b = cluster["a"], cluster["b"]
    editor = Browser(HTTPS_HEADERS)
    editor.login(a.url, *EDITOR)
    dashboard = editor.request(b.url + "/admin/")
    assert dashboard.status == 200  # not the redirect to the login page a stranger gets
    assert 'name="password"' not in dashboard.text
    logout = editor.request(b.url + "/admin/logout/", {"csrfmiddlewaretoken": editor.cookies["csrftoken"]})
    assert logout.status == 302
    assert editor.request(a.url + "/admin/").status == 302  # logged out everywhere


def test_an_image_uploaded_through_a_renders_through_b(cluster, seaweedfs):
    a, b = cluster["a"], cluster["b"]
    editor = Browser(HTTPS_HEADERS)
    editor.login(a.url, *EDITOR)
    form = editor.request(a.url + "/admin/images/add/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    collection = re.search(r'<select name="collection"[^>]*>\s*<option value="(\d+)"', form.text)
    title = f"Scale-out {uuid.uuid4().hex[:8]}"
    fields = {"csrfmiddlewaretoken": token, "title": title, "tags": ""}
    if collection:
        fields["collection"] = collection.group(1)
    uploaded = editor.request(a.url + "/admin/images/add/", fields, files={"file": ("plant.png", png(), "image/png")})
    assert uploaded.status == 302, uploaded.text[:1000]
    listing = editor.request(b.url + f"/admin/images/?q={title.replace(' ', '+')}")
    image_id = re.search(r"/admin/images/(\d+)/", listing.text).group(1)
    edit = editor.request(b.url + f"/admin/images/{image_id}/")
    assert edit.status == 200
    renditions = re.findall(rf'src="({re.escape(seaweedfs.endpoint)}/[^"]+/public/images/[^"]+)"', edit.text)
    assert renditions, "instance B shows the image from object storage"
    rendition = fetch(renditions[0].replace("&amp;", "&"))
    assert rendition.status == 200
    assert Image.open(io.BytesIO(rendition.body)).size[0] <= 640


def test_a_page_published_on_a_is_fresh_on_b_at_once(cluster):
    a, b, proxy = cluster["a"], cluster["b"], cluster["proxy"]
    pk, sv_url, en_url, (sv_title, en_title) = save_draft(cluster["env"])
    for _ in range(2):  # seen on B (and kept in its page cache, where that is on)
        assert sv_title not in fetch(b.url + sv_url, HTTPS_HEADERS).text
        assert en_title not in fetch(b.url + en_url, HTTPS_HEADERS).text
    editor = Browser(HTTPS_HEADERS)
    editor.login(a.url, *EDITOR)
    publish(editor, a.url, pk)
    assert sv_title in fetch(b.url + sv_url, HTTPS_HEADERS).text
    assert en_title in fetch(b.url + en_url, HTTPS_HEADERS).text
    assert en_title in fetch(proxy.url + en_url).text


def test_stopping_one_instance_under_load_gives_visitors_no_error(cluster):
    """Runs last in this module: instance B is stopped (SIGTERM, as an orchestrator does) mid-load."""
    proxy, b = cluster["proxy"], cluster["b"]
    paths = ["/", "/en/", "/en/about-focus-industry/", "/om-focus-industry/", "/healthz"]
    outcomes, done = [], threading.Event()

    def visitor(number):
        count = 0
        while not done.is_set():
            path = paths[(number + count) % len(paths)]
            try:
                outcomes.append((path, fetch(proxy.url + path, timeout=30).status))
            except OSError as error:
                outcomes.append((path, repr(error)))
            count += 1

    with ThreadPoolExecutor(max_workers=6) as pool:
        for number in range(6):
            pool.submit(visitor, number)
        wait_for(lambda: len(outcomes) >= 20 and '"GET /' in b.tail(10**7), "load served by both instances", 120)
        b.stop()
        at_stop = len(outcomes)
        wait_for(lambda: len(outcomes) >= at_stop + 50, "load after the stop", 120)
        done.set()
    errors = [(path, outcome) for path, outcome in outcomes if outcome != 200]
    assert errors == []
