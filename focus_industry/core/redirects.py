"""Old addresses keep working when a slug changes, in Swedish AND in English.

Wagtail creates redirects on a slug change through its `page_slug_changed` signal, but with
wagtail-modeltranslation that signal never fires for `slug_sv`/`slug_en` (the translated slugs are
separate columns, and the languages' paths live in `url_path_sv`/`url_path_en`). So we watch the
page's own save: `pre_save` remembers the paths stored in the database, `post_save` compares them with
the new ones, and for each language whose path changed on a page that was live, a permanent redirect
is created from the old public address to the page (and one for each live page below it). Wagtail's
RedirectMiddleware then answers the old address with a 301 to the page's current address in the
language of the old address. Moving a page is a save too, so moves are covered in both languages.
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page


def _path_fields():
    return [build_localized_fieldname("url_path", lang) for lang in settings.MODELTRANSLATION_LANGUAGES]


def _tracks(instance, update_fields):
    if not isinstance(instance, Page) or not instance.pk:
        return False
    return update_fields is None or any(name in update_fields for name in ["url_path", "slug", *_path_fields()])


def remember_old_paths(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not _tracks(instance, update_fields):
        return
    instance._focus_old_paths = Page.objects.filter(pk=instance.pk).values("live", *_path_fields()).first()


def public_path(url_path, site, language):
    """The public address (path) of a page with `url_path` in `language`, or None if outside the site."""
    root_path = (
        getattr(site.root_page, build_localized_fieldname("url_path", language), None) or site.root_page.url_path
    )
    if not url_path or not url_path.startswith(root_path):
        return None
    with translation.override(language):
        return reverse("wagtail_serve", args=(url_path[len(root_path) :],))


def create_redirects_for_changed_paths(sender, instance, raw=False, update_fields=None, **kwargs):
    old = getattr(instance, "_focus_old_paths", None)
    instance._focus_old_paths = None
    if raw or not old or not old["live"]:
        return
    site = instance.get_site()
    if site is None:
        return
    site.root_page = Page.objects.get(pk=site.root_page_id)  # the root's translated paths
    fresh = Page.objects.filter(pk=instance.pk).values(*_path_fields()).first()
    for language in settings.MODELTRANSLATION_LANGUAGES:
        name = build_localized_fieldname("url_path", language)
        old_url_path, new_url_path = old[name], fresh[name]
        if not old_url_path or old_url_path == new_url_path:
            continue
        pairs = [(old_url_path, instance.pk)]
        for descendant_id, path in instance.get_descendants().live().values_list("pk", name):
            if path and path.startswith(new_url_path):
                pairs.append((old_url_path + path[len(new_url_path) :], descendant_id))
            elif path and path.startswith(old_url_path):  # descendants not rewritten yet
                pairs.append((path, descendant_id))
        _save_redirects(site, language, pairs)


def _save_redirects(site, language, pairs):
    for old_url_path, page_id in pairs:
        path = public_path(old_url_path, site, language)
        if not path:
            continue
        old_path = Redirect.normalise_path(path)
        if Redirect.objects.filter(old_path=old_path, site=site, automatically_created=False).exists():
            continue  # an editor's own redirect wins
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=site,
            defaults={
                "redirect_page_id": page_id,
                "redirect_link": "",
                "redirect_page_route_path": "",
                "is_permanent": True,
                "automatically_created": True,
            },
        )


def connect():
    pre_save.connect(remember_old_paths, dispatch_uid="focus_industry_remember_old_paths")
    post_save.connect(create_redirects_for_changed_paths, dispatch_uid="focus_industry_translated_slug_redirects")
