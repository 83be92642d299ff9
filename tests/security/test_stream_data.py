"""Threat: a forged admin POST with StreamField data the widget cannot read (a 500 before)."""

import pytest

from django.urls import reverse

from wagtail.blocks.base import BlockField

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


def test_the_same_form_with_its_data_intact_is_saved(client, make_user, dalarna_page):
    user = make_user(EDITOR)
    client.force_login(user)
    data = edit_data(dalarna_page, user)
    data["title_sv"] = "Ny titel"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[dalarna_page.pk]), data)
    assert response.status_code == 302
    assert RegionPage.objects.get(pk=dalarna_page.pk).get_latest_revision_as_object().title_sv == "Ny titel"
