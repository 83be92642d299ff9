"""Regional initiatives: what each region does, edited only by that region's staff.

Tree: HomePage → InitiativeIndexPage (max one; /initiativ/, /en/initiatives/; overview, map, open data)
               → RegionPage ×3 (one per region; a core *region root*) → InitiativePage

Initiatives are pages, not snippets: drafts, revisions, scheduled publishing, the approval workflow
and translated slugs come with Wagtail, and so do Wagtail's tree permissions. Each RegionPage is a
region root (`focus_industry.core.regions.RegionRootMixin`), so its region's staff group gets
add/change/publish on that subtree and on nothing else; every admin view, bulk action and forged POST
is checked by Wagtail itself. An initiative's `region` is not in the form: it is copied from the
parent RegionPage on every save and move, so no forged field can change it.

The overview's listing is a declaration for the core's listing engine (focus_industry/core/listing.py). It,
its filters and counts, the open data and the sections on core pages all run a fixed number of
queries, whatever the number of initiatives.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Window
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, post_page_move

from focus_industry.core.api_fields import TaxonomyField
from focus_industry.core.blocks import BaseContentBlock
from focus_industry.core.listing import Listing, ListingPage, area_facet, choice_facet, region_facet
from focus_industry.core.models import ActionArea, BasePage, Region
from focus_industry.core.regions import RegionRootMixin
from focus_industry.core.taxonomy import exclude_private, taxonomy
from focus_industry.core.translated_routing import ancestor_of_type
from focus_industry.editors.file_permissions import BasePageForm
from focus_industry.web.page_cache import cached

PAGE_SIZE = 12
REGION_PAGE_SIZE = 12
# Renditions the initiative page asks for ({% picture %} writes the format first), prefetched with the page.
PAGE_RENDITIONS = (
    *(f"format-{fmt}|fill-{size}" for size in ("720x405", "1200x675") for fmt in ("webp", "jpeg")),
    "fill-1200x630|format-jpeg",  # the Open Graph image (templates/components/seo.html)
)


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


def today():
    """The date the statuses are computed for (the site's time zone)."""
    return timezone.localdate()


def status_for_dates(start_date, end_date, on=None):
    """What the dates say: planned before the start, completed after the end, else running."""
    on = on or today()
    if end_date and end_date < on:
        return Status.COMPLETED
    if start_date and start_date > on:
        return Status.PLANNED
    return Status.RUNNING


def status_expression(on=None):
    """`status_for_dates` in SQL, with the editor's override first: filter, count and order by it."""
    on = on or today()
    return models.Case(
        models.When(~Q(status_override=""), then=models.F("status_override")),
        models.When(end_date__lt=on, then=models.Value(Status.COMPLETED.value)),
        models.When(start_date__gt=on, then=models.Value(Status.PLANNED.value)),
        default=models.Value(Status.RUNNING.value),
        output_field=models.CharField(),
    )


# --- Taxonomy and querysets ------------------------------------------------------------------


def published_initiatives():
    """Live, publicly visible initiatives: running first, then planned, then completed; newest first.

    `status` is an alias of the shown status (the override, else what the dates say), so the filters,
    counts and order use the same status as the pages and the open data.
    """
    status_order = models.Case(
        models.When(status=Status.RUNNING, then=0),
        models.When(status=Status.PLANNED, then=1),
        default=2,
        output_field=models.IntegerField(),
    )
    return (
        exclude_private(InitiativePage.objects.live())
        .alias(status=status_expression())
        .annotate(status_order=status_order)
        .order_by("status_order", models.F("start_date").desc(nulls_last=True), "-pk")
    )


def with_areas(queryset):
    """Annotate one EXISTS flag per action area (same query); `attach_areas` turns them into lists."""
    _regions, areas = taxonomy()
    through = InitiativePage.action_areas.through
    annotations = {
        f"_area_{area.pk}": Exists(through.objects.filter(initiativepage=OuterRef("pk"), actionarea_id=area.pk))
        for area in areas
    }
    return queryset.annotate(**annotations)


def attach_areas(pages):
    """Give each annotated page `area_list`: its action areas in the taxonomy's order, without a query."""
    _regions, areas = taxonomy()
    for page in pages:
        if areas and hasattr(page, f"_area_{areas[0].pk}"):
            page.area_list = [area for area in areas if getattr(page, f"_area_{area.pk}")]
    return pages


def for_cards(queryset):
    """What a card needs, in the same query: the region (joined) and the action areas (annotated)."""
    return with_areas(queryset.defer_streamfields().select_related("region"))


def card_list(queryset):
    return attach_areas(list(queryset))


def site_links(request):
    """{"index": url, "regions": {slug: {...}}} in the current language, from the cache when possible.

    The overview's address and each live region page's title, introduction and address: the map, the
    region list, the sections on core pages and the initiative pages use them without a query. Cached
    under the content version (page_cache.cached: publishing or unpublishing a page purges).
    """
    return cached("initiatives:links", [translation.get_language()], lambda: _site_links(request), request=request)


def _site_links(request):
    index_page = InitiativeIndexPage.objects.live().first()
    regions = {}
    if index_page is not None:
        region_pages = (
            RegionPage.objects.child_of(index_page).live().select_related("region").order_by("region__sort_order", "pk")
        )
        for region_page in region_pages:
            regions[region_page.region.slug] = {
                "slug": region_page.region.slug,
                "title": region_page.title,
                "intro": region_page.intro or "",
                "url": region_page.get_url(request=request) or "",
            }
    return {"index": (index_page.get_url(request=request) or "") if index_page else "", "regions": regions}


# --- Pages -----------------------------------------------------------------------------------


class InitiativeIndexPage(ListingPage, RoutablePageMixin, BasePage):
    """Every region's initiatives: a map of the regions, filters with counts, and open data."""

    listing = Listing(
        facets=(region_facet("region"), area_facet(), choice_facet("status", _("Status"), "status", Status)),
        count=ngettext_lazy("%(counter)s initiative", "%(counter)s initiatives", "counter"),
        cards=for_cards,
        prepare=card_list,
    )

    intro = models.TextField(_("introduction"), blank=True)
    map_heading = models.CharField(_("heading above the map"), max_length=200, blank=True)

    max_count = 1
    parent_page_types = ["focus_industry.HomePage"]
    subpage_types = ["initiatives.RegionPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("map_heading")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("initiatives overview")

    def initiatives(self):
        return published_initiatives().descendant_of(self)

    def listed(self, request):
        return self.initiatives()

    def get_context(self, request, *args, **kwargs):
        """The listing, and the regions' links with their counts (from the region facet's counts)."""
        context = super().get_context(request, *args, **kwargs)
        shown = context["listing"]
        counts = {option["value"]: option["count"] for option in shown.facets[0]["options"]}
        active = shown.filters.values.get("region")
        region_links = [
            {**link, "count": counts.get(slug, 0), "active": slug == active}
            for slug, link in site_links(request)["regions"].items()
        ]
        context["region_links"] = region_links
        context["map_regions"] = {link["slug"]: link for link in region_links}
        context["data_urls"] = self.data_urls(request, context["filter_query"])
        return context

    def data_urls(self, request, query=""):
        base = self.get_url(request=request) or ""
        return {"json": f"{base}data/json/{query}", "csv": f"{base}data/csv/{query}"}

    @path("data/json/", name="data_json")
    def data_json(self, request):
        from .opendata import json_response

        return json_response(self, request)

    @path("data/csv/", name="data_csv")
    def data_csv(self, request):
        from .opendata import csv_response

        return csv_response(self, request)


class RegionPage(RegionRootMixin, BasePage):
    """One region: what it is, its initiatives, and the stories and resources tagged with it."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseContentBlock(), verbose_name=_("about the region"), blank=True)

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = ["initiatives.InitiativePage"]
    content_panels = Page.content_panels + [
        FieldPanel("region"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("region page")
        constraints = [models.UniqueConstraint(fields=["region"], name="initiatives_one_page_per_region")]

    def initiatives(self):
        return published_initiatives().child_of(self)

    def get_context(self, request, *args, **kwargs):
        from focus_industry.core.sections import TAGGED_SECTIONS, lazy_sections

        from .wagtail_hooks import TAGGED_SECTION_KEY

        context = super().get_context(request, *args, **kwargs)
        index_page = ancestor_of_type(self, InitiativeIndexPage)
        context["initiative_index"] = index_page
        # One query: the first initiatives and, in the same statement, how many there are in all; run only
        # when the page's content is rendered, not when it is kept as a fragment (region_page.html).
        listed = SimpleLazyObject(
            lambda: card_list(for_cards(self.initiatives()).annotate(total=Window(Count("pk")))[:REGION_PAGE_SIZE])
        )
        context["initiatives"] = listed  # the first has `total`
        context["filtered_url"] = f"{index_page.get_url(request=request)}?region={self.region.slug}"
        # This page lists its own initiatives above; the other apps' sections (stories, resources) follow.
        context["sections"] = lazy_sections(
            TAGGED_SECTIONS, request, skip={TAGGED_SECTION_KEY}, page=self, region=self.region
        )
        return context


class InitiativePageForm(BasePageForm):
    """Shows the editor which region the initiative belongs to (it is not a field: it follows the parent)."""

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        region_id = getattr(parent.specific_deferred, "region_id", None) if parent is not None else None
        if region_id is not None:
            self.instance.region_id = region_id
        return cleaned_data


class InitiativePage(BasePage):
    """One initiative of one region."""

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("The initiative in two or three sentences. Shown on cards, in open data and at the top."),
    )
    description = StreamField(BaseContentBlock(), verbose_name=_("description"), blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        help_text=_("Always the region of the region page the initiative is placed under."),
    )
    action_areas = ParentalManyToManyField(ActionArea, verbose_name=_("action areas"), blank=True, related_name="+")
    status_override = models.CharField(
        _("status"),
        max_length=20,
        choices=[("", _("Automatic: follows the dates")), *Status.choices],
        blank=True,
        default="",
        help_text=_(
            "Leave empty and the status follows the dates: planned before the start date, running until the "
            "end date, completed after it. Choose a status only when the dates do not tell the truth, for "
            "example an initiative that stopped early or has no dates yet."
        ),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    lead_organisation = models.CharField(_("lead organisation"), max_length=200, blank=True)
    partners = models.TextField(_("partners"), blank=True, help_text=_("One partner per line, or a sentence."))
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    link = models.URLField(_("web address"), blank=True, max_length=500)
    eu_funded = models.BooleanField(
        _("co-funded by the EU"),
        default=False,
        help_text=_(
            "Tick only when the initiative receives EU funding: the page then shows the EU emblem with "
            "“Co-funded by the European Union”, as the EU's rules for funded projects require."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows. Leave empty if the image is only decorative."),
    )

    base_form_class = InitiativePageForm
    parent_page_types = ["initiatives.RegionPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        HelpPanel(
            content=_(
                "The initiative belongs to the region of the region page it is placed under. "
                "Regional staff can add and edit initiatives under their own region's page only."
            )
        ),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("status_override"),
                FieldPanel("action_areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Status, period and action areas"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_organisation"),
                FieldPanel("partners"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                FieldPanel("link"),
                FieldPanel("eu_funded"),
            ],
            heading=_("Who runs it"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("lead_organisation"),
        index.SearchField("partners"),
        index.FilterField("status_override"),
        index.FilterField("region"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("region", serializer=TaxonomyField()),
        APIField("action_areas", serializer=TaxonomyField()),
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("lead_organisation"),
        APIField("partners"),
        APIField("link"),
        APIField("eu_funded"),
    ]

    og_type = "article"

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    # --- Validation and region scoping -----------------------------------------------------------

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def parent_region_id(self):
        """The region of the RegionPage this initiative is placed under (one query), or None."""
        if not self.path or not self.depth or self.depth < 2:
            return None
        parent_path = self.path[: -self.steplen]
        return RegionPage.objects.filter(path=parent_path).values_list("region_id", flat=True).first()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "region" in update_fields:
            region_id = self.parent_region_id()
            if region_id is not None:
                self.region_id = region_id
        return super().save(*args, **kwargs)

    # --- Display -----------------------------------------------------------------------------------

    @property
    def status(self):
        """The status shown everywhere: the editor's override, else what the dates say today."""
        return self.status_override or status_for_dates(self.start_date, self.end_date)

    def get_status_display(self):
        return Status(self.status).label

    @property
    def image_alt_text(self):
        return self.image_alt or ""

    @cached_property
    def area_list(self):
        """The action areas in the taxonomy's order: annotated by the listings and the route, else one query."""
        return list(self.action_areas.order_by("sort_order", "pk"))

    @property
    def period_display(self):
        from django.template.defaultfilters import date as date_filter

        # The month's full name: Django's "M" capitalises the abbreviation ("Okt"), which Swedish does not.
        start = date_filter(self.start_date, "F Y") if self.start_date else ""
        end = date_filter(self.end_date, "F Y") if self.end_date else ""
        if start and end:
            return f"{start}–{end}"
        if start:
            return str(_("from %(start)s") % {"start": start})
        if end:
            return str(_("until %(end)s") % {"end": end})
        return ""

    @property
    def partner_lines(self):
        return [line.strip() for line in (self.partners or "").splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["initiative_index"] = ancestor_of_type(self, InitiativeIndexPage)
        context["region_link"] = site_links(request)["regions"].get(self.region.slug)
        return context

    def structured_data(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "Project",
            "name": self.title,
            "description": self.summary,
            "inLanguage": translation.get_language(),
        }
        if self.link:
            data["sameAs"] = self.link
        return data


@receiver(page_published, sender=InitiativePage, dispatch_uid="initiatives_region_on_publish")
def keep_region_on_publish(sender, instance, **kwargs):
    """A revision published after a move carries the region of where the page is now."""
    region_id = instance.parent_region_id()
    if region_id is not None and region_id != instance.region_id:
        InitiativePage.objects.filter(pk=instance.pk).update(region_id=region_id)


@receiver(post_page_move, dispatch_uid="initiatives_region_on_move")
def keep_region_on_move(sender, instance, **kwargs):
    """An initiative moved (by someone allowed to) to another region page takes that region."""
    for page in InitiativePage.objects.descendant_of(instance, inclusive=True):
        region_id = page.parent_region_id()
        if region_id is not None and region_id != page.region_id:
            InitiativePage.objects.filter(pk=page.pk).update(region_id=region_id)
