"""The editors' workplace in real use: the preview panel, the admin language preference, autosave
next to publishing on SQLite, Swedish throughout the Swedish admin, and the smaller rough edges."""

import pytest

from django.urls import reverse

from wagtail.hooks import search_for_hooks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from focus_industry.models import StandardPage

PROMOTERS = "Business promoters"


@pytest.fixture(autouse=True)
def _wagtail_hooks_loaded():
    search_for_hooks()


@pytest.fixture
def about(db):
    return StandardPage.objects.get(slug_sv="om-focus-industry")


def _about_form(**changes):
    values = {
        "title_sv": "Om Focus Industry",
        "title_en": "About Focus Industry",
        "slug_sv": "om-focus-industry",
        "slug_en": "about-focus-industry",
        "intro_sv": "Ny svensk ingress.",
        "intro_en": "A new English introduction.",
        "body_sv": streamfield([("text", rich_text("<p>Text</p>"))]),
        "body_en": streamfield([("text", rich_text("<p>Text</p>"))]),
        "comments": inline_formset([]),
    }
    values.update(changes)
    return nested_form_data(values)


# --- The preview panel ----------------------------------------------------------------------


@pytest.mark.parametrize(("mode", "title"), [("sv", "Om oss UTKAST"), ("en", "About us DRAFT")])
def test_the_admin_may_frame_the_preview_of_a_draft(client, make_user, about, mode, title):
    client.force_login(make_user(PROMOTERS))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[about.pk])
    state = client.post(url, _about_form(title_sv="Om oss UTKAST", title_en="About us DRAFT"))
    assert state.json() == {"is_valid": True, "is_available": True}

    response = client.get(url, {"mode": mode})

    assert response.status_code == 200
    assert f"<title>{title} | Focus Industry</title>" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "'none'" not in policy.split("frame-ancestors")[1].split(";")[0]
    # Otherwise the public page's policy: only the site's own scripts, with the nonce.
    assert "script-src 'self' 'nonce-" in policy


def test_public_pages_still_refuse_every_frame(client, make_user, about):
    for user in (None, make_user(PROMOTERS)):
        if user:
            client.force_login(user)
        for address in ("/om-focus-industry/", "/en/about-focus-industry/"):
            response = client.get(address)
            assert response.status_code == 200
            assert response["X-Frame-Options"] == "DENY"
            assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_visitor_cannot_ask_for_the_preview_policy(client, about):
    # Wagtail marks its own preview requests; nothing in a public request can.
    response = client.get("/om-focus-industry/", {"is_preview": "1", "mode": "sv"}, HTTP_X_IS_PREVIEW="1")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
