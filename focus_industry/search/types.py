"""The kinds of search result, contributed by the apps through a Wagtail hook.

The core never imports a feature app. An app describes its page type once, in its wagtail_hooks.py:

    @hooks.register("register_search_result_type")
    def story_result_type():
        return SearchResultType("story", StoryPage, _("Success story"), _("Success stories"), date_field="date")

Every other page is shown as a plain "Page". The key is what the `type` filter puts in the address.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

HOOK_NAME = "register_search_result_type"
OTHER_KEY = "page"


@dataclass(frozen=True)
class SearchResultType:
    key: str
    model: type
    label: str
    plural: str
    date_field: str | None = None


OTHER = SearchResultType(OTHER_KEY, None, _("Page"), _("Pages"))


def registered_types():
    """The apps' result types in hook order, then "Page" for everything else."""
    types = [hook() for hook in hooks.get_hooks(HOOK_NAME)]
    return [*types, OTHER]


def content_type_id_for_model(model):
    """A model's content type id (cached by Django: no query after the first)."""
    return ContentType.objects.get_for_model(model).pk


def content_type_id(result_type):
    return content_type_id_for_model(result_type.model)


def core_excerpt_models():
    """The core's own page types whose introduction makes a better excerpt than the SEO description."""
    from ..models import ActionAreaPage, StandardPage

    return (StandardPage, ActionAreaPage)


def with_specific_fields(pages, types):
    """`pages` (plain Page objects) with the registered types' pages loaded with their own fields.

    One query per registered type present (StreamFields deferred), never one per page: the other pages
    stay plain Pages (title, SEO description, dates), so the number of queries has a fixed bound.
    """
    models = [result_type.model for result_type in types if result_type.model is not None]
    by_content_type = {content_type_id_for_model(model): model for model in [*models, *core_excerpt_models()]}
    wanted = defaultdict(list)
    for page in pages:
        model = by_content_type.get(page.content_type_id)
        if model is not None:
            wanted[model].append(page.pk)
    loaded = {}
    for model, ids in wanted.items():
        loaded.update((page.pk, page) for page in model.objects.filter(pk__in=ids).defer_streamfields())
    return [loaded.get(page.pk, page) for page in pages]


def type_for_page(page, types):
    for result_type in types:
        if result_type.model is not None and isinstance(page, result_type.model):
            return result_type
    return OTHER


def result_date(page, result_type):
    """The date shown with a result: the type's own date field, else the first publication."""
    value = getattr(page, result_type.date_field, None) if result_type.date_field else None
    if value is None and page.first_published_at is not None:
        value = page.first_published_at.date()
    return value
