"""The fixed taxonomy (three regions, six action areas) and the editors' groups.

Names and descriptions are editable content; the keys (slugs) are stable and used in URLs and filters.
"""

from django.db import migrations

REGIONS = [
    ("dalarna", "Dalarna", "Dalarna", 1,
     "Stål, trä och besöksnäring i Bergslagens och Siljans bygder.",
     "Steel, wood and a strong supplier base around Bergslagen and Lake Siljan."),
    ("gavleborg", "Gävleborg", "Gävleborg", 2,
     "Skog, papper och verkstadsindustri längs Norrlandskusten.",
     "Forest, paper and engineering industry along the Norrland coast."),
    ("varmland", "Värmland", "Värmland", 3,
     "Papper, massa och stål – och ett starkt innovationsklimat kring Paper Province.",
     "Paper, pulp and steel, with a strong innovation climate around Paper Province."),
]

AREAS = [
    ("innovation", 1,
     "Öka innovationskapaciteten i små och medelstora företag",
     "Increase innovation capacity in small and medium-sized enterprises",
     "Fler små och medelstora företag utvecklar nya produkter, tjänster och affärsmodeller.",
     "More small and medium-sized firms develop new products, services and business models."),
    ("skills", 2,
     "Förbättra matchning av företagens kompetensbehov och arbetskraftsutbud",
     "Improve matching of companies' skills requirements with labour supply",
     "Rätt kompetens på rätt plats – genom utbildning, rekrytering och samverkan.",
     "The right skills in the right place, through training, recruitment and collaboration."),
    ("internationalisation", 3,
     "Öka internationaliseringen i små och medelstora företag",
     "Increase internationalisation in small and medium-sized enterprises",
     "Fler företag når nya marknader och samarbetar över gränserna.",
     "More firms reach new markets and collaborate across borders."),
    ("low-carbon", 4,
     "Ställa om till en koldioxidsnål och cirkulär industri",
     "Transition to a low-carbon and circular industry",
     "Minskad klimatpåverkan och nya cirkulära produkter och tjänster.",
     "Lower climate impact and new circular products and services."),
    ("research", 5,
     "Öka investeringarna i forskning och innovation",
     "Increase investment in research and innovation",
     "Mer forskning och utveckling i samverkan mellan företag och akademi.",
     "More research and development shared between companies and academia."),
    ("supply-chains", 6,
     "Säkra robusta försörjningskedjor och samverkan över länsgränserna",
     "Secure resilient supply chains and collaboration across the regions",
     "Tryggad tillgång till kritiska delar och en starkare gemensam region.",
     "Secure access to critical parts and a stronger region working together."),
]

COORDINATOR_PAGE_PERMS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
PROMOTER_PAGE_PERMS = ["add_page", "change_page"]


def create(apps, schema_editor):
    Region = apps.get_model("focus_industry", "Region")
    ActionArea = apps.get_model("focus_industry", "ActionArea")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def perm(app_label, codename, model):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        return permission

    access_admin = perm("wagtailadmin", "access_admin", "admin")

    def group(name):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        return group

    coordinators = group("Coordinators")
    promoters = group("Business promoters")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    image_perms = [perm("wagtailimages", c, "image") for c in ("add_image", "change_image", "choose_image")]
    document_perms = [perm("wagtaildocs", c, "document") for c in ("add_document", "change_document", "choose_document")]

    for codename in COORDINATOR_PAGE_PERMS:
        GroupPagePermission.objects.get_or_create(
            group=coordinators, page=root_page, permission=perm("wagtailcore", codename, "page")
        )
    for codename in PROMOTER_PAGE_PERMS:
        GroupPagePermission.objects.get_or_create(
            group=promoters, page=root_page, permission=perm("wagtailcore", codename, "page")
        )
    for permission in image_perms + document_perms + [perm("wagtailimages", "delete_image", "image"),
                                                      perm("wagtaildocs", "delete_document", "document")]:
        GroupCollectionPermission.objects.get_or_create(
            group=coordinators, collection=root_collection, permission=permission
        )
    for permission in image_perms + document_perms:
        GroupCollectionPermission.objects.get_or_create(
            group=promoters, collection=root_collection, permission=permission
        )
    # Coordinators look after the taxonomy and the site settings.
    for model in ("region", "actionarea"):
        for action in ("add", "change"):
            coordinators.permissions.add(perm("focus_industry", f"{action}_{model}", model))
    coordinators.permissions.add(perm("focus_industry", "change_sitesettings", "sitesettings"))

    for slug, name_sv, name_en, order, desc_sv, desc_en in REGIONS:
        staff = group(f"Regional staff: {name_sv}")
        region, _ = Region.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name_sv, "name_sv": name_sv, "name_en": name_en,
                "short_description": desc_sv, "short_description_sv": desc_sv, "short_description_en": desc_en,
                "sort_order": order,
            },
        )
        region.staff_group = staff
        region.save()
        # Each region's staff upload images and documents into their own collection only.
        collection = Collection.objects.filter(name=name_sv, depth=2).first()
        if collection is None:
            collection = _add_child_collection(Collection, root_collection, name_sv)
        for permission in image_perms + document_perms:
            GroupCollectionPermission.objects.get_or_create(group=staff, collection=collection, permission=permission)
        # Everyone with a role may choose shared images.
        GroupCollectionPermission.objects.get_or_create(
            group=staff, collection=root_collection, permission=perm("wagtailimages", "choose_image", "image")
        )

    for slug, order, name_sv, name_en, desc_sv, desc_en in AREAS:
        ActionArea.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name_sv, "name_sv": name_sv, "name_en": name_en,
                "short_description": desc_sv, "short_description_sv": desc_sv, "short_description_en": desc_en,
                "sort_order": order,
            },
        )


def _add_child_collection(Collection, parent, name):
    """Treebeard's add_child is not available on historical models: build the path by hand."""
    steplen = 4
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    siblings = Collection.objects.filter(depth=parent.depth + 1, path__startswith=parent.path).order_by("-path")
    last = siblings.first()
    if last is None:
        number = 1
    else:
        number = int(last.path[-steplen:], 36) + 1
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = alphabet[remainder] + digits
    path = parent.path + digits.rjust(steplen, "0")
    collection = Collection.objects.create(name=name, path=path, depth=parent.depth + 1, numchild=0)
    Collection.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return collection


class Migration(migrations.Migration):
    dependencies = [
        ("focus_industry", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
