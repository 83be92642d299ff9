"""The toolbox's contributions to core pages: newest resources on the home page and on tagged pages."""

from django.utils.translation import gettext as _

from wagtail import hooks

from focus_industry.core.listing import tagged
from focus_industry.core.sections import HOME_SECTIONS, TAGGED_SECTIONS, CachedPageUrl, Section, tagged_filter
from focus_industry.core.taxonomy import attach_tags, exclude_private, with_tags

from .models import ResourcePage, ToolboxPage

SECTION_SIZE = 3


def _newest(*conditions):
    """The newest public resources: one query (tags are annotated, privacy is a subquery)."""
    queryset = exclude_private(ResourcePage.objects.live().filter(*conditions))
    return attach_tags(
        list(
            with_tags(queryset.select_related("document").defer_streamfields()).order_by("-date", "-pk")[:SECTION_SIZE]
        )
    )


_toolbox_url = CachedPageUrl(ToolboxPage, "toolbox:url")


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
    name, item = tagged_filter(action_area, region)
    if item is None:
        return None
    items = _newest(tagged(ResourcePage, "action_areas" if name == "area" else "regions", item.pk))
    if not items:
        return None
    query = f"{name}={item.slug}"
    return Section(
        key="toolbox-tagged",
        heading=_("Resources in the toolbox"),
        template="toolbox/sections/resources.html",
        items=items,
        more_url=_toolbox_url(request, query),
        more_label=_("All resources on this subject") if action_area is not None else _("All resources for the region"),
        order=300,
    )


@hooks.register("register_search_result_type")
def resource_search_result_type():
    from django.utils.translation import gettext_lazy

    from focus_industry.search.types import SearchResultType

    return SearchResultType(
        "resource", ResourcePage, gettext_lazy("Toolbox resource"), gettext_lazy("Toolbox resources"), "date"
    )
