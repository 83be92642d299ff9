"""The admin's workflow action view, with a confirmation when an approval publishes.

Wagtail 7.4's WorkflowAction (the dashboard's "Godkänn") carries out the task's action and redirects
without a word; the edit view's own "Godkänn" does say so. This subclass, registered in front of
Wagtail's URL under the same address (focus_industry/urls.py), adds the message once the action is done.
"""

from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages import workflow


class WorkflowAction(workflow.WorkflowAction):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if self.action_name == "approve":
            page = self.object.specific_class.objects.get(pk=self.object.pk)
            title = get_latest_str(page)
            if page.live and not page.workflow_in_progress:
                messages.success(request, _("“%(title)s” was approved and published.") % {"title": title})
            else:
                messages.success(request, _("“%(title)s” was approved.") % {"title": title})
        return response
