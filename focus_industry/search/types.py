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


def content_model_ids():
    """The content type ids of the pages that are content (the registered types and the core's plain
    pages), ranked before the pages that list content (home, indexes, regions, action areas)."""
    from focus_industry.core.models import StandardPage

    models = [result_type.model for result_type in registered_types() if result_type.model is not None]
    return [content_type_id_for_model(model) for model in [*models, StandardPage]]


def specific_pages(listed, types):
    """The pages `listed` as (id, content type id) pairs, in their order, each loaded as its own type
    with its own fields, so that every result has its introduction, lead or body for an excerpt. One
    query per model present, never one per page (and the result is kept: views.result_entries).
    """
    wanted = defaultdict(list)
    for pk, page_content_type_id in listed:
        model = ContentType.objects.get_for_id(page_content_type_id).model_class()
        wanted[model if model is not None and issubclass(model, Page) else Page].append(pk)
    loaded = {}
    for model, ids in wanted.items():
        loaded.update((page.pk, page) for page in model.objects.filter(pk__in=ids))
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
