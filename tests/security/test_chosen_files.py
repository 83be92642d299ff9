"""Threat: an editor puts another region's document or image on a page, a snippet or a setting.

Every foreign key to a document or an image and every document/image chooser block in every
StreamField of the project's models is found by walking the models, and each one is tried with a
forged form submission as a Dalarna editor holding the id of a file in Gävleborg's internal
collection. A new model, field or block is covered without a new test.
"""

import json

import pytest

from django.apps import apps
from django.urls import reverse

from wagtail.blocks.base import get_error_json_data
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.contrib.settings.views import get_setting_edit_handler
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from focus_industry.file_permissions import refusal
from toolbox.models import ResourcePage, ToolboxRegionPage

from ._files_policy import block_form_data, chooser_paths, form_post_data, make_document, make_file

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("focus_industry", "stories", "initiatives", "toolbox")
EDITOR = "Regional staff: Dalarna"


def file_models():
    return (get_document_model(), get_image_model())


def discover():
    """(model, field name, path in the block tree or None for a foreign key, target model)."""
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            if getattr(field, "many_to_one", False) and related is not None and issubclass(related, file_models()):
                if field.model is model:
                    found.append((model, field.name, None, related))
            elif isinstance(field, StreamField) and field.model is model:
                for path, block in chooser_paths(field.stream_block):
                    found.append((model, field.name, path, block.target_model))
    return found


CASES = discover()


def case_id(case):
    model, name, path, _target = case
    return f"{model._meta.label}.{name}" + (f"[{'.'.join(path)}]" if path is not None else "")


def test_the_walk_finds_the_known_fields():
    """The walk itself works: it finds fields we know about (so an empty walk cannot pass silently)."""
    ids = {case_id(case) for case in CASES}
    assert "toolbox.ResourcePage.document" in ids
    assert "stories.StoryPage.hero_image" in ids
    assert any(name.startswith("focus_industry.StandardPage.body[") for name in ids)
    assert any(name.startswith("focus_industry.SiteSettings.partners[") for name in ids)


def edit_form_class(model):
    if issubclass(model, Page):
        return model.get_edit_handler().get_form_class()
    if issubclass(model, BaseGenericSetting | BaseSiteSetting):
        return get_setting_edit_handler(model).get_form_class()
    viewset = getattr(model, "snippet_viewset", None)
    assert viewset is not None, f"{model._meta.label} holds files but has no admin form this test knows"
    return viewset.get_edit_handler().get_form_class()


def instance_of(model):
    if issubclass(model, BaseGenericSetting):
        return model.load()
    instance = model.objects.first()
    assert instance is not None, f"The demo content has no {model._meta.label} to edit"
    return instance


def submit(model, name, path, value, user):
    form_class = edit_form_class(model)
    instance = instance_of(model)
    kwargs = {"instance": instance, "for_user": user}
    if issubclass(model, Page):
        kwargs["parent_page"] = instance.get_parent()
    # Every other StreamField of the form is sent empty (as the widget sends an empty stream).
    data = {
        f"{field}-count": "0" for field, form_field in form_class.base_fields.items() if hasattr(form_field, "block")
    }
    if path is None:
        data[name] = str(value)
    else:
        block_form_data(model._meta.get_field(name).stream_block, name, path, value, data)
    form = form_class(data, **kwargs)
    form.is_valid()
    return form


def error_text(form, name):
    errors = form.errors.as_data().get(name, [])
    return json.dumps([get_error_json_data(error) for error in errors], ensure_ascii=False)


@pytest.fixture
def foreign_internal():
    return Collection.objects.get(name="Gävleborg – intern")


# Each region's editor tries the next region's internal file.
REGION_PAIRS = [("Dalarna", "Gävleborg"), ("Gävleborg", "Värmland"), ("Värmland", "Dalarna")]


@pytest.mark.parametrize("own_region,other_region", REGION_PAIRS, ids=[pair[0] for pair in REGION_PAIRS])
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_another_regions_internal_file_is_refused_in_every_field(case, make_user, own_region, other_region):
    model, name, path, target = case
    user = make_user(f"Regional staff: {own_region}")
    foreign = make_file(target, Collection.objects.get(name=f"{other_region} – intern"), "Annan regions interna fil")
    form = submit(model, name, path, foreign.pk, user)
    message = str(refusal(target))
    if name not in form.fields:
        # Not a field of the admin form (e.g. the untranslated column behind body_sv/body_en): a forged
        # value is never read.
        if path is None:
            assert getattr(form.instance, model._meta.get_field(name).attname, None) != foreign.pk
        return
    assert message in error_text(form, name), f"{case_id(case)} accepted another region's internal file"
    # The same field with one of the editor's own files is not refused for that reason.
    own = make_file(target, Collection.objects.get(name=own_region, depth=2), "Egen fil")
    assert message not in error_text(submit(model, name, path, own.pk, user), name)


@pytest.mark.parametrize("role,refused", [("Coordinators", False), ("Business promoters", True)])
def test_only_coordinators_may_use_any_regions_internal_file(make_user, role, refused):
    """The guide's table: coordinators choose in every collection, business promoters only in "Gemensamt",
    so the same forged forms are accepted for a coordinator and refused for a promoter."""
    user = make_user(role)
    tried = 0
    for model, name, path, target in CASES:
        if name not in edit_form_class(model).base_fields:
            continue
        foreign = make_file(target, Collection.objects.get(name="Gävleborg – intern"), "Gävleborgs interna fil")
        assert (str(refusal(target)) in error_text(submit(model, name, path, foreign.pk, user), name)) is refused
        tried += 1
    assert tried, "no document or image field found"


# --- The finding, end to end through the admin ------------------------------------------------


@pytest.fixture
def dalarna_resource():
    folder = ToolboxRegionPage.objects.get(region__slug="dalarna")
    return ResourcePage.objects.child_of(folder).live().exclude(document=None).first()


def edit_post(client, page, user, **changes):
    page = page.get_latest_revision_as_object()
    form = page.get_edit_handler().get_form_class()(instance=page, for_user=user, parent_page=page.get_parent())
    data = form_post_data(form)
    data.update({key: str(value) for key, value in changes.items()})
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.mark.parametrize("action", ["draft", "publish"])
def test_a_regional_editor_cannot_take_over_another_regions_internal_document(
    client, make_user, dalarna_resource, foreign_internal, action
):
    """The Dalarna editor sends a Gävleborg internal file's id with a resource: refused, nothing moves."""
    user = make_user(EDITOR)
    client.force_login(user)
    budget = make_document(foreign_internal, "Gävleborgs interna budget")
    extra = {"action-publish": "action-publish"} if action == "publish" else {}
    response = edit_post(client, dalarna_resource, user, document=budget.pk, **extra)
    assert response.status_code == 200  # the form again, with an error
    assert str(refusal(get_document_model())) in response.content.decode()
    budget.refresh_from_db()
    assert budget.collection == foreign_internal
    assert ResourcePage.objects.get(pk=dalarna_resource.pk).document_id != budget.pk
    client.logout()
    assert client.get(budget.url).status_code == 302  # still login-only


def test_a_draft_save_never_changes_a_files_privacy(client, make_user, dalarna_resource):
    """Making a resource internal with a public file is refused with a clear error; the file stays public."""
    user = make_user(EDITOR)
    client.force_login(user)
    document = dalarna_resource.document
    collection = document.collection
    response = edit_post(
        client, dalarna_resource, user, for_staff="on", for_companies="", for_promoters="", document=document.pk
    )
    assert response.status_code == 200
    assert "En intern resurs behöver en fil ur en intern samling" in response.content.decode()
    assert "Dalarna – intern" in response.content.decode()
    document.refresh_from_db()
    assert document.collection == collection
    client.logout()
    assert client.get(document.url).status_code == 200


def test_a_public_resource_cannot_use_an_internal_file(client, make_user, dalarna_resource):
    user = make_user(EDITOR)
    client.force_login(user)
    internal_file = make_document(Collection.objects.get(name="Dalarna – intern"), "Intern fil")
    response = edit_post(client, dalarna_resource, user, document=internal_file.pk)
    assert response.status_code == 200
    assert "Filen ligger i en intern samling, så besökare kan inte öppna den" in response.content.decode()
    assert ResourcePage.objects.get(pk=dalarna_resource.pk).get_latest_revision_as_object().document_id != (
        internal_file.pk
    )


def test_an_editor_can_save_a_page_holding_a_file_someone_else_chose(
    client, make_user, dalarna_resource, foreign_internal
):
    """A coordinator put a Gävleborg file on the Dalarna resource; the Dalarna editor still saves it."""
    budget = make_document(Collection.objects.get(name="Gävleborg", depth=2), "Gävleborgs publika guide")
    page = dalarna_resource.get_latest_revision_as_object()
    page.document = budget
    page.save_revision().publish()
    user = make_user(EDITOR)
    client.force_login(user)
    response = edit_post(client, dalarna_resource, user, title_sv="Ny titel av Dalarna")
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = ResourcePage.objects.get(pk=dalarna_resource.pk).get_latest_revision_as_object()
    assert latest.title_sv == "Ny titel av Dalarna" and latest.document_id == budget.pk
    budget.refresh_from_db()
    assert budget.collection.name == "Gävleborg"
