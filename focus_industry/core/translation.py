"""modeltranslation registrations for the core (Swedish default, English second)."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    ActionArea,
    ActionAreaIndexPage,
    ActionAreaPage,
    HomePage,
    Region,
    SiteSettings,
    StandardPage,
)


@register(Region)
class RegionTR(TranslationOptions):
    fields = ("name", "short_description")


@register(ActionArea)
class ActionAreaTR(TranslationOptions):
    fields = ("name", "short_description")


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = (
        "hero_heading",
        "hero_intro",
        "key_figures",
        "way_forward_heading",
        "way_forward_text",
        "about_heading",
        "about_text",
        "video",
        "areas_heading",
        "toolbox_heading",
        "toolbox_text",
    )


@register(ActionAreaIndexPage)
class ActionAreaIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ActionAreaPage)
class ActionAreaPageTR(TranslationOptions):
    fields = ("intro", "body", "steps")


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("contact_heading", "contact_text")
