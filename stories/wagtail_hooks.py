"""The stories' contributions to core pages, and the admin's "Success stories" listing."""

import django_filters

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from focus_industry.models import ActionArea, Region
from focus_industry.sections import HOME_SECTIONS, TAGGED_SECTIONS, CachedPageUrl, Section, tagged_filter

from .models import StoryIndexPage, StoryPage, area_condition, card_list, for_cards, published_stories, region_condition

SECTION_SIZE = 3


def newest(*conditions):
    """The newest public stories for a section: one query, plus the card prefetches."""
    return card_list(for_cards(published_stories().filter(*conditions))[:SECTION_SIZE])


listing_url = CachedPageUrl(StoryIndexPage, "stories:listing-url")


@hooks.register(HOME_SECTIONS)
def latest_stories(request, page=None, **kwargs):
    items = newest()
    if not items:
        return None
    return Section(
        key="stories-latest",
        heading=_("Latest success stories"),
        template="stories/sections/stories.html",
        items=items,
        more_url=listing_url(request),
        more_label=_("All success stories"),
        order=100,
    )


@hooks.register(TAGGED_SECTIONS)
def tagged_stories(request, page=None, action_area=None, region=None, **kwargs):
    name, item = tagged_filter(action_area, region)
    if item is None:
        return None
    items = newest(area_condition(item) if name == "area" else region_condition(item))
    if not items:
        return None
    query = f"{name}={item.slug}"
    if name == "area":
        more_label = _("All success stories in this action area")
    else:
        more_label = _("All success stories from the region")
    return Section(
        key="stories-tagged",
        heading=_("Success stories"),
        template="stories/sections/stories.html",
        items=items,
        more_url=listing_url(request, query),
        more_label=more_label,
        order=100,
    )


# --- Admin -----------------------------------------------------------------------------------


class StoryFilterSet(PageFilterSet):
    regions = django_filters.ModelMultipleChoiceFilter(
        label=gettext_lazy("Region"),
        queryset=Region.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    action_areas = django_filters.ModelMultipleChoiceFilter(
        label=gettext_lazy("Action area"),
        queryset=ActionArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )

    class Meta:
        model = StoryPage
        fields = []


class StoryListingViewSet(PageListingViewSet):
    model = StoryPage
    icon = "openquote"
    menu_label = gettext_lazy("Success stories")
    menu_order = 150
    add_to_admin_menu = True
    name = "success_stories"
    filterset_class = StoryFilterSet
    columns = [
        *IndexView.base_columns[:2],
        Column("title_en", label=gettext_lazy("English title"), accessor="title_en"),
        DateColumn("date", label=gettext_lazy("Published"), sort_key="date"),
        *IndexView.base_columns[2:],
    ]


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


@hooks.register("register_search_result_type")
def story_search_result_type():
    from focus_industry.search.types import SearchResultType

    return SearchResultType("story", StoryPage, gettext_lazy("Success story"), gettext_lazy("Success stories"), "date")
