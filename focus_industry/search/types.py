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
from wagtail.models import Page

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


def specific_pages(listed, types):
    """The pages `listed` as (id, content type id) pairs, in their order, loaded: the registered types'
    and the core's excerpt models with their own fields (StreamFields deferred), every other page as a
    plain Page. One query per model present and one for the rest, never one per page.
    """
    models = [result_type.model for result_type in types if result_type.model is not None]
    by_content_type = {content_type_id_for_model(model): model for model in [*models, *core_excerpt_models()]}
    wanted = defaultdict(list)
    for pk, page_content_type_id in listed:
        wanted[by_content_type.get(page_content_type_id, Page)].append(pk)
    loaded = {}
    for model, ids in wanted.items():
        pages = model.objects.filter(pk__in=ids)
        loaded.update((page.pk, page) for page in (pages if model is Page else pages.defer_streamfields()))
    return [loaded[pk] for pk, _content_type_id in listed if pk in loaded]


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
