"""modeltranslation registrations: the initiatives' own texts in Swedish and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import InitiativeIndexPage, InitiativePage, RegionPage


@register(InitiativeIndexPage)
class InitiativeIndexPageTR(TranslationOptions):
    fields = ("intro", "map_heading")


@register(RegionPage)
class RegionPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(InitiativePage)
class InitiativePageTR(TranslationOptions):
    fields = ("summary", "description", "partners", "image_alt")
