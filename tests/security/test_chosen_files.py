"""Threat: an editor puts another region's document or image on a page, a snippet or a setting.

Every foreign key to a document or an image, every rich text field, and every document/image chooser
block and rich text block in every StreamField of the project's models is found by walking the
models, and each one is tried with a forged form submission as a regional editor holding the id of a
file in another region's internal collection (a rich text field or block with a document link or an
image embed). A new model, field or block is covered without a new test.
"""

import json

import pytest

from django.apps import apps
from django.urls import reverse

from wagtail.blocks import RichTextBlock
from wagtail.blocks.base import get_error_json_data
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.contrib.settings.views import get_setting_edit_handler
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from focus_industry.core.models import HomePage, StandardPage
from focus_industry.editors.file_permissions import refusal, saved_file_ids
from toolbox.models import ResourcePage, ToolboxRegionPage

from ._files_policy import (
    block_form_data,
    chooser_paths,
    form_post_data,
    make_document,
    make_file,
    make_image,
    rich_text_post,
)

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("focus_industry", "stories", "initiatives", "toolbox")
EDITOR = "Regional staff: Dalarna"


def file_models():
    return (get_document_model(), get_image_model())


def project_fields():
    """(model, field) for every field each model of the project declares itself."""
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            if getattr(field, "model", None) is model:
                yield model, field


def foreign_key_to(field, models):
    related = getattr(field, "related_model", None)
    return getattr(field, "many_to_one", False) and related is not None and issubclass(related, models)


def discover():
    """(model, field name, path in the block tree or None for a foreign key or rich text field, file model)."""
    found = []
    for model, field in project_fields():
        if foreign_key_to(field, file_models()):
            found.append((model, field.name, None, field.related_model))
        elif isinstance(field, RichTextField):
            found.extend((model, field.name, None, target) for target in file_models())
        elif isinstance(field, StreamField):
            for path, _block, target in chooser_paths(field.stream_block):
                found.append((model, field.name, path, target))
    return found


CASES = discover()


def case_id(case):
    model, name, path, target = case
    return (
        f"{model._meta.label}.{name}"
        + (f"[{'.'.join(path)}]" if path is not None else "")
        + f":{target._meta.model_name}"
    )


def is_rich_text(model, name, path):
    if path is None:
        return isinstance(model._meta.get_field(name), RichTextField)
    block = model._meta.get_field(name).stream_block
    for step in path:
        block = block.child_block if step == "item" else block.child_blocks[step]
    return isinstance(block, RichTextBlock)


def test_the_walk_finds_the_known_fields():
    """The walk itself works: it finds fields we know about (so an empty walk cannot pass silently)."""
    ids = {case_id(case) for case in CASES}
    assert "toolbox.ResourcePage.document:document" in ids
    assert "stories.StoryPage.hero_image:image" in ids
    assert any(name.startswith("focus_industry.StandardPage.body[") for name in ids)
    assert any(name.startswith("focus_industry.SiteSettings.partners[") for name in ids)
    # Rich text: the text block of the page bodies (document links) and the home page's text fields.
    assert "focus_industry.StandardPage.body[text]:document" in ids
    assert "focus_industry.StandardPage.body[text]:image" in ids
    assert "focus_industry.HomePage.way_forward_text_sv:document" in ids


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


def submit(model, name, path, value, user, target):
    form_class = edit_form_class(model)
    instance = instance_of(model)
    kwargs = {"instance": instance, "for_user": user}
    if issubclass(model, Page):
        kwargs["parent_page"] = instance.get_parent()
    # Every other StreamField of the form is sent empty (as the widget sends an empty stream).
    data = {
        f"{field}-count": "0" for field, form_field in form_class.base_fields.items() if hasattr(form_field, "block")
    }
    if is_rich_text(model, name, path):
        value = rich_text_post(target, value)
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
    form = submit(model, name, path, foreign.pk, user, target)
    message = str(refusal(target))
    if name not in form.fields:
        # Not a field of the admin form (e.g. the untranslated column behind body_sv/body_en): a forged
        # value is never read.
        if path is None:
            assert getattr(form.instance, model._meta.get_field(name).attname, None) != foreign.pk
        return
    if message not in error_text(form, name):
        # Only a rich text editor without the feature (no document links, no images) may pass the
        # forged reference over: its converter drops it, so nothing of it is kept.
        assert is_rich_text(model, name, path), f"{case_id(case)} accepted another region's internal file"
        assert (target, str(foreign.pk)) not in kept_references(model, name, form), (
            f"{case_id(case)} kept a link to another region's internal file"
        )
    # The same field with one of the editor's own files is not refused for that reason.
    own = make_file(target, Collection.objects.get(name=own_region, depth=2), "Egen fil")
    assert message not in error_text(submit(model, name, path, own.pk, user, target), name)


def kept_references(model, name, form):
    """(file model, id) of what the form's cleaned value of `name` refers to."""
    value = form.cleaned_data.get(name)
    if value is None:
        return set()
    field = model._meta.get_field(name)
    return {(ref_model, str(pk)) for ref_model, pk, *_rest in field.extract_references(value)}


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
        form = submit(model, name, path, foreign.pk, user, target)
        if is_rich_text(model, name, path) and (target, str(foreign.pk)) not in kept_references(model, name, form):
            continue  # a rich text editor without the feature: the reference is dropped for everyone
        assert (str(refusal(target)) in error_text(form, name)) is refused, case_id((model, name, path, target))
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


# --- Rich text: what is saved stays, what no editor can choose is refused -----------------------


def body_text_form(page, user, html_post):
    """A StandardPage form whose body is one text block, posted as the rich text editor sends it."""
    data = {
        f"{field}-count": "0"
        for field, form_field in edit_form_class(StandardPage).base_fields.items()
        if hasattr(form_field, "block")
    }
    block_form_data(StandardPage._meta.get_field("body_sv").stream_block, "body_sv", ["text"], html_post, data)
    form = edit_form_class(StandardPage)(data, instance=page, for_user=user, parent_page=page.get_parent())
    form.is_valid()
    return form


def unchanged_with_empty_streams(form):
    """The form's unchanged POST data, every StreamField sent empty (as its widget sends an empty stream)."""
    data = form_post_data(form)
    for name, field in form.fields.items():
        if hasattr(field, "block"):
            data.pop(name, None)
            data[f"{name}-count"] = "0"
    return data


def test_a_saved_rich_text_link_to_another_regions_file_stays_allowed(make_user, foreign_internal):
    """A coordinator linked a Gävleborg internal document in a text; the Dalarna editor saves the text
    unchanged and is not refused, but cannot add a link to another Gävleborg internal document."""
    Document = get_document_model()
    saved = make_document(foreign_internal, "Gävleborgs interna budget")
    page = StandardPage.objects.first()
    page.body_sv = [("text", RichText(f'<p><a linktype="document" id="{saved.pk}">Budget</a></p>'))]
    page.save()
    page = StandardPage.objects.get(pk=page.pk)
    assert str(saved.pk) in saved_file_ids(page)[Document]
    user = make_user(EDITOR)
    message = str(refusal(Document))
    assert message not in error_text(body_text_form(page, user, rich_text_post(Document, saved.pk)), "body_sv")
    other = make_document(foreign_internal, "Gävleborgs interna plan")
    assert message in error_text(body_text_form(page, user, rich_text_post(Document, other.pk)), "body_sv")


def test_a_rich_text_fields_saved_links_count_as_held(foreign_internal):
    """Rich text fields (not only StreamFields) are read for the files the saved object holds."""
    saved = make_document(foreign_internal, "Länkad fil")
    home = HomePage.objects.first()
    home.way_forward_text_sv = f'<p>Se <a linktype="document" id="{saved.pk}">planen</a>.</p>'
    home.save()
    assert str(saved.pk) in saved_file_ids(HomePage.objects.get(pk=home.pk)).get(get_document_model(), set())


@pytest.mark.parametrize("forged", ["abc", "1 OR 1=1", "99999999999999999999", "-1"])
def test_a_rich_text_document_link_with_an_impossible_id_is_refused(make_user, forged):
    """Rich text carries ids as text: one that is no document's is refused with the same message, never a 500."""
    form = body_text_form(StandardPage.objects.first(), make_user(EDITOR), rich_text_post(get_document_model(), forged))
    assert str(refusal(get_document_model())) in error_text(form, "body_sv")


def test_an_image_embed_from_the_own_regions_internal_collection_is_kept(make_user):
    """The other side of the walk's refusal: the editor's own region's internal image is embedded as sent."""
    Image = get_image_model()
    own = make_image(Collection.objects.get(name="Dalarna – intern"), "Egen intern bild")
    form = body_text_form(StandardPage.objects.first(), make_user(EDITOR), rich_text_post(Image, own.pk))
    assert form.is_valid() or "body_sv" not in form.errors, error_text(form, "body_sv")
    assert (Image, str(own.pk)) in kept_references(StandardPage, "body_sv", form)


def test_a_forged_document_link_is_refused_end_to_end_in_the_admin(client, make_user, foreign_internal):
    """Through the admin: a business promoter (who chooses in "Gemensamt" only) sends a standard page
    whose text links a Gävleborg internal document: the form comes back with the error, nothing is saved."""
    Document = get_document_model()
    user = make_user("Business promoters")
    client.force_login(user)
    page = StandardPage.objects.first().get_latest_revision_as_object()
    budget = make_document(foreign_internal, "Gävleborgs interna budget")
    data = unchanged_with_empty_streams(
        edit_form_class(StandardPage)(instance=page, for_user=user, parent_page=page.get_parent())
    )
    block_form_data(StandardPage._meta.get_field("body_sv").stream_block, "body_sv", ["text"], "", data)
    data["body_sv-0-value"] = rich_text_post(Document, budget.pk)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200  # the form again, with the error
    assert str(refusal(Document)) in error_text(response.context["form"], "body_sv")
    latest = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert (Document, str(budget.pk)) not in {
        (m, str(pk)) for m, pk, *_ in latest.body_sv.stream_block.extract_references(latest.body_sv)
    }


# --- Page choosers: a forged page id is a form error ------------------------------------------


def page_choosers():
    return [(model, field.name) for model, field in project_fields() if foreign_key_to(field, Page)]


PAGE_CHOOSERS = page_choosers()


def test_the_walk_finds_the_page_choosers():
    names = {f"{model._meta.label}.{name}" for model, name in PAGE_CHOOSERS}
    assert {"focus_industry.SiteSettings.privacy_page", "focus_industry.HomePage.toolbox_page"} <= names


@pytest.fixture
def deleted_page_id():
    page = StandardPage.objects.filter(numchild=0).last()
    pk = page.pk
    page.delete()
    return pk


@pytest.mark.parametrize("forged", ["missing", "deleted", "abc", "99999999999999999999"])
@pytest.mark.parametrize("model,name", PAGE_CHOOSERS, ids=[f"{m._meta.label}.{n}" for m, n in PAGE_CHOOSERS])
def test_a_forged_page_id_in_a_page_chooser_is_a_form_error(make_user, deleted_page_id, model, name, forged):
    value = {
        "missing": Page.objects.order_by("-pk").first().pk + 1000,
        "deleted": deleted_page_id,
        "abc": "abc",
        "99999999999999999999": forged,
    }[forged]
    form_class = edit_form_class(model)
    instance = instance_of(model)
    kwargs = {"instance": instance, "for_user": make_user(superuser=True)}
    if issubclass(model, Page):
        kwargs["parent_page"] = instance.get_parent()
    data = unchanged_with_empty_streams(form_class(**kwargs))
    data[name] = str(value)
    form = form_class(data, **kwargs)
    assert not form.is_valid()
    assert name in form.errors, f"{model._meta.label}.{name} accepted page id {value!r}"


# --- Rich text page links: a forged page id is a form error, a saved one stays ------------------


def page_link_post(pk):
    """What Draftail posts for a text holding a link to page `pk`, as a forged request would send it."""
    block = {
        "key": "lnk01",
        "type": "unstyled",
        "text": "Sida",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
        "data": {},
    }
    entity = {"type": "LINK", "mutability": "MUTABLE", "data": {"id": pk, "url": "/"}}
    return json.dumps({"blocks": [block], "entityMap": {"0": entity}})


def page_link_error(form, name):
    return str(refusal(Page)) in error_text(form, name)


FORGED_PAGE_IDS = ["abc", "1 OR 1=1", "99999999999999999999", "-1", "deleted"]


@pytest.mark.parametrize("forged", FORGED_PAGE_IDS)
def test_a_rich_text_link_to_no_page_is_refused(make_user, deleted_page_id, forged):
    pk = deleted_page_id if forged == "deleted" else forged
    form = body_text_form(StandardPage.objects.first(), make_user(EDITOR), page_link_post(pk))
    assert page_link_error(form, "body_sv"), f"page link {pk!r} accepted"


def test_a_rich_text_link_to_a_page_is_kept(make_user):
    target = HomePage.objects.first()
    form = body_text_form(StandardPage.objects.first(), make_user(EDITOR), page_link_post(target.pk))
    assert form.is_valid() or "body_sv" not in form.errors, error_text(form, "body_sv")
    assert (Page, str(target.pk)) in kept_references(StandardPage, "body_sv", form)


def test_a_saved_link_to_a_deleted_page_stays_allowed_unchanged(make_user, deleted_page_id):
    """A text that linked a page later deleted is saved unchanged without an error (the link renders empty)."""
    page = StandardPage.objects.first()
    page.body_sv = [("text", RichText(f'<p><a linktype="page" id="{deleted_page_id}">Gammal sida</a></p>'))]
    page.save()
    page = StandardPage.objects.get(pk=page.pk)
    form = body_text_form(page, make_user(EDITOR), page_link_post(deleted_page_id))
    assert not page_link_error(form, "body_sv")
    assert (Page, str(deleted_page_id)) in kept_references(StandardPage, "body_sv", form)


@pytest.mark.parametrize("where", ["block", "field"])
@pytest.mark.parametrize("forged", ["abc", "99999999999999999999"])
def test_a_forged_page_link_is_refused_end_to_end_in_the_admin(client, make_user, where, forged):
    """Through the admin, in both languages: the form comes back with the error, nothing is saved, and
    the page is still shown."""
    user = make_user(superuser=True)
    client.force_login(user)
    model = StandardPage if where == "block" else HomePage
    page = model.objects.first().get_latest_revision_as_object()
    data = unchanged_with_empty_streams(
        edit_form_class(model)(instance=page, for_user=user, parent_page=page.get_parent())
    )
    if where == "block":
        name = "body_sv"
        block_form_data(model._meta.get_field(name).stream_block, name, ["text"], "", data)
        data["body_sv-0-value"] = page_link_post(forged)
    else:
        name = "way_forward_text_sv"
        data[name] = page_link_post(forged)
    revisions = page.revisions.count()
    for language, message in [
        ("en", "This text links to a page that does not exist."),
        ("sv", "Texten länkar till en sida som inte finns."),
    ]:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code == 200  # the form again, with the error
        html = response.content.decode()
        # A StreamField's block errors reach the page as JSON for its widget (non-ASCII escaped).
        assert message in html or json.dumps(message)[1:-1] in html, (language, where)
        assert name in response.context["form"].errors
    assert page.revisions.count() == revisions
    live = model.objects.get(pk=page.pk)
    assert client.get(live.url).status_code == 200
