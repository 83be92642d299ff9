"""The toolbox: shared resources (guides, templates, reports, films, links) that visitors find and download.

Tree: HomePage → ToolboxPage (the public listing) → ResourcePage (shared resources)
                                               → ToolboxRegionPage ×3 (one folder per region) → ResourcePage

Regional staff get Wagtail page permissions on their own region's folder only (core region scoping),
so they can create and publish resources there and nowhere else. A resource inside a folder always
carries the folder's region, whatever the form says.
"""

from urllib.parse import urlparse

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.dispatch import receiver
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Collection, Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published

from focus_industry.core.api_fields import TaxonomyField
from focus_industry.core.blocks import VideoBlock, parse_video_url
from focus_industry.core.listing import Facet, Listing, ListingPage, area_facet, choice_facet, region_facet
from focus_industry.core.models import ActionArea, BasePage, Region
from focus_industry.core.regions import BUSINESS_PROMOTERS, COORDINATORS, REGIONAL_STAFF_PREFIX, RegionRootMixin
from focus_industry.core.taxonomy import attach_tags, exclude_private, with_tags
from focus_industry.core.translated_routing import ancestor_of_type
from focus_industry.editors.file_permissions import BasePageForm, is_restricted, region_internal_collection

INTERNAL_COLLECTION = "Gemensamt – intern"
PAGE_SIZE = 12


def staff_groups():
    """The groups that may see internal resources: the regions' staff, coordinators and promoters."""
    roles = Q(name__startswith=REGIONAL_STAFF_PREFIX) | Q(name__in=[COORDINATORS, BUSINESS_PROMOTERS])
    return Group.objects.filter(roles)


def user_sees_internal(user):
    if not user or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_toolbox_sees_internal", None)
    if cached is None:
        cached = user.groups.filter(pk__in=staff_groups().values("pk")).exists()
        user._toolbox_sees_internal = cached
    return cached


def internal_collection():
    collection = Collection.objects.filter(name=INTERNAL_COLLECTION, depth=2).first()
    if collection is None:  # the migration creates it; rebuilt here if someone deleted it
        collection = Collection.get_first_root_node().add_child(name=INTERNAL_COLLECTION)
    return collection


class Kind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    TEMPLATE = "template", _("Template")
    REPORT = "report", _("Report")
    VIDEO = "video", _("Video")
    LINK = "link", _("Link")
    FUNDING = "funding", _("Funding")
    OTHER = "other", _("Other")


class ResourceLanguage(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    BOTH = "both", _("Swedish and English")


AUDIENCES = {
    # key in URLs → (model field, label)
    "companies": ("for_companies", _("Companies")),
    "promoters": ("for_promoters", _("Business promoters")),
    "staff": ("for_staff", _("Regional staff")),
}


def file_type_label(document):
    """'PDF', 'DOCX', 'CSV' … from the file's extension."""
    extension = (document.file_extension or "").lower()
    return extension.upper() if extension else _("File")


def download_label(document):
    """'PDF, 1.2 MB' (English) / 'PDF, 1,2 MB' (Swedish): the number follows the active language.

    Below one kilobyte the size is "1 KB" rather than a count of bytes ("1008 byte"), which says
    nothing more to a visitor.
    """
    size = document.get_file_size()
    if size is None:
        return str(file_type_label(document))
    return f"{file_type_label(document)}, {filesizeformat(max(size, 1024))}"


# --- Listing ---------------------------------------------------------------------------------

LISTING = Listing(
    facets=(
        choice_facet("kind", _("Type"), "kind", Kind),
        area_facet(),
        region_facet(),
        Facet(
            "audience",
            _("Audience"),
            lambda: {key: label for key, (_field, label) in AUDIENCES.items()},
            lambda model, key: Q(**{AUDIENCES[key][0]: True}),
        ),
        choice_facet("lang", _("Language of the resource"), "resource_language", ResourceLanguage),
    ),
    count=ngettext_lazy("%(counter)s resource", "%(counter)s resources", "counter"),
    cards=lambda queryset: with_tags(queryset.select_related("document").defer_streamfields()),
    prepare=attach_tags,
)


# --- Pages -----------------------------------------------------------------------------------


class ToolboxPage(ListingPage, BasePage):
    """The toolbox: every public resource, with filters."""

    listing = LISTING

    intro = models.TextField(_("introduction"), blank=True)

    max_count = 1
    parent_page_types = ["focus_industry.HomePage"]
    subpage_types = ["toolbox.ResourcePage", "toolbox.ToolboxRegionPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("toolbox")

    def listing_variant(self, request):
        return "internal" if user_sees_internal(getattr(request, "user", None)) else ""

    def listed(self, request):
        """The resources a visitor may see, newest first (staff also see internal ones)."""
        queryset = ResourcePage.objects.live().descendant_of(self)
        if not user_sees_internal(getattr(request, "user", None)):
            queryset = exclude_private(queryset)
        return queryset.order_by("-date", "-pk")


class ToolboxRegionPage(RegionRootMixin, BasePage):
    """A region's folder in the toolbox: its staff create and publish resources here, and only here.

    Visitors who open the folder itself see its introduction and a link to the toolbox filtered by the
    region (the one listing, so there is one canonical list of a region's resources).
    """

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["toolbox.ToolboxPage"]
    subpage_types = ["toolbox.ResourcePage"]
    content_panels = Page.content_panels + [FieldPanel("region"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("toolbox region folder")
        constraints = [models.UniqueConstraint(fields=["region"], name="toolbox_one_folder_per_region")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        toolbox = ancestor_of_type(self, ToolboxPage)
        context["toolbox"] = toolbox
        context["filtered_url"] = f"{toolbox.get_url(request=request)}?region={self.region.slug}"
        return context


class ResourcePageForm(BasePageForm):
    """Inside a region folder the regions field is fixed to the folder's region (and ignored if forged)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        region = getattr(parent.specific_deferred, "region", None) if parent is not None else None
        self.instance._toolbox_parent = parent
        if region is not None and "regions" in self.fields:
            field = self.fields["regions"]
            field.disabled = True
            field.initial = [region.pk]
            field.help_text = _("Resources in a region's folder always belong to that region.")

    def clean(self):
        cleaned_data = super().clean()
        document = cleaned_data.get("document")
        if document is None or "document" in self.errors:
            return cleaned_data
        internal = bool(
            cleaned_data.get("for_staff")
            and not cleaned_data.get("for_companies")
            and not cleaned_data.get("for_promoters")
        )
        restricted = is_restricted(document.collection)
        if internal and not restricted:
            self.add_error(
                "document",
                _(
                    "An internal resource needs a file from an internal collection (such as “%(name)s”), "
                    "otherwise visitors could open the file. Upload the file there, or choose one from there."
                )
                % {"name": self._internal_collection_name()},
            )
        elif not internal and restricted:
            self.add_error(
                "document",
                _(
                    "This file is in an internal collection, so visitors cannot open it. Choose a file from a "
                    "public collection, or make the resource internal (tick only “regional staff”)."
                ),
            )
        return cleaned_data

    def _internal_collection_name(self):
        region = self.instance.folder_region()
        collection = region_internal_collection(region) if region is not None else None
        return collection.name if collection is not None else INTERNAL_COLLECTION


class ResourcePage(BasePage):
    """One resource: a file, a link or a film, with what it is, for whom and in which language."""

    description = models.TextField(_("description"), help_text=_("What the resource is and who it helps."))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.GUIDE)
    date = models.DateField(_("date"), default=timezone.localdate)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    external_url = models.URLField(_("web address"), blank=True, max_length=500)
    video_url = models.URLField(
        _("film address"), blank=True, max_length=500, help_text=_("A YouTube or Vimeo address.")
    )
    resource_language = models.CharField(
        _("language of the resource"), max_length=4, choices=ResourceLanguage.choices, default=ResourceLanguage.SWEDISH
    )
    for_companies = models.BooleanField(_("companies"), default=True)
    for_promoters = models.BooleanField(_("business promoters"), default=True)
    for_staff = models.BooleanField(
        _("regional staff"),
        default=False,
        help_text=_("Tick only this box to make the resource internal: visible to logged-in staff only."),
    )
    regions = ParentalManyToManyField(Region, verbose_name=_("regions"), blank=True, related_name="+")
    action_areas = ParentalManyToManyField(ActionArea, verbose_name=_("action areas"), blank=True, related_name="+")

    base_form_class = ResourcePageForm
    parent_page_types = ["toolbox.ToolboxPage", "toolbox.ToolboxRegionPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("resource_language")]),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url"), FieldPanel("video_url")],
            heading=_("The resource: a file, a web address or a film (exactly one)"),
        ),
        MultiFieldPanel(
            [FieldPanel("for_companies"), FieldPanel("for_promoters"), FieldPanel("for_staff")],
            heading=_("Audience"),
        ),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("action_areas", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("resource_language"),
    ]
    api_fields = [
        APIField("date"),
        APIField("description"),
        APIField("kind"),
        APIField("resource_language"),
        APIField("external_url"),
        APIField("video_url"),
        APIField("regions", serializer=TaxonomyField()),
        APIField("action_areas", serializer=TaxonomyField()),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    # --- What the resource is ------------------------------------------------------------------

    @property
    def is_internal(self):
        """Internal: meant for regional staff only. Wagtail's privacy hides it from everyone else."""
        return bool(self.for_staff and not self.for_companies and not self.for_promoters)

    @cached_property
    def video(self):
        """The film as a VideoBlock value, rendered with the shared click-to-load markup."""
        if not self.video_url:
            return None
        block = VideoBlock()
        return block.to_python({"url": self.video_url, "title": self.title, "poster": None, "caption": ""})

    @property
    def download_label(self):
        return download_label(self.document) if self.document_id else ""

    @property
    def audience_labels(self):
        return [label for _key, (field, label) in AUDIENCES.items() if getattr(self, field)]

    @property
    def regions_list(self):
        """The resource's regions: from the listing's annotations when present, else one query."""
        if "tag_regions" in self.__dict__:
            return self.tag_regions
        return list(self.regions.all())

    @property
    def areas_list(self):
        if "tag_areas" in self.__dict__:
            return self.tag_areas
        return list(self.action_areas.all())

    @property
    def external_host(self):
        return (urlparse(self.external_url).hostname or "").removeprefix("www.") if self.external_url else ""

    @property
    def kind_label(self):
        return self.get_kind_display()

    # --- Validation and region scoping -----------------------------------------------------------

    def folder_region(self):
        """The region of the folder this resource lives in, or None for a shared resource."""
        parent = getattr(self, "_toolbox_parent", None)
        if parent is None and self.path and self.depth:
            parent = self.get_parent()
        if parent is None:
            return None
        return getattr(parent.specific_deferred, "region", None)

    def clean(self):
        super().clean()
        errors = {}
        targets = [value for value in (self.document_id, self.external_url, self.video_url) if value]
        if len(targets) != 1:
            message = _("Give exactly one of these: a file, a web address or a film address.")
            for name in ("document", "external_url", "video_url"):
                errors[name] = message
        if self.video_url and not parse_video_url(self.video_url):
            errors["video_url"] = _("Enter the address of a film on YouTube or Vimeo.")
        if not (self.for_companies or self.for_promoters or self.for_staff):
            errors["for_companies"] = _("Choose at least one audience.")
        if errors:
            raise ValidationError(errors)
        self._force_folder_region()

    def _force_folder_region(self):
        region = self.folder_region()
        if region is not None:
            self.regions = [region]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self._force_folder_region()
        result = super().save(*args, **kwargs)
        self.apply_privacy()
        return result

    # --- Privacy -------------------------------------------------------------------------------

    def apply_privacy(self):
        """Make an internal resource private with Wagtail's own view restriction.

        Called on every save (drafts too). The file is never touched: its privacy is its
        collection's, and the form makes an internal resource use a file from an internal
        collection (and a public one a file visitors may open).
        """
        if not self.pk or not self.is_internal:
            return
        restriction = self._own_restriction()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(page=self, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set(staff_groups())

    def _own_restriction(self):
        expected = set(staff_groups().values_list("pk", flat=True))
        for restriction in PageViewRestriction.objects.filter(
            page=self, restriction_type=PageViewRestriction.GROUPS
        ).prefetch_related("groups"):
            if {group.pk for group in restriction.groups.all()} == expected:
                return restriction
        return None

    def published(self):
        """After publishing: a resource that is no longer internal loses its page restriction."""
        if self.is_internal:
            self.apply_privacy()
            return
        restriction = self._own_restriction()
        if restriction is not None:
            restriction.delete()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["toolbox"] = ancestor_of_type(self, ToolboxPage)
        return context

    def structured_data(self, request):
        return {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": self.title,
            "description": self.description,
            "inLanguage": ["sv", "en"] if self.resource_language == "both" else self.resource_language,
            "datePublished": self.date.isoformat(),
        }


@receiver(page_published, sender=ResourcePage, dispatch_uid="toolbox_resource_published")
def resource_published(sender, instance, **kwargs):
    instance.published()
