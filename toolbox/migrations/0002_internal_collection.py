"""The "Internal" document collection: only staff roles may download what is in it.

Files of internal resources are moved here when the resource is saved. Wagtail's document serve
view checks the collection's view restriction on every download, whatever id or file name is asked for.
"""

from django.db import migrations

STAFF_GROUPS = [
    "Coordinators",
    "Business promoters",
    "Regional staff: Dalarna",
    "Regional staff: Gävleborg",
    "Regional staff: Värmland",
]


def _add_child_collection(Collection, parent, name):
    """Treebeard's add_child is not available on historical models: build the path by hand."""
    steplen = 4
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    last = (
        Collection.objects.filter(depth=parent.depth + 1, path__startswith=parent.path).order_by("-path").first()
    )
    number = 1 if last is None else int(last.path[-steplen:], 36) + 1
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = alphabet[remainder] + digits
    collection = Collection.objects.create(
        name=name, path=parent.path + digits.rjust(steplen, "0"), depth=parent.depth + 1, numchild=0
    )
    Collection.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    return collection


def create(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root = Collection.objects.filter(depth=1).first()
    collection = Collection.objects.filter(name="Internal", depth=2).first()
    if collection is None:
        collection = _add_child_collection(Collection, root, "Internal")
    groups = list(Group.objects.filter(name__in=STAFF_GROUPS))
    restriction = CollectionViewRestriction.objects.filter(collection=collection, restriction_type="groups").first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
    restriction.groups.set(groups)

    # Regional staff may pick internal files for their resources (coordinators and promoters
    # already have document permissions on the root collection, which covers this one).
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    choose, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="choose_document", defaults={"name": "choose document"}
    )
    for group in groups:
        if group.name.startswith("Regional staff: "):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=choose)


class Migration(migrations.Migration):
    dependencies = [
        ("toolbox", "0001_initial"),
        ("focus_industry", "0002_taxonomy_and_groups"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
