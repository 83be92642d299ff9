"""A guard where the admin reads a page, snippet or setting form: malformed StreamField data is a 400.

Wagtail's StreamField widget reads its data by key (`<field>-count`, `<field>-0-type` …) and raises
KeyError or ValueError when a forged request leaves a key out or sends garbage in it, which would be a
500. The browser's widget always sends them, so such a request is never an editor's work: the guard
reads each StreamField's data once before the form is cleaned and answers with Django's 400 page
(`SuspiciousOperation`), instead of the form field by field.
"""

from django.core.exceptions import SuspiciousOperation

from wagtail.blocks.base import BlockField


class MalformedStreamData(SuspiciousOperation):
    """Form data a StreamField widget cannot read (Django answers 400)."""


class StreamDataGuardMixin:
    def full_clean(self):
        if self.is_bound:
            for name, field in self.fields.items():
                if not isinstance(field, BlockField) or field.disabled:
                    continue
                try:
                    field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
                except (KeyError, ValueError, TypeError, IndexError) as error:
                    raise MalformedStreamData(f"Unreadable StreamField data for {name!r}: {error!r}") from error
        super().full_clean()
