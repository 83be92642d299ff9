"""modeltranslation registrations: the toolbox's own texts in Swedish and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import ResourcePage, ToolboxPage, ToolboxRegionPage


@register(ToolboxPage)
class ToolboxPageTR(TranslationOptions):
    fields = ("intro",)


@register(ToolboxRegionPage)
class ToolboxRegionPageTR(TranslationOptions):
    fields = ("intro",)


@register(ResourcePage)
class ResourcePageTR(TranslationOptions):
    fields = ("description",)
