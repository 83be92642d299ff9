"""The site-wide core: taxonomy, the page types every site needs, and site settings.

Feature apps (stories, initiatives, toolbox) depend on this module; it never imports them.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from focus_industry.editors.file_permissions import BaseModelForm, BasePageForm

from .blocks import BaseContentBlock, KeyFiguresBlock, PartnerBlock, StepsBlock, VideoBlock

# --- Taxonomy ---------------------------------------------------------------------------------


class TaxonomyQuerySet(models.QuerySet):
    def ordered(self):
        return self.order_by("sort_order", "pk")


class TaxonomyBase(models.Model):
    """Shared shape of regions and action areas: a translated name, a stable key, an order."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("A stable, language-neutral key used in addresses and filters."),
    )
    short_description = models.TextField(_("short description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TaxonomyQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("short_description"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name or self.slug


class Region(index.Indexed, TaxonomyBase):
    """Dalarna, Gävleborg, Värmland. Each has a staff group that may edit only its own content."""

    staff_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("staff group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff_region",
        help_text=_("Members of this group may edit this region's content and nothing else."),
    )

    panels = TaxonomyBase.panels + [FieldPanel("staff_group")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class ActionArea(index.Indexed, TaxonomyBase):
    """One of the six prioritised action areas."""

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("action area")
        verbose_name_plural = _("action areas")

    def get_page(self):
        return ActionAreaPage.objects.live().filter(action_area=self).first()


# --- Page building blocks ---------------------------------------------------------------------


class BasePage(Page):
    """Every public page type derives from this: social image and translation fallback notice."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared. Defaults to the page's main image."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]
    base_form_class = BasePageForm

    # Editors preview each language, whatever their own admin language is.
    preview_modes = [("sv", _("Swedish")), ("en", _("English"))]
    default_preview_mode = "sv"

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response

    def get_view_restrictions(self):
        """Wagtail's (two queries: the ancestors, then their restrictions), except for a page routed to be
        served (`_served_to`, set by translated_routing.route) that no restricted section covers while no
        page is an alias: then none, with no query (the private sections are kept under the content
        version; saving or deleting a restriction purges). Elsewhere, in the admin above all, Wagtail's."""
        request = getattr(self, "_served_to", None)
        if request is not None:
            from wagtail.models import PageViewRestriction

            from .taxonomy import private_sections

            paths, aliases = private_sections(request)
            if not aliases and not any(self.path.startswith(path) for path in paths):
                return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def is_translation_missing(self, language=None):
        """True when the page has no own text in `language` and falls back to Swedish."""
        language = language or get_language()
        if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            return False
        return not getattr(self, f"title_{language}", None)


# --- Page types -------------------------------------------------------------------------------


class HomePage(BasePage):
    hero_heading = models.CharField(_("hero heading"), max_length=200)
    hero_intro = models.TextField(_("hero introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    key_figures = StreamField(KeyFiguresBlock(), verbose_name=_("key figures"), blank=True)
    way_forward_heading = models.CharField(_("heading: the way forward"), max_length=200, blank=True)
    way_forward_text = RichTextField(_("text: the way forward"), blank=True, features=["bold", "italic", "link"])
    about_heading = models.CharField(_("heading: what is Focus Industry?"), max_length=200, blank=True)
    about_text = RichTextField(_("text: what is Focus Industry?"), blank=True, features=["bold", "italic", "link"])
    video = StreamField([("video", VideoBlock())], verbose_name=_("film"), blank=True, max_num=1)
    areas_heading = models.CharField(_("heading: action areas"), max_length=200, blank=True)
    toolbox_heading = models.CharField(_("heading: toolbox"), max_length=200, blank=True)
    toolbox_text = models.TextField(_("text: toolbox"), blank=True)
    toolbox_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("toolbox page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("key_figures"),
        MultiFieldPanel(
            [FieldPanel("way_forward_heading"), FieldPanel("way_forward_text")], heading=_("The way forward")
        ),
        MultiFieldPanel(
            [FieldPanel("about_heading"), FieldPanel("about_text"), FieldPanel("video")],
            heading=_("What is Focus Industry?"),
        ),
        FieldPanel("areas_heading"),
        MultiFieldPanel(
            [FieldPanel("toolbox_heading"), FieldPanel("toolbox_text"), FieldPanel("toolbox_page")],
            heading=_("Toolbox"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_intro"), index.SearchField("about_text")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .sections import HOME_SECTIONS, head_links, lazy_sections

        context = super().get_context(request, *args, **kwargs)
        context["head_links"] = head_links(request, page=self)
        from .taxonomy import exclude_private

        context["action_area_pages"] = exclude_private(
            ActionAreaPage.objects.live().select_related("action_area").order_by("action_area__sort_order")
        )
        context["sections"] = lazy_sections(HOME_SECTIONS, request, page=self)
        return context


class ActionAreaIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    max_count = 1
    parent_page_types = ["focus_industry.HomePage"]
    subpage_types = ["focus_industry.ActionAreaPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("action area overview")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .taxonomy import exclude_private

        context["area_pages"] = exclude_private(
            ActionAreaPage.objects.child_of(self)
            .live()
            .select_related("action_area")
            .order_by("action_area__sort_order")
        )
        return context


class ActionAreaPage(BasePage):
    action_area = models.OneToOneField(
        ActionArea, verbose_name=_("action area"), on_delete=models.PROTECT, related_name="page"
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseContentBlock(), verbose_name=_("body"), blank=True)
    steps = StreamField(StepsBlock(), verbose_name=_("steps to move us forward"), blank=True)

    parent_page_types = ["focus_industry.ActionAreaIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("action_area"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("steps"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("action area page")

    def get_context(self, request, *args, **kwargs):
        from .sections import TAGGED_SECTIONS, lazy_sections
        from .taxonomy import action_area_by_pk

        context = super().get_context(request, *args, **kwargs)
        cached_area = action_area_by_pk(self.action_area_id)
        if cached_area is not None:
            self.action_area = cached_area  # from the taxonomy cache: no query of its own
        context["sections"] = lazy_sections(TAGGED_SECTIONS, request, page=self, action_area=self.action_area)
        return context


class StandardPage(BasePage):
    """About, contact, accessibility statement, privacy and cookies, and similar pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseContentBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["focus_industry.HomePage", "focus_industry.StandardPage"]
    subpage_types = ["focus_industry.StandardPage"]
    is_promoters_section = True  # business promoters add and edit ordinary pages here (focus_industry.core.regions)
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


# --- Site settings ----------------------------------------------------------------------------


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    contact_heading = models.CharField(_("contact heading"), max_length=120, blank=True)
    contact_text = models.TextField(_("contact text"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy and cookies"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partners = StreamField([("partner", PartnerBlock())], verbose_name=_("partners"), blank=True)

    base_form_class = BaseModelForm

    # The footer links to both pages on every page: fetch them with the settings, in one query.
    select_related = ["accessibility_page", "privacy_page"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_heading"),
                FieldPanel("contact_text"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Footer contacts"),
        ),
        MultiFieldPanel([FieldPanel("accessibility_page"), FieldPanel("privacy_page")], heading=_("Footer links")),
        FieldPanel("partners"),
    ]

    class Meta:
        verbose_name = _("site settings")
