"""Which documents and images an editor may put on a page, a snippet or a setting.

Wagtail's choosers list only the files in collections where the user has the "choose" permission
(`permission_policy.instances_user_has_permission_for(user, "choose")`), but a form accepts any id
that is sent. Every admin form of the project checks the same permission on save:

- `ChosenFilesFormMixin` (in `BasePageForm` and `BaseModelForm`) checks every form field that
  chooses a document or an image, and, while the form is being cleaned, lets the chooser blocks
  below check what is chosen inside StreamFields;
- `ImageChooserBlock` / `DocumentChooserBlock` refuse, with a block error, a file the user may not
  choose;
- rich text is checked the same way: the document links and image embeds that Wagtail's own reference
  extraction finds (`extract_references`, as the reference index reads them) in a `RichTextField` of
  the form, or in a `RichTextBlock` (the mixin below) inside a StreamField, are refused with the same
  message when the user may not choose the file. An id that is no number is refused too (rendering
  it would fail);
- a page link in rich text must lead to a page that exists: a forged id that is no number, or no
  page's, is refused with a form error (Wagtail's page link handler would fail on it when the text
  is shown).

A file (or a linked page) that the object already holds (saved by someone else) stays allowed when it is sent back
unchanged: an editor can always save a page that holds a file they could not choose themselves.

Collections: each region has its own collection and, below it, an internal collection restricted to
logged-in staff (`region_internal_collection`); shared images are in `SHARED_COLLECTION`. A file's
privacy is its collection's, and nothing but an editor with permission on the file moves it.
"""

import contextvars

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.rich_text.converters.contentstate import link_entity
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    ExternalLinkElementHandler,
    PageLinkElementHandler,
)
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock as WagtailDocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock as WagtailImageChooserBlock
from wagtail.models import Collection, Page

from .form_guards import WidgetDataGuardMixin
from .translation_forms import OptionalTranslationsMixin

SHARED_COLLECTION = "Gemensamt"
INTERNAL_SUFFIX = " – intern"

_current_check = contextvars.ContextVar("focus_industry_chosen_files", default=None)


# --- Collections -----------------------------------------------------------------------------


def shared_collection():
    """The collection for shared images (every role may choose them)."""
    collection = Collection.objects.filter(name=SHARED_COLLECTION, depth=2).first()
    if collection is None:  # the migration creates it; rebuilt here if someone deleted it
        collection = Collection.get_first_root_node().add_child(name=SHARED_COLLECTION)
    return collection


def region_collection(region):
    return Collection.objects.filter(name=region.name_sv, depth=2).first()


def region_internal_collection(region):
    """The region's internal collection (a child of the region's collection, staff only)."""
    parent = region_collection(region)
    if parent is None:
        return None
    return parent.get_children().filter(name=f"{region.name_sv}{INTERNAL_SUFFIX}").first()


def is_restricted(collection):
    """True when visitors cannot open the collection's files (a view restriction on it or above)."""
    return collection.get_view_restrictions().exists()


# --- The check -------------------------------------------------------------------------------


def file_models():
    return (get_document_model(), get_image_model())


def permission_policy_for(model):
    if issubclass(model, get_document_model()):
        from wagtail.documents.permissions import permission_policy
    else:
        from wagtail.images.permissions import permission_policy
    return permission_policy


def refusal(model):
    if issubclass(model, Page):
        return refusal_of_page_link()
    if issubclass(model, get_document_model()):
        return _(
            "You may not use this document: it is in a collection you have no access to. "
            "Choose a document from your own collections or upload a new one."
        )
    return _(
        "You may not use this image: it is in a collection you have no access to. "
        "Choose an image from your own collections or upload a new one."
    )


def refusal_of_page_link():
    return _(
        "This text links to a page that does not exist. Remove the link or choose the page again with the link tool."
    )


def checked_models():
    """The models whose ids the rich text check reads: the files, and pages (links)."""
    return (*file_models(), Page)


def saved_file_ids(instance):
    """{model: {ids}} of the documents and images the saved object holds (foreign keys, StreamFields and
    rich text), and of the pages its StreamFields and rich text link to."""
    saved = {}
    if instance is None or instance.pk is None:
        return saved
    models = file_models()
    for field in instance._meta.get_fields():
        related = getattr(field, "related_model", None)
        if getattr(field, "many_to_one", False) and related is not None and issubclass(related, models):
            value = getattr(instance, field.attname, None)
            if value is not None:
                saved.setdefault(related, set()).add(str(value))
        elif isinstance(field, StreamField | RichTextField):
            value = getattr(instance, field.name, None)
            if value is None:
                continue
            for model, pk, _path, _content_path in field.extract_references(value):
                if issubclass(model, checked_models()):
                    saved.setdefault(model, set()).add(str(pk))
    return saved


class ChoiceCheck:
    """May `user` use a file on `instance`? Chosen-permission or already held by the saved object."""

    def __init__(self, user, instance):
        self.user = user
        self.instance = instance
        self._saved = None

    def allowed(self, model, pk):
        if self._saved is None:
            self._saved = saved_file_ids(self.instance)
        for saved_model, ids in self._saved.items():
            if issubclass(model, saved_model) and str(pk) in ids:
                return True
        try:
            pk = model._meta.pk.to_python(pk)
        except ValidationError:
            return False  # a forged id that is no number (rich text carries ids as text)
        if issubclass(model, Page):
            return Page.objects.filter(pk=pk).exists()  # any page may be linked, if it exists
        if self.user is None:
            return False
        policy = permission_policy_for(model)
        return policy.instances_user_has_permission_for(self.user, "choose").filter(pk=pk).exists()

    def refused(self, references):
        """The file models (and Page, for a link to no page) of `references` ((model, id, …) as
        `extract_references` yields them) that the user may not use, in order, each once."""
        refused = []
        for model, pk, *_rest in references:
            if issubclass(model, checked_models()) and model not in refused and not self.allowed(model, pk):
                refused.append(model)
        return refused


def _file_field_model(field):
    if isinstance(field, forms.ModelChoiceField) and issubclass(field.queryset.model, file_models()):
        return field.queryset.model
    return None


class ChosenFilesFormMixin:
    """Refuses, with a form error, a document or image the user may not choose (see the module)."""

    def full_clean(self):
        token = _current_check.set(ChoiceCheck(getattr(self, "for_user", None), self.instance))
        try:
            super().full_clean()
        finally:
            _current_check.reset(token)

    def clean(self):
        check = _current_check.get()
        for name, field in self.fields.items():
            model = _file_field_model(field)
            if model is None or field.disabled or name not in self.cleaned_data:
                continue
            value = self.cleaned_data[name]
            values = value if isinstance(field, forms.ModelMultipleChoiceField) else [value]
            if any(item is not None and not check.allowed(model, item.pk) for item in values):
                self.add_error(name, refusal(model))
        for name, model_field in self._rich_text_fields():
            for model in check.refused(model_field.extract_references(self.cleaned_data[name] or "")):
                self.add_error(name, refusal(model))
        return super().clean()

    def _rich_text_fields(self):
        """(form field name, model field) of every rich text field the form has cleaned."""
        model_fields = {field.name: field for field in self._meta.model._meta.get_fields()}
        for name, field in self.fields.items():
            model_field = model_fields.get(name)
            if isinstance(model_field, RichTextField) and not field.disabled and name in self.cleaned_data:
                yield name, model_field


class TranslatedSlugsFormMixin:
    """Each language's slug must be free among the parent's children, as a form error.

    Wagtail's page form checks `slug`, which modeltranslation replaces by `slug_sv`/`slug_en`, so a
    taken slug reached the model's own check on save (a 500). It happens to an editor when autosave
    has already created the new page and "Publicera" still posts to the add address: the form then
    comes back with what they wrote and a link to the page autosave made.
    """

    def clean(self):
        cleaned_data = super().clean()
        parent = getattr(self, "parent_page", None)
        if parent is None:
            return cleaned_data
        siblings = parent.get_children()
        if self.instance.pk:
            siblings = siblings.not_page(self.instance)
        for language in AVAILABLE_LANGUAGES:
            name = build_localized_fieldname("slug", language)
            slug = cleaned_data.get(name)
            if name not in self.fields or not slug:
                continue
            taken = siblings.filter(**{name: slug}).first()
            if taken is not None:
                self.add_error(name, slug_taken_error(slug, taken))
        return cleaned_data


def slug_taken_error(slug, page):
    return ValidationError(
        format_html(
            '{} <a href="{}">{}</a>',
            _(
                "The address “%(slug)s” is already taken here, by “%(title)s”. If autosave made that page, "
                "continue there; what you wrote here is still in this form."
            )
            % {"slug": slug, "title": page.get_admin_display_title()},
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            _("Open “%(title)s”") % {"title": page.get_admin_display_title()},
        )
    )


class BasePageForm(
    OptionalTranslationsMixin,
    WidgetDataGuardMixin,
    TranslatedSlugsFormMixin,
    ChosenFilesFormMixin,
    WagtailAdminPageForm,
):
    """The base form of every page type."""


class BaseModelForm(WidgetDataGuardMixin, ChosenFilesFormMixin, WagtailAdminModelForm):
    """The base form of snippets and settings that hold documents or images."""


# --- Page links in the rich text editor ------------------------------------------------------


class SafePageLinkElementHandler(PageLinkElementHandler):
    """Wagtail's page link reader for the editor, which shows a link to no page as a broken link
    instead of failing on an id that is no number (a refused, forged link is shown again with the
    form's error, so the editor can remove it)."""

    def get_attribute_data(self, attrs):
        try:
            pk = Page._meta.pk.to_python(attrs.get("id"))
        except ValidationError:
            pk = None
        if pk is None or not Page.objects.filter(pk=pk).exists():
            return {"id": attrs.get("id"), "url": None, "parentId": None}
        return super().get_attribute_data(attrs)


def register_safe_page_links(features):
    """The "link" converter rule of Wagtail's own hook, with the page link reader above."""
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': SafePageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )


# --- Chooser blocks --------------------------------------------------------------------------


class _PermittedChoiceMixin:
    """Inside a project form, refuse a file the editor may not choose (a block error on the chooser)."""

    def clean(self, value):
        value = super().clean(value)
        check = _current_check.get()
        if value is not None and check is not None and not check.allowed(self.target_model, value.pk):
            raise ValidationError(refusal(self.target_model))
        return value


class PermittedRichTextMixin:
    """Inside a project form, refuse a rich text block linking or embedding a file the editor may not choose."""

    def clean(self, value):
        value = super().clean(value)
        check = _current_check.get()
        if check is not None:
            refused = check.refused(self.extract_references(value))
            if refused:
                raise ValidationError([refusal(model) for model in refused])
        return value


class ImageChooserBlock(_PermittedChoiceMixin, WagtailImageChooserBlock):
    # Stored in migrations as Wagtail's block: the check is behaviour, not part of the schema.
    canonical_module_path = "wagtail.images.blocks.ImageChooserBlock"


class DocumentChooserBlock(_PermittedChoiceMixin, WagtailDocumentChooserBlock):
    canonical_module_path = "wagtail.documents.blocks.DocumentChooserBlock"
