"""Success stories: one listing page (`StoryIndexPage`) and the stories under it (`StoryPage`).

Tree: HomePage → StoryIndexPage (max one; /framgangsexempel/, /en/success-stories/) → StoryPage.

The listing is a declaration for the core's listing engine (focus_industry/core/listing.py): filters by region
and action area (language-neutral keys in the query string). It and the feeds run a fixed number of
queries, whatever the number of stories.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from focus_industry.core.api_fields import TaxonomyField
from focus_industry.core.blocks import BaseContentBlock
from focus_industry.core.listing import Listing, ListingPage, area_facet, region_facet
from focus_industry.core.models import ActionArea, BasePage, Region
from focus_industry.core.taxonomy import attach_tags, exclude_private, with_tags
from focus_industry.core.translated_routing import ancestor_of_type

PAGE_SIZE = 12
RELATED_COUNT = 3
FEED_SIZE = 20
# The renditions the templates ask for, prefetched with the stories ({% picture %} writes the format first).
CARD_RENDITIONS = tuple(f"format-{fmt}|fill-{size}" for size in ("480x270", "960x540") for fmt in ("webp", "jpeg"))
STORY_RENDITIONS = (
    *(f"format-{fmt}|fill-{size}" for size in ("720x405", "1200x675", "1600x900") for fmt in ("webp", "jpeg")),
    "fill-1200x630|format-jpeg",  # the Open Graph image of the page (templates/components/seo.html)
)


# --- Querysets -------------------------------------------------------------------------------


def published_stories():
    """Live, publicly visible stories, newest first."""
    return exclude_private(StoryPage.objects.live()).order_by("-date", "-pk")


def with_renditions(queryset, specs):
    """Select the hero image and prefetch its renditions for `specs` (one query for all stories)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return queryset.select_related("hero_image").prefetch_related(
        models.Prefetch("hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def for_cards(queryset):
    """What a card needs: tags (annotated), the image and its renditions (one prefetch query)."""
    return with_renditions(with_tags(queryset.defer_streamfields()), CARD_RENDITIONS)


def card_list(queryset):
    return attach_tags(list(queryset))


# --- Pages -----------------------------------------------------------------------------------


class StoryIndexPage(ListingPage, RoutablePageMixin, BasePage):
    """The list of success stories, with filters and feeds."""

    listing = Listing(
        facets=(region_facet(), area_facet()),
        count=ngettext_lazy("%(counter)s story", "%(counter)s stories", "counter"),
        cards=for_cards,
        prepare=card_list,
    )

    intro = models.TextField(_("introduction"), blank=True)

    max_count = 1
    parent_page_types = ["focus_industry.HomePage"]
    subpage_types = ["stories.StoryPage"]
    is_promoters_section = True  # business promoters add and edit stories here (focus_industry.core.regions)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("success stories")

    def stories(self):
        return published_stories().descendant_of(self)

    def listed(self, request):
        return self.stories()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_urls"] = self.feed_urls(request, context["filter_query"])
        return context

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from .feeds import StoryRssFeed

        return StoryRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from .feeds import StoryAtomFeed

        return StoryAtomFeed(self)(request)

    def feed_urls(self, request, query=""):
        base = self.get_url(request=request) or ""
        return {
            "rss": f"{base}feed/rss/{query}",
            "atom": f"{base}feed/atom/{query}",
        }


class StoryPage(BasePage):
    """One success story: a short summary, the story itself, its tags and a fact box."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    lead = models.TextField(
        _("in 30 seconds"),
        max_length=600,
        help_text=_("The story in two or three sentences. Shown on cards, in feeds and at the top of the story."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows. Leave empty only if the image is decorative."),
    )
    hero_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers will skip it."),
    )
    body = StreamField(BaseContentBlock(), verbose_name=_("story"), blank=True)
    regions = ParentalManyToManyField(Region, verbose_name=_("regions"), blank=True, related_name="+")
    action_areas = ParentalManyToManyField(ActionArea, verbose_name=_("action areas"), blank=True, related_name="+")

    project_owner = models.CharField(_("project owner"), max_length=200, blank=True)
    period = models.CharField(_("period"), max_length=120, blank=True, help_text=_("For example 2022–2023."))
    funding = models.CharField(_("funding"), max_length=250, blank=True)
    contact = models.CharField(_("contact"), max_length=250, blank=True, help_text=_("A name, an e-mail address."))
    link = models.URLField(_("web address"), blank=True, max_length=500)
    link_text = models.CharField(_("link text"), max_length=120, blank=True)

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt"), FieldPanel("hero_decorative")],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        FieldRowPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("action_areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Tags"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("project_owner"),
                FieldPanel("period"),
                FieldPanel("funding"),
                FieldPanel("contact"),
                FieldRowPanel([FieldPanel("link"), FieldPanel("link_text")]),
            ],
            heading=_("Fact box"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("project_owner"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("regions", serializer=TaxonomyField()),
        APIField("action_areas", serializer=TaxonomyField()),
        APIField("project_owner"),
        APIField("period"),
        APIField("funding"),
        APIField("link"),
        APIField("link_text"),
    ]

    og_type = "article"

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")
        ordering = ["-date", "-id"]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_decorative:
            missing = [code for code, _name in settings.LANGUAGES if not (getattr(self, f"hero_alt_{code}", "") or "")]
            if settings.LANGUAGE_CODE in missing:
                raise ValidationError(
                    {"hero_alt_sv": _("Write an alternative text for the image, or mark it as decorative.")}
                )

    @property
    def date_time(self):
        """The publication date as an aware datetime (noon, local time), for feeds."""
        naive = datetime.datetime.combine(self.date, datetime.time(12, 0))
        return timezone.make_aware(naive)

    @property
    def image_alt(self):
        return "" if self.hero_decorative else (self.hero_alt or "")

    @property
    def has_fact_box(self):
        return any([self.project_owner, self.period, self.funding, self.contact, self.link])

    def tag_lists(self):
        """(regions, action areas): annotated by a listing or read for serving (`read_tags_and_image`),
        else queried (a preview: the draft's own tags)."""
        if not hasattr(self, "tag_regions"):
            self.tag_regions, self.tag_areas = list(self.regions.all()), list(self.action_areas.all())
        return self.tag_regions, self.tag_areas

    def read_tags_and_image(self):
        """The published story's tags and hero image in one query (instead of three)."""
        stored = with_tags(StoryPage.objects.filter(pk=self.pk).select_related("hero_image")).first()
        if stored is not None:
            attach_tags([stored])
            self.tag_regions, self.tag_areas = stored.tag_regions, stored.tag_areas
            if stored.hero_image_id == self.hero_image_id:
                self.hero_image = stored.hero_image

    def related_stories(self):
        """Up to three other stories sharing an action area or a region, newest first."""
        regions, areas = self.tag_lists()
        region_ids = [region.pk for region in regions]
        area_ids = [area.pk for area in areas]
        if not region_ids and not area_ids:
            return []
        region_through = StoryPage.regions.through
        area_through = StoryPage.action_areas.through
        shares = Q(Exists(area_through.objects.filter(storypage=OuterRef("pk"), actionarea_id__in=area_ids))) | Q(
            Exists(region_through.objects.filter(storypage=OuterRef("pk"), region_id__in=region_ids))
        )
        # Stories sharing an action area come first, then those sharing only a region.
        queryset = (
            published_stories()
            .filter(shares)
            .exclude(pk=self.pk)
            .annotate(
                same_area=Exists(area_through.objects.filter(storypage=OuterRef("pk"), actionarea_id__in=area_ids))
            )
            .order_by("-same_area", "-date", "-pk")
        )
        return card_list(for_cards(queryset)[:RELATED_COUNT])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def tags():
            if not getattr(request, "is_preview", False) and not hasattr(self, "tag_regions"):
                self.read_tags_and_image()
            return self.tag_lists()

        # Read when the story's content is rendered, not when it is kept as a fragment (story_page.html).
        context["story_index"] = SimpleLazyObject(lambda: ancestor_of_type(self, StoryIndexPage))
        context["story_tags"] = SimpleLazyObject(tags)
        context["related_stories"] = SimpleLazyObject(self.related_stories)
        return context

    def structured_data(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.lead,
            "datePublished": self.date.isoformat(),
            "inLanguage": translation.get_language(),
        }
