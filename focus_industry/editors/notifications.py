"""Workflow e-mails in each recipient's own admin language.

Wagtail already renders the subject and the text of a workflow notification inside
`translation.override(<recipient's preferred language>)`. Two gaps remain in Wagtail 7.4
(`wagtail/admin/mail.py`): a recipient who never chose a language gets the language of the request
that triggered the e-mail (the submitter's), and the HTML alternative (WAGTAILADMIN_NOTIFICATION_USE_HTML)
is rendered outside the override. We close both through Wagtail's documented extension point for
notifications: subclasses of its notifier classes, connected to the workflow signals under the same
`dispatch_uid` as Wagtail's own, so that exactly one notifier per event is connected whichever is
connected first.
"""

from django.conf import settings
from django.utils import translation

from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile


def recipient_language(user):
    """The user's chosen admin language; the site's main language (Swedish) if they never chose one."""
    language = UserProfile.get_for_user(user).preferred_language
    permitted = dict(getattr(settings, "WAGTAILADMIN_PERMITTED_LANGUAGES", settings.LANGUAGES))
    return language if language in permitted else settings.LANGUAGE_CODE


class RecipientLanguageMixin:
    """Send to one recipient at a time, with everything (subject, text, HTML) in their language."""

    def send_emails(self, template_set, context, recipients, **kwargs):
        all_sent = True
        for recipient in recipients:
            with translation.override(recipient_language(recipient)):
                sent = super().send_emails(template_set, dict(context), [recipient], **kwargs)
            all_sent = all_sent and sent
        return all_sent


class TaskSubmissionNotifier(RecipientLanguageMixin, mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmissionNotifier(RecipientLanguageMixin, mail.WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovalNotifier(RecipientLanguageMixin, mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionNotifier(RecipientLanguageMixin, mail.WorkflowStateRejectionEmailNotifier):
    pass


# Module-level instances: signals hold weak references to their receivers.
task_submission_notifier = TaskSubmissionNotifier()
workflow_submission_notifier = WorkflowSubmissionNotifier()
workflow_approval_notifier = WorkflowApprovalNotifier()
workflow_rejection_notifier = WorkflowRejectionNotifier()

# (signal, sender, Wagtail's dispatch_uid in wagtail/admin/signal_handlers.py, our notifier)
REPLACEMENTS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", task_submission_notifier),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", workflow_submission_notifier),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", workflow_rejection_notifier),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", workflow_approval_notifier),
]


def connect():
    """Put our notifiers in the place of Wagtail's (idempotent)."""
    for signal, sender, dispatch_uid, notifier in REPLACEMENTS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
