"""The toolbox's contributions to core pages: newest resources on the home page and on tagged pages."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail import hooks

from focus_industry.sections import HOME_SECTIONS, TAGGED_SECTIONS, Section
from focus_industry.taxonomy import attach_tags, exclude_private, with_tags

from .models import ResourcePage, ToolboxPage, _area_condition, _region_condition

SECTION_SIZE = 3
TOOLBOX_URL_CACHE_KEY = "toolbox:url"


def _newest(*conditions):
    """The newest public resources: one query (tags are annotated, privacy is a subquery)."""
    queryset = exclude_private(ResourcePage.objects.live().filter(*conditions))
    return attach_tags(
        list(
            with_tags(queryset.select_related("document").defer_streamfields()).order_by("-date", "-pk")[:SECTION_SIZE]
        )
    )


def _toolbox_url(request, query=""):
    """The toolbox's address in the current language, cached (cleared when the toolbox page is saved)."""
    key = f"{TOOLBOX_URL_CACHE_KEY}:{translation.get_language()}"
    url = cache.get(key)
    if url is None:
        toolbox = ToolboxPage.objects.live().first()
        url = (toolbox.get_url(request=request) or "") if toolbox else ""
        cache.set(key, url, 300)
    return f"{url}?{query}" if url and query else url


@receiver(post_save, sender=ToolboxPage, dispatch_uid="toolbox_url_cache_saved")
@receiver(post_delete, sender=ToolboxPage, dispatch_uid="toolbox_url_cache_deleted")
def clear_toolbox_url(**kwargs):
    for code, _name in settings.LANGUAGES:
        cache.delete(f"{TOOLBOX_URL_CACHE_KEY}:{code}")


@hooks.register(HOME_SECTIONS)
def newest_resources(request, page=None, **kwargs):
    items = _newest()
    if not items:
        return None
    return Section(
        key="toolbox-newest",
        heading=_("New in the toolbox"),
        template="toolbox/sections/resources.html",
        items=items,
        more_url=_toolbox_url(request),
        more_label=_("All resources"),
        order=300,
    )


@hooks.register(TAGGED_SECTIONS)
def tagged_resources(request, page=None, action_area=None, region=None, **kwargs):
    if action_area is not None:
        items = _newest(_area_condition(action_area))
        query = f"area={action_area.slug}"
    elif region is not None:
        items = _newest(_region_condition(region))
        query = f"region={region.slug}"
    else:
        return None
    if not items:
        return None
    return Section(
        key="toolbox-tagged",
        heading=_("Resources in the toolbox"),
        template="toolbox/sections/resources.html",
        items=items,
        more_url=_toolbox_url(request, query),
        more_label=_("All resources on this subject") if action_area is not None else _("All resources for the region"),
        order=300,
    )
