"""The shared internal collection "Internal" becomes "Gemensamt – intern", next to "Gemensamt" and the
regions' "<Region> – intern": a collection has one name, and the admin is Swedish-first. Code finds it
through `toolbox.models.INTERNAL_COLLECTION` only."""

from django.db import migrations

OLD = "Internal"
NEW = "Gemensamt – intern"


def _rename(apps, old, new):
    Collection = apps.get_model("wagtailcore", "Collection")
    if not Collection.objects.filter(name=new, depth=2).exists():
        Collection.objects.filter(name=old, depth=2).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("toolbox", "0004_promoters_shared_collections")]

    operations = [migrations.RunPython(forwards, backwards)]
