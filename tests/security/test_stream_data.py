"""Threat: a forged admin POST with StreamField data the widget cannot read (a 500 before)."""

import pytest

from django.urls import reverse

from wagtail.blocks.base import BlockField

from focus_industry.core.models import HomePage
from initiatives.models import RegionPage

from ._files_policy import block_form_data, form_post_data

pytestmark = pytest.mark.django_db

EDITOR = "Regional staff: Dalarna"


@pytest.fixture
def dalarna_page():
    return RegionPage.objects.get(region__slug="dalarna")


def edit_data(page, user):
    page = page.get_latest_revision_as_object()
    form = page.get_edit_handler().get_form_class()(instance=page, for_user=user, parent_page=page.get_parent())
    data = form_post_data(form)
    for bound in form:
        if isinstance(bound.field, BlockField):  # as the widget sends an empty StreamField
            data.pop(bound.html_name, None)
            block_form_data(bound.field.block, bound.html_name, None, None, data)
    return data


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda data, key: data.pop(key), id="count-missing"),
        pytest.param(lambda data, key: data.__setitem__(key, "många"), id="count-garbage"),
        pytest.param(lambda data, key: data.__setitem__(key, "3"), id="count-beyond-the-blocks"),
    ],
)
def test_unreadable_streamfield_data_is_a_400_page_and_nothing_is_saved(client, make_user, dalarna_page, forge):
    user = make_user(EDITOR)
    client.force_login(user)
    data = edit_data(dalarna_page, user)
    counts = sorted(key for key in data if key.startswith("body_sv") and key.endswith("-count"))
    assert counts, "the page's body sends no block count: the forged request would prove nothing"
    forge(data, counts[0])
    data["title_sv"] = "Förfalskad titel"
    revisions = dalarna_page.revisions.count()
    response = client.post(reverse("wagtailadmin_pages:edit", args=[dalarna_page.pk]), data)
    assert response.status_code == 400
    assert "Bad request" in response.content.decode() or "Felaktig" in response.content.decode()
    assert dalarna_page.revisions.count() == revisions


@pytest.mark.parametrize(
    "page_model,role",
    [(RegionPage, EDITOR), (HomePage, None)],  # a StreamField page; the home page's rich text fields
    ids=["region-page", "home-page"],
)
def test_the_same_form_with_its_data_intact_is_saved(client, make_user, page_model, role):
    page = page_model.objects.filter(region__slug="dalarna").first() if role else page_model.objects.first()
    user = make_user(role) if role else make_user(superuser=True)
    client.force_login(user)
    data = edit_data(page, user)
    data["title_sv"] = "Ny titel"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    assert page_model.objects.get(pk=page.pk).get_latest_revision_as_object().title_sv == "Ny titel"


# --- Rich text: the editor (Draftail) posts its own JSON; anything else is the same 400 page ---------

UNREADABLE_RICH_TEXT = ["inte json", "[1, 2]", '{"blocks": 1}', '"text"']


@pytest.mark.parametrize("forged", UNREADABLE_RICH_TEXT)
def test_an_unreadable_rich_text_field_is_a_400_page_and_nothing_is_saved(client, make_user, forged):
    page = HomePage.objects.first()
    user = make_user(superuser=True)
    client.force_login(user)
    data = edit_data(page, user)
    assert "way_forward_text_sv" in data, "the home page form sends no rich text field: the test would prove nothing"
    data["way_forward_text_sv"] = forged
    data["title_sv"] = "Förfalskad titel"
    revisions = page.revisions.count()
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 400
    assert page.revisions.count() == revisions


@pytest.mark.parametrize("forged", UNREADABLE_RICH_TEXT)
def test_an_unreadable_rich_text_block_is_a_400_page_and_nothing_is_saved(client, make_user, dalarna_page, forged):
    user = make_user(EDITOR)
    client.force_login(user)
    data = edit_data(dalarna_page, user)
    block_form_data(RegionPage._meta.get_field("body_sv").stream_block, "body_sv", ["text"], "", data)
    data["body_sv-0-value"] = forged
    revisions = dalarna_page.revisions.count()
    response = client.post(reverse("wagtailadmin_pages:edit", args=[dalarna_page.pk]), data)
    assert response.status_code == 400
    assert dalarna_page.revisions.count() == revisions
