"""The stories' contributions to core pages, and the admin's "Success stories" listing."""

import django_filters

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from focus_industry.models import ActionArea, Region
from focus_industry.sections import HOME_SECTIONS, TAGGED_SECTIONS, Section

from .models import StoryIndexPage, StoryPage, area_condition, card_list, for_cards, published_stories, region_condition

SECTION_SIZE = 3
LISTING_URL_CACHE_KEY = "stories:listing-url"


def newest(*conditions):
    """The newest public stories for a section: one query, plus the card prefetches."""
    return card_list(for_cards(published_stories().filter(*conditions))[:SECTION_SIZE])


def listing_url(request, query=""):
    """The listing's address in the current language, cached (cleared when the listing page is saved)."""
    key = f"{LISTING_URL_CACHE_KEY}:{translation.get_language()}"
    url = cache.get(key)
    if url is None:
        index = StoryIndexPage.objects.live().first()
        url = (index.get_url(request=request) or "") if index else ""
        cache.set(key, url, 300)
    return f"{url}?{query}" if url and query else url


@receiver(post_save, sender=StoryIndexPage, dispatch_uid="stories_listing_url_saved")
@receiver(post_delete, sender=StoryIndexPage, dispatch_uid="stories_listing_url_deleted")
def clear_listing_url(**kwargs):
    for code, _name in settings.LANGUAGES:
        cache.delete(f"{LISTING_URL_CACHE_KEY}:{code}")


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
    if action_area is not None:
        items = newest(area_condition(action_area))
        query = f"area={action_area.slug}"
        more_label = _("All success stories in this action area")
    elif region is not None:
        items = newest(region_condition(region))
        query = f"region={region.slug}"
        more_label = _("All success stories from the region")
    else:
        return None
    if not items:
        return None
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
