"""Business promoters work in the shared collection only (least privilege).

Their add/change/choose permissions sat on the root collection, which Wagtail applies to every
collection below it, the regions' internal ones included, so a promoter could replace any region's
file without approval. They move to "Gemensamt", and the documents and images that sat on the root
move there too (nobody but coordinators has permissions on the root any more).
"""

from importlib import import_module

from django.db import migrations

PROMOTERS = "Business promoters"
SHARED = "Gemensamt"
FILE_PERMISSIONS = [
    ("wagtailimages", "image", ("add_image", "change_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "change_document", "choose_document")),
]

# Treebeard's add_child is not available on historical models: the earlier migration's helper builds the path.
_add_child_collection = import_module("toolbox.migrations.0002_internal_collection")._add_child_collection


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Document = apps.get_model("wagtaildocs", "Document")
    Image = apps.get_model("wagtailimages", "Image")

    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    shared = Collection.objects.filter(name=SHARED, depth=2).first()
    if shared is None:
        shared = _add_child_collection(Collection, root, SHARED)
    Document.objects.filter(collection=root).update(collection=shared)
    Image.objects.filter(collection=root).update(collection=shared)

    promoters = Group.objects.filter(name=PROMOTERS).first()
    if promoters is None:
        return
    GroupCollectionPermission.objects.filter(group=promoters, collection=root).delete()
    for app_label, model, codenames in FILE_PERMISSIONS:
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename__in=codenames
        ):
            GroupCollectionPermission.objects.get_or_create(group=promoters, collection=shared, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("toolbox", "0003_region_file_collections"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
