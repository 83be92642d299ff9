"""Files get their privacy from their collection, and each region its own collections.

- Each region's collection gets a child "<Region> – intern", restricted to the staff roles (like
  "Internal"); the region's staff have add/change/choose there through the parent collection.
- Regional staff no longer choose documents in the shared "Internal" collection; its files that only
  one region's resources use move to that region's internal collection.
- Shared images move from the root collection into "Gemensamt", where every role may choose them;
  regional staff no longer choose images on the root (which covered every region's collections).
"""

from importlib import import_module

from django.db import migrations

STAFF_GROUPS = [
    "Coordinators",
    "Business promoters",
    "Regional staff: Dalarna",
    "Regional staff: Gävleborg",
    "Regional staff: Värmland",
]
STAFF_PREFIX = "Regional staff: "
INTERNAL_SUFFIX = " – intern"
SHARED = "Gemensamt"


# Treebeard's add_child is not available on historical models: the previous migration's helper builds the path.
_add_child_collection = import_module("toolbox.migrations.0002_internal_collection")._add_child_collection


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Region = apps.get_model("focus_industry", "Region")
    Document = apps.get_model("wagtaildocs", "Document")
    Image = apps.get_model("wagtailimages", "Image")
    ResourcePage = apps.get_model("toolbox", "ResourcePage")
    ToolboxRegionPage = apps.get_model("toolbox", "ToolboxRegionPage")

    def perm(app_label, codename, model):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        return permission

    root = Collection.objects.filter(depth=1).first()
    staff_roles = list(Group.objects.filter(name__in=STAFF_GROUPS))
    choose_document = perm("wagtaildocs", "choose_document", "document")
    choose_image = perm("wagtailimages", "choose_image", "image")

    internal_by_region = {}
    for region in Region.objects.all():
        parent = Collection.objects.filter(name=region.name_sv, depth=2).first()
        if parent is None:
            continue
        name = f"{region.name_sv}{INTERNAL_SUFFIX}"
        child = Collection.objects.filter(name=name, depth=3, path__startswith=parent.path).first()
        if child is None:
            parent.refresh_from_db()
            child = _add_child_collection(Collection, parent, name)
        restriction = CollectionViewRestriction.objects.filter(collection=child, restriction_type="groups").first()
        if restriction is None:
            restriction = CollectionViewRestriction.objects.create(collection=child, restriction_type="groups")
        restriction.groups.set(staff_roles)
        internal_by_region[region.pk] = child

    # Named "Gemensamt – intern" since toolbox 0005; both names, so that this step stays safe to run again.
    shared_internal = Collection.objects.filter(name__in=("Internal", "Gemensamt – intern"), depth=2).first()
    regional_staff = Group.objects.filter(name__startswith=STAFF_PREFIX)
    if shared_internal is not None:
        GroupCollectionPermission.objects.filter(
            group__in=regional_staff, collection=shared_internal, permission=choose_document
        ).delete()
        # A file in "Internal" that only one region's resources use belongs to that region.
        folders = {folder.path: folder.region_id for folder in ToolboxRegionPage.objects.all()}
        users = {}
        for resource in ResourcePage.objects.filter(document__collection=shared_internal):
            users.setdefault(resource.document_id, set()).add(folders.get(resource.path[:-4]))
        for document_id, region_ids in users.items():
            if len(region_ids) == 1 and next(iter(region_ids)) in internal_by_region:
                Document.objects.filter(pk=document_id).update(collection=internal_by_region[next(iter(region_ids))])

    shared = Collection.objects.filter(name=SHARED, depth=2).first()
    if shared is None:
        root.refresh_from_db()
        shared = _add_child_collection(Collection, root, SHARED)
    Image.objects.filter(collection=root).update(collection=shared)
    GroupCollectionPermission.objects.filter(group__in=regional_staff, collection=root, permission=choose_image).delete()
    for group in Group.objects.filter(name__in=STAFF_GROUPS):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=shared, permission=choose_image)


class Migration(migrations.Migration):
    dependencies = [
        ("toolbox", "0002_internal_collection"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
