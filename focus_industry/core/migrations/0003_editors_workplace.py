"""The editors' workplace: the rest of the least-privilege roles, and the coordinator approval workflow.

- Coordinators also manage promoted search results and redirects (site settings, taxonomy, images and
  documents came in 0002).
- One workflow, "Coordinator approval" (one group approval task for the Coordinators group), is
  assigned to the tree root, so it covers every page of every type. Wagtail's default "Moderators
  approval" workflow is switched off.
- Wagtail's default groups "Editors" and "Moderators" are removed when nobody belongs to them:
  "Moderators" could publish everything and would be a second, unplanned path around the approval.
  A group with members is kept (removing it would silently take rights away); the guide explains it.
"""

from django.db import migrations

WORKFLOW_NAME = "Coordinator approval"
TASK_NAME = "Coordinator approval"
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

COORDINATOR_MODEL_PERMISSIONS = [
    ("wagtailsearchpromotions", "searchpromotion", "search promotion", ("add", "change", "delete")),
    ("wagtailredirects", "redirect", "redirect", ("add", "change", "delete")),
]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    coordinators = Group.objects.get(name="Coordinators")
    for app_label, model, verbose_name, actions in COORDINATOR_MODEL_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            coordinators.permissions.add(permission)

    # The approval workflow, on the root page so that every page (stories, initiatives, resources …) is covered.
    task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_content_type, active=True)
    task.groups.set([coordinators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    # Wagtail's default workflow and task are switched off (kept, so their history stays readable).
    for old in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exclude(pk=workflow.pk):
        WorkflowPage.objects.filter(workflow=old).delete()
        old.active = False
        old.save(update_fields=["active"])
    Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exclude(pk=task.pk).update(active=False)

    # Wagtail's default groups go, unless somebody has been put in them.
    for name in WAGTAIL_DEFAULT_GROUPS:
        group = Group.objects.filter(name=name).first()
        if group is not None and not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("focus_industry", "0002_taxonomy_and_groups"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
