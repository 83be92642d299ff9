"""An initiative's status follows its dates unless an editor overrides it.

The stored status becomes the editor's override. Where the initiative has dates, the override is
cleared (the dates decide, as the pages and open data now do); where it has none, the status chosen
so far is kept as the override, since nothing else can tell it. Saved revisions get the same value,
so the next edit in the admin starts from what is shown.
"""

from django.db import migrations, models


def status_to_override(apps, schema_editor):
    InitiativePage = apps.get_model("initiatives", "InitiativePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    dated = models.Q(start_date__isnull=False) | models.Q(end_date__isnull=False)
    InitiativePage.objects.filter(dated).update(status_override="")
    kept = dict(InitiativePage.objects.exclude(dated).values_list("pk", "status_override"))
    content_type = ContentType.objects.filter(app_label="initiatives", model="initiativepage").first()
    if content_type is None:
        return
    revisions = Revision.objects.filter(content_type=content_type)
    for revision in revisions.iterator():
        content = revision.content or {}
        old = content.pop("status", "")
        has_dates = content.get("start_date") or content.get("end_date")
        content["status_override"] = "" if has_dates else kept.get(int(revision.object_id), old or "")
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameField("initiativepage", "status", "status_override"),
        migrations.AlterField(
            model_name="initiativepage",
            name="status_override",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Automatic: follows the dates"),
                    ("planned", "Planned"),
                    ("running", "Running"),
                    ("completed", "Completed"),
                ],
                default="",
                help_text=(
                    "Leave empty and the status follows the dates: planned before the start date, running until "
                    "the end date, completed after it. Choose a status only when the dates do not tell the truth, "
                    "for example an initiative that stopped early or has no dates yet."
                ),
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="initiativepage",
            name="eu_funded",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Tick only when the initiative receives EU funding: the page then shows the EU emblem with "
                    "“Co-funded by the European Union”, as the EU's rules for funded projects require."
                ),
                verbose_name="co-funded by the EU",
            ),
        ),
        migrations.RunPython(status_to_override, migrations.RunPython.noop),
    ]
