"""Business promoters' page permissions move from the root page to the promoters' sections.

On the root they reached every page, region roots, initiatives and toolbox resources included. Now
they sit on the success stories index and on each standard page (`is_promoters_section` in the
models; new pages of those types get them when created, see focus_industry/core/signals.py).
"""

from django.db import migrations

PROMOTERS = "Business promoters"
PROMOTER_PAGE_PERMISSIONS = ("add_page", "change_page")
PROMOTERS_SECTIONS = (("stories", "storyindexpage"), ("focus_industry", "standardpage"))


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    promoters = Group.objects.filter(name=PROMOTERS).first()
    if promoters is None:
        return
    permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PROMOTER_PAGE_PERMISSIONS)
    )
    GroupPagePermission.objects.filter(group=promoters, page__depth__lte=2).delete()
    section_types = [
        content_type
        for app_label, model in PROMOTERS_SECTIONS
        for content_type in ContentType.objects.filter(app_label=app_label, model=model)
    ]
    for page in Page.objects.filter(content_type__in=section_types):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=promoters, page=page, permission=permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    promoters = Group.objects.filter(name=PROMOTERS).first()
    root = Page.objects.filter(depth=1).first()
    if promoters is None or root is None:
        return
    GroupPagePermission.objects.filter(group=promoters).delete()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PROMOTER_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.create(group=promoters, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [("focus_industry", "0004_search_fts_porter")]

    operations = [migrations.RunPython(forwards, backwards)]
