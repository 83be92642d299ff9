"""The approval workflow and its task get their Swedish name, the one the Swedish-first admin shows.

A workflow and a task have one name, not one per language, and the admin prints it as it is (also in
the action button "Lämna in till …"). Code finds the workflow by its place (the one on the tree root),
never by this name.
"""

from django.db import migrations

OLD = "Coordinator approval"
NEW = "Samordnarnas godkännande"


def _rename(apps, old, new):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=old).update(name=new)
    Task.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("focus_industry", "0005_promoters_least_privilege")]

    operations = [migrations.RunPython(forwards, backwards)]
