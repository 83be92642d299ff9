"""modeltranslation registrations: the stories' own texts in Swedish and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import StoryIndexPage, StoryPage


@register(StoryIndexPage)
class StoryIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(StoryPage)
class StoryPageTR(TranslationOptions):
    fields = ("lead", "body", "hero_alt", "project_owner", "period", "funding", "contact", "link_text")
