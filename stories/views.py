"""Redirects that keep the real site's addresses working (see urls.py)."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation

from focus_industry.core.models import ActionArea, ActionAreaPage

from .models import StoryIndexPage, StoryPage


def _listing(request):
    index = StoryIndexPage.objects.live().first()
    url = index.get_url(request=request) if index else None
    if not url:
        raise Http404("There is no list of success stories.")
    return url


def category(request, slug):
    """/kategori/<slug>/ → the listing filtered by that action area (permanent redirect)."""
    slugs = Q()
    for code, _name in settings.LANGUAGES:
        slugs |= Q(**{f"slug_{code}": slug})
    pages = ActionAreaPage.objects.filter(slugs).values("action_area_id")
    area = ActionArea.objects.filter(Q(slug=slug) | Q(pk__in=pages)).first()
    if area is None:
        raise Http404("There is no such category.")
    return HttpResponsePermanentRedirect(f"{_listing(request)}?area={area.slug}")


def old_english_story(request, section, slug=None):
    """/en/framgangsexempel/<slug>/ → /en/success-stories/<slug>/ (the story's English address)."""
    if slug is None:
        return HttpResponsePermanentRedirect(_listing(request))
    story = StoryPage.objects.live().filter(Q(slug_en=slug) | Q(slug_sv=slug)).first()
    if story is None:
        raise Http404("There is no such story.")
    with translation.override("en"):
        url = story.get_url(request=request)
    return HttpResponsePermanentRedirect(url)
