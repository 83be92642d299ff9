"""Public URLs of the stories app outside the page tree (included inside i18n_patterns).

- /kategori/<slug>/ and /en/kategori/<slug>/ (the real site's category pages) redirect to the listing
  filtered by that action area. The slug may be the area's key (`innovation`) or the Swedish or
  English slug of its action area page; anything else is a 404.
- /en/framgangsexempel/… (the real site's untranslated English section) redirects to
  /en/success-stories/…. In Swedish the same address is the listing itself, so the pattern only
  matches while English is active and Wagtail serves the Swedish page as usual.
"""

from django.urls import path, register_converter

from . import views

app_name = "stories"


class EnglishOnlySection:
    """Matches the Swedish section slug only when the active language is English."""

    regex = "framgangsexempel"

    def to_python(self, value):
        from django.utils.translation import get_language

        if get_language() != "en":
            raise ValueError("only in English")
        return value

    def to_url(self, value):
        return value


register_converter(EnglishOnlySection, "old_en_section")

urlpatterns = [
    path("kategori/<slug:slug>/", views.category, name="category"),
    path("<old_en_section:section>/", views.old_english_story, name="old_english_index"),
    path("<old_en_section:section>/<slug:slug>/", views.old_english_story, name="old_english_story"),
]
