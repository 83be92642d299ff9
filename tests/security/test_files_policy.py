"""Threat: an editor works on another region's documents and images in the admin.

Every role × every admin action (upload through the chooser, list in the chooser, edit, replace the
file, move to another collection, see its usage, delete) × every collection in the database, for
documents and images. What each role may do is read from the sub-table "Filer och bilder" of
docs/editors-guide.md, so the guide and these tests cannot drift apart; the test below it also pins
the finding (regional staff never reach another region's files) independently of the guide.
"""

import pytest

from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ._files_policy import (
    COLUMNS,
    ROLES,
    STAFF_PREFIX,
    all_collections,
    collection_kind,
    expected,
    guide_table,
    make_file,
    own_collection,
    upload,
)

pytestmark = pytest.mark.django_db

MODELS = {"document": get_document_model, "image": get_image_model}
URLS = {
    "document": ("wagtaildocs", "wagtaildocs_chooser", "document-chooser-upload", "document_usage"),
    "image": ("wagtailimages", "wagtailimages_chooser", "image-chooser-upload", "image_usage"),
}
ACTIONS = {
    # action → the guide's column that decides it
    "upload": "add",
    "listing": "choose",
    "edit": "change",
    "replace": "change",
    "move": "change",
    "usage": "change",
    "delete": "delete",
}


def edit_data(kind, item, **changes):
    data = {"title": item.title, "collection": item.collection_id, "tags": ""}
    if kind == "image":
        data["description"] = ""
    data.update(changes)
    return data


def attempt(client, kind, action, item, role):
    """Try `action` on `item` as the logged-in client; True when it took effect."""
    admin, chooser, prefix, usage = URLS[kind]
    model = MODELS[kind]()
    if action == "upload":
        title = f"Uppladdad i {item.collection.name}"
        client.post(
            reverse(f"{chooser}:create"),
            {
                f"{prefix}-title": title,
                f"{prefix}-file": upload(model, "uppladdad"),
                f"{prefix}-collection": item.collection_id,
                f"{prefix}-tags": "",
            },
        )
        return model.objects.filter(title=title, collection=item.collection).exists()
    if action == "listing":
        # The newest files come first: the one just made is on the first page if the user may choose it.
        response = client.get(reverse(f"{chooser}:choose_results"))
        chosen = reverse(f"{chooser}:chosen", args=[item.pk])
        return response.status_code == 200 and chosen in response.content.decode()
    edit_url = reverse(f"{admin}:edit", args=[item.pk])
    if action == "edit":
        client.post(edit_url, edit_data(kind, item, title="Övertagen"))
        return model.objects.filter(pk=item.pk, title="Övertagen").exists()
    if action == "replace":
        old_name = item.file.name
        client.post(edit_url, edit_data(kind, item, file=upload(model, "ersatt")))
        return model.objects.get(pk=item.pk).file.name != old_name
    if action == "move":
        target = own_collection(role)
        client.post(edit_url, edit_data(kind, item, collection=target.pk))
        return model.objects.get(pk=item.pk).collection_id == target.pk
    if action == "usage":
        return client.get(reverse(f"{admin}:{usage}", args=[item.pk])).status_code == 200
    if action == "delete":
        client.post(reverse(f"{admin}:delete", args=[item.pk]))
        return not model.objects.filter(pk=item.pk).exists()
    raise AssertionError(action)


def column(action, kind):
    name = ACTIONS[action]
    return f"choose_{kind}" if name == "choose" else name


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("kind", MODELS)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_and_admin_action_on_files_in_every_collection(client, make_user, role, kind, action):
    client.force_login(make_user(role))
    model = MODELS[kind]()
    wrong = []
    tried = 0
    for collection in all_collections():
        if action == "move" and collection == own_collection(role):
            continue  # moving a file into the collection it is in is no move
        item = make_file(model, collection, f"Prov {collection.name} {kind}")
        should = expected(role, column(action, kind), collection)
        did = attempt(client, kind, action, item, role)
        tried += 1
        if did != should:
            wrong.append(f"{collection.name}: {'done' if did else 'refused'}, the guide says {should}")
    assert tried >= 8, "fewer collections than the regions' and shared ones: the matrix shrank"
    assert not wrong, f"{role} / {kind} / {action}: " + "; ".join(wrong)


def test_the_guide_never_lets_regional_staff_reach_another_regions_files():
    """The finding, pinned independently of the guide's wording: nothing in another region's collections."""
    from wagtail.models import Collection

    collections = list(Collection.objects.all())
    for role in ROLES:
        if not role.startswith(STAFF_PREFIX):
            continue
        for collection in collections:
            if collection_kind(role, collection) != "other":
                continue
            for action in ("add", "change", "delete", "choose_document", "choose_image"):
                assert not expected(role, action, collection), (role, action, collection.name)


def test_the_guide_table_names_every_role_and_action():
    table = guide_table()
    assert set(table) == set(ROLES)
    for row in table.values():
        assert set(row) == set(COLUMNS.values())


def test_the_data_migration_gives_a_regions_internal_files_back_to_the_region(make_user):
    """Existing data: a file in the shared "Internal" used only by Dalarna's resources moves to Dalarna's
    internal collection, and regional staff lose "choose" on the shared one."""
    from importlib import import_module

    from django.apps import apps

    from wagtail.models import Collection, GroupCollectionPermission

    from toolbox.models import ResourcePage, internal_collection

    migration = import_module("toolbox.migrations.0003_region_file_collections")
    resource = ResourcePage.objects.get(slug_sv="intern-arbetsplan-regionala-samordnare")
    shared_internal = internal_collection()
    document = resource.document
    document.collection = shared_internal
    document.save()
    shared_only = make_file(get_document_model(), shared_internal, "Gemensam intern fil")
    GroupCollectionPermission.objects.create(
        group=make_user("Regional staff: Gävleborg").groups.get(),
        collection=shared_internal,
        permission=own_choose_permission(),
    )
    migration.forwards(apps, None)
    document.refresh_from_db()
    shared_only.refresh_from_db()
    assert document.collection == Collection.objects.get(name="Dalarna – intern")
    assert shared_only.collection == shared_internal
    assert not GroupCollectionPermission.objects.filter(
        collection=shared_internal, group__name__startswith=STAFF_PREFIX
    ).exists()
    assert Collection.objects.filter(name="Dalarna – intern").count() == 1  # safe to run again


def own_choose_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtaildocs", codename="choose_document")


def test_the_data_migration_keeps_business_promoters_to_the_shared_collection(make_user):
    """Existing data: promoters' permissions on the root go (they reached every region's internal files),
    files on the root move to "Gemensamt", and a promoter can no longer replace a region's file."""
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.models import Permission

    from wagtail.documents.permissions import permission_policy
    from wagtail.models import Collection, GroupCollectionPermission

    migration = import_module("toolbox.migrations.0004_promoters_shared_collections")
    root = Collection.get_first_root_node()
    promoter = make_user("Business promoters")
    group = promoter.groups.get()
    for codename in ("add_document", "change_document", "choose_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=Permission.objects.get(codename=codename)
        )
    on_root = make_file(get_document_model(), root, "Fil på roten")
    internal = make_file(get_document_model(), Collection.objects.get(name="Värmland – intern"), "Intern fil")
    assert permission_policy.user_has_permission_for_instance(promoter, "change", internal)  # the old hole
    migration.forwards(apps, None)
    on_root.refresh_from_db()
    assert on_root.collection.name == "Gemensamt"
    assert not GroupCollectionPermission.objects.filter(group=group, collection=root).exists()
    promoter = type(promoter).objects.get(pk=promoter.pk)  # fresh permission cache
    assert not permission_policy.user_has_permission_for_instance(promoter, "change", internal)
    assert permission_policy.user_has_permission_for_instance(promoter, "change", on_root)
