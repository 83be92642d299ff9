"""A guard where the admin reads a page, snippet or setting form: data its editors cannot read is a 400.

Wagtail's StreamField widget reads its data by key (`<field>-count`, `<field>-0-type` …) and raises
KeyError or ValueError when a forged request leaves a key out or sends garbage in it; the rich text
editor's widget (Draftail) reads its value with `json.loads` and fails the same way on a value that is
not Draftail's JSON. Either would be a 500. The browser's widgets always send what they read, so such a
request is never an editor's work: the guard reads each StreamField's and each rich text field's data
once before the form is cleaned and answers with Django's 400 page (`SuspiciousOperation`), instead of
the form field by field.
"""

from django.core.exceptions import SuspiciousOperation

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks.base import BlockField


class MalformedFormData(SuspiciousOperation):
    """Form data a StreamField or rich text widget cannot read (Django answers 400)."""


def _guarded(field):
    return isinstance(field, BlockField) or isinstance(field.widget, DraftailRichTextArea)


class WidgetDataGuardMixin:
    def full_clean(self):
        if self.is_bound:
            for name, field in self.fields.items():
                if not _guarded(field) or field.disabled:
                    continue
                try:
                    field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
                except (KeyError, ValueError, TypeError, IndexError, AttributeError) as error:
                    raise MalformedFormData(f"Unreadable form data for {name!r}: {error!r}") from error
        super().full_clean()
