"""The edit form's fields of the languages other than the default one (the [en] fields).

wagtail-modeltranslation copies each original panel per language, widget included, so the [en] title got
Wagtail's "Page title*" placeholder (Swedish "Sidrubrik*") although it is optional. Here, once for every
page type: an optional field of another language loses the placeholder the original widget carries and
says, in its help text, that the page in that language shows the default language's text when it is left
empty (modeltranslation's fallback, MODELTRANSLATION_FALLBACK_LANGUAGES).
"""

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from modeltranslation.translator import NotRegistered, translator

FALLBACK_HELP = _("Optional. Left empty, the English page shows the Swedish text.")


def other_language_fields(model):
    """The form field names of the translated fields in the languages other than the default one."""
    try:
        names = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return []
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    others = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != default]
    return [f"{name}_{code}" for name in names for code in others]


class OptionalTranslationsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in other_language_fields(self._meta.model):
            field = self.fields.get(name)
            if field is None or field.required:
                continue
            # Empty, not absent: Wagtail's title panel adds its own placeholder only when the widget has none.
            field.widget.attrs["placeholder"] = ""
            field.help_text = format_lazy("{} {}", field.help_text, FALLBACK_HELP) if field.help_text else FALLBACK_HELP
