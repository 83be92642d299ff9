"""The stories' contributions to core pages, and the admin's "Success stories" listing."""

import django_filters

from django import forms
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from focus_industry.core.listing import tagged
from focus_industry.core.models import ActionArea, Region
from focus_industry.core.sections import (
    HEAD_LINKS,
    HOME_SECTIONS,
    TAGGED_SECTIONS,
    CachedPageUrl,
    Section,
    tagged_filter,
)

from .models import CARD_RENDITIONS, StoryIndexPage, StoryPage, card_list, for_cards, published_stories, with_renditions

SECTION_SIZE = 3
HOME_SIZE = 6  # the old site's home page told all six stories of the seed, each with its quote


def newest(*conditions):
    """The newest public stories for a section: one query, plus the card prefetches."""
    return card_list(for_cards(published_stories().filter(*conditions))[:SECTION_SIZE])


listing_url = CachedPageUrl(StoryIndexPage, "stories:listing-url")


def with_quotes(stories):
    """Give each story `first_quote`: the first quote block of its body (the body is loaded with it)."""
    for story in stories:
        story.first_quote = next((block for block in story.body if block.block_type == "quote"), None)
    return stories


@hooks.register(HOME_SECTIONS)
def latest_stories(request, page=None, **kwargs):
    """The newest stories with their quotes (two queries: stories with bodies, renditions)."""
    items = with_quotes(list(with_renditions(published_stories(), CARD_RENDITIONS)[:HOME_SIZE]))
    if not items:
        return None
    base = listing_url(request)
    return Section(
        key="stories-latest",
        heading=_("Success stories"),
        template="stories/sections/stories.html",
        items=items,
        more_url=base,
        more_label=_("All success stories"),
        order=100,
        extra={
            "with_quotes": True,
            "feeds": {"rss": f"{base}feed/rss/", "atom": f"{base}feed/atom/"} if base else {},
        },
    )


@hooks.register(HEAD_LINKS)
def story_feeds(request, page=None, **kwargs):
    """The home page names the stories' feeds, so a feed reader finds them from the site's address."""
    base = listing_url(request)
    if not base:
        return []
    return [
        {"type": "application/rss+xml", "title": _("Success stories (RSS)"), "href": f"{base}feed/rss/"},
        {"type": "application/atom+xml", "title": _("Success stories (Atom)"), "href": f"{base}feed/atom/"},
    ]


@hooks.register(TAGGED_SECTIONS)
def tagged_stories(request, page=None, action_area=None, region=None, **kwargs):
    name, item = tagged_filter(action_area, region)
    if item is None:
        return None
    items = newest(tagged(StoryPage, "action_areas" if name == "area" else "regions", item.pk))
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
        # A date, not a moment: shown as the date itself ("3 dec. 2026"), never "11 hours ago".
        Column("date", label=gettext_lazy("Published"), sort_key="date", accessor=lambda page: _story_date(page)),
        *IndexView.base_columns[2:],
    ]

    @cached_property
    def menu_item_class(self):
        return StoriesMenuItem


def _story_date(page):
    return date_format(page.date) if page.date else ""


class StoriesMenuItem(MenuItem):
    """Shown to those who may write or publish stories somewhere (not to regional staff, whose rights
    end at their region's initiatives and toolbox): the listing's rows would open nothing for them."""

    def is_shown(self, request):
        return any(
            index.permissions_for_user(request.user).can_add_subpage()
            or index.permissions_for_user(request.user).can_edit()
            for index in StoryIndexPage.objects.all()
        )


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


@hooks.register("register_search_result_type")
def story_search_result_type():
    from focus_industry.search.types import SearchResultType

    return SearchResultType("story", StoryPage, gettext_lazy("Success story"), gettext_lazy("Success stories"), "date")
